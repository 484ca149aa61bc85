import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { mediaHashesIn } from '../../../shared/sync/media-address';
import { useT } from '../i18n/use-t';
import { useCurrentRequest } from '../store/queue-store';
import { useUi } from '../store/ui-store';
import { MediaImage } from './media-image';

/** i: the current request's pictures, one at a time and large; ←/→ switch, i or Esc close. */
export function MediaViewer() {
  const t = useT();
  const close = useUi((s) => s.close);
  const request = useCurrentRequest();
  const hashes = request ? mediaHashesIn(request.attachments, ['image']) : [];
  const [index, setIndex] = useState(0);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);

  if (hashes.length === 0) return null;
  const shown = Math.min(index, hashes.length - 1);
  const title = t('media.title', { n: shown + 1, total: hashes.length });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowRight') setIndex((shown + 1) % hashes.length);
    else if (event.key === 'ArrowLeft') setIndex((shown - 1 + hashes.length) % hashes.length);
    else if (event.key === 'i') close();
    else return;
    // Kept from the workstation's own keys: i would open the viewer again at once.
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div
        className="media-viewer"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid="media-viewer"
        tabIndex={-1}
        ref={dialog}
        onKeyDown={onKeyDown}
        onMouseDown={(event) => event.stopPropagation()}
      >
        <div className="picker-title">{title}</div>
        <MediaImage key={hashes[shown]} hash={hashes[shown]!} large />
        <div className="picker-hint muted">{t('media.hint')}</div>
      </div>
    </div>
  );
}
