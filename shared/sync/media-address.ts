import type { Attachment } from '../model';

/** Where the server serves a fetched attachment by its sha256: an image's or voice's url once fetched. */
export const SERVER_MEDIA_PATH = '/api/media/';
const SERVER_MEDIA_URL = /^\/api\/media\/([0-9a-f]{64})$/;

/** The sha256 an attachment's url names, or null while not fetched (a platform's own address, like WeChat's PicUrl, does not count). */
export function mediaHashOf(url: string | null | undefined): string | null {
  return (url && SERVER_MEDIA_URL.exec(url)?.[1]) || null;
}

/** The addresses of the fetched attachments of these kinds, in order. */
export function mediaHashesIn(
  attachments: readonly Attachment[],
  kinds: readonly ('image' | 'voice')[] = ['image', 'voice'],
): string[] {
  return attachments.flatMap((attachment) => {
    const hash =
      attachment.kind === 'image' || attachment.kind === 'voice'
        ? kinds.includes(attachment.kind) && mediaHashOf(attachment.url)
        : null;
    return hash ? [hash] : [];
  });
}
