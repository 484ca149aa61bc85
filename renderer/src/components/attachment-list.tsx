import type { Attachment } from '../../../shared/model';
import { useT } from '../i18n/use-t';

/** What came with the message. Media are placeholders: the renderer loads nothing from outside. */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const t = useT();
  if (attachments.length === 0) return null;
  return (
    <section className="attachments">
      <h3 className="section-title">{t('detail.attachments')}</h3>
      <ul>
        {attachments.map((attachment, i) => (
          <li key={i} className={`attachment attachment-${attachment.kind}`}>
            <AttachmentItem attachment={attachment} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function AttachmentItem({ attachment }: { attachment: Attachment }) {
  const t = useT();
  switch (attachment.kind) {
    case 'location':
      return (
        <>
          <span className="attachment-kind">{t('attachment.location')}</span>
          <span>{attachment.label ?? t('attachment.noLabel')}</span>
          <span className="mono muted">
            {attachment.latitude.toFixed(6)}, {attachment.longitude.toFixed(6)}
          </span>
        </>
      );
    case 'image':
      return (
        <>
          <span className="image-placeholder" aria-hidden="true" />
          <span className="attachment-kind">{attachment.url ? t('attachment.image') : t('attachment.imageNotFetched')}</span>
          {attachment.mediaId && <span className="mono muted">{attachment.mediaId}</span>}
          {attachment.mediaId && !fetched(attachment.url) && <span className="muted" data-testid="media-pending">{t('attachment.pending')}</span>}
        </>
      );
    case 'voice':
      return (
        <>
          <span className="attachment-kind">{t('attachment.voice')}</span>
          {attachment.recognition && <span>{attachment.recognition}</span>}
          {attachment.mediaId && !fetched(attachment.url) && <span className="muted" data-testid="media-pending">{t('attachment.pending')}</span>}
        </>
      );
    case 'video':
      return <span className="attachment-kind">{t('attachment.video')}</span>;
    case 'link':
      // Shown as text, not a link: the address is the citizen's, not to be followed from here.
      return (
        <>
          <span className="attachment-kind">{t('attachment.link')}</span>
          <span>{attachment.title}</span>
          <span className="mono muted">{attachment.url}</span>
        </>
      );
  }
}

/** Stored by the server (server/media); a platform's own address (WeChat's PicUrl) does not count. */
function fetched(url: string | null | undefined): boolean {
  return url?.startsWith('/api/media/') ?? false;
}
