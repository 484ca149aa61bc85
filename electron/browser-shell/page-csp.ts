import { MEDIA_PATH } from '../../shared/api/transport';

/**
 * The renderer's Content-Security-Policy, sent as a header by both shells on every response.
 * renderer/index.html carries the same in a meta tag, with 'self' where this names the media path:
 * images and audio come only from the host's own /media/, never from anywhere remote.
 */
export function pageCsp(origin: string): string {
  const media = `${origin}${MEDIA_PATH}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src data: ${media}`,
    `media-src ${media}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
