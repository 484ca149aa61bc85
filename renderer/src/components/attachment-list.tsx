import type { Attachment } from '../../../shared/model';
import { mediaHashOf } from '../../../shared/sync/media-address';
import { useT } from '../i18n/use-t';
import { useUi } from '../store/ui-store';
import { MediaImage } from './media-image';
import { VoiceNote } from './voice-note';

/**
 * What came with the message. Pictures and voice notes the server fetched come through the host
 * (never from the platform's own address); until then they show as pending, and update once synced.
 */
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
    case 'image': {
      const hash = mediaHashOf(attachment.url);
      if (hash) {
        return (
          <>
            <MediaImage key={hash} hash={hash} onOpen={() => useUi.getState().open('media-viewer')} />
            <span className="attachment-kind">{t('attachment.image')}</span>
            <span className="muted">{t('attachment.viewLarge')}</span>
          </>
        );
      }
      return (
        <>
          <span className="image-placeholder" aria-hidden="true" />
          <span className="attachment-kind">{t('attachment.imageNotFetched')}</span>
          {attachment.mediaId && <span className="mono muted">{attachment.mediaId}</span>}
          {attachment.mediaId && (
            <span className="muted" data-testid="media-pending">
              {t('attachment.pending')}
            </span>
          )}
        </>
      );
    }
    case 'voice': {
      const hash = mediaHashOf(attachment.url);
      return (
        <>
          <span className="attachment-kind">{t('attachment.voice')}</span>
          {hash && <VoiceNote key={hash} hash={hash} format={attachment.format} />}
          {attachment.recognition && (
            <span data-testid="voice-recognition">
              <span className="muted">{t('attachment.recognition')}：</span>
              {attachment.recognition}
            </span>
          )}
          {attachment.mediaId && !hash && (
            <span className="muted" data-testid="media-pending">
              {t('attachment.pending')}
            </span>
          )}
        </>
      );
    }
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
