import { MEDIA_PATH } from '../../../shared/api/transport';
import { shellToken } from './shell-token';

/**
 * Where the host serves an attachment by its sha256, for an <img> or <audio>: on the page's own
 * origin (app://yiwang in Electron); the browser shell wants its token, which a tag can only carry in the query.
 */
export function mediaAddress(hash: string): string {
  const token = window.yiwang ? null : shellToken();
  return `${MEDIA_PATH}${hash}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
