import { useEffect, useRef, useState } from 'react';
import { mediaHashesIn } from '../../../shared/sync/media-address';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import { useCurrentRequest } from '../store/queue-store';
import { useUi } from '../store/ui-store';
import { KeyHints } from './key-hints';
import { MediaImage } from './media-image';

/** i: the current request's pictures, one at a time and large; ←/→ switch, i (the key that opened it) or Esc close. */
export function MediaViewer() {
  const t = useT();
  const close = useUi((s) => s.close);
  const request = useCurrentRequest();
  const hashes = request ? mediaHashesIn(request.attachments, ['image']) : [];
  const [index, setIndex] = useState(0);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const shown = Math.min(index, Math.max(0, hashes.length - 1));
  useKeyScope('media', {
    run: (action) => {
      if (action === 'imageNext') setIndex((shown + 1) % hashes.length);
      else if (action === 'imagePrevious') setIndex((shown - 1 + hashes.length) % hashes.length);
      else if (action === 'viewImage' || action === 'close') close();
    },
  });

  if (hashes.length === 0) return null;
  const title = t('media.title', { n: shown + 1, total: hashes.length });

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
        onMouseDown={(event) => event.stopPropagation()}
      >
        <div className="picker-title">{title}</div>
        <MediaImage key={hashes[shown]} hash={hashes[shown]!} large />
        <div className="picker-hint">
          <KeyHints scope="media" />
        </div>
      </div>
    </div>
  );
}
