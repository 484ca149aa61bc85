import { useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t';
import { useQueue } from '../store/queue-store';
import { useUi } from '../store/ui-store';

/** The decision schema's limit on a reply. */
const MAX_REPLY = 2000;

/** r: reply to the citizen on the channel the request came from. */
export function ReplyBox() {
  const t = useT();
  const close = useUi((s) => s.close);
  const decide = useQueue((s) => s.decide);
  const [text, setText] = useState('');
  const tooLong = text.length > MAX_REPLY;

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      const reply = text.trim();
      if (reply === '' || tooLong) return;
      close();
      decide({ kind: 'reply', text: reply });
    }
  };

  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div className="reply-box" role="dialog" aria-modal="true" aria-label={t('reply.title')} onMouseDown={(e) => e.stopPropagation()}>
        <div className="picker-title">{t('reply.title')}</div>
        <textarea
          className="reply-input"
          data-testid="reply-input"
          autoFocus
          rows={6}
          value={text}
          placeholder={t('reply.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="picker-hint">
          <span className="muted">{t('reply.hint')}</span>
          <span className={tooLong ? 'status-error' : 'muted'}>
            {tooLong ? t('reply.tooLong', { max: MAX_REPLY }) : `${text.length} / ${MAX_REPLY}`}
          </span>
        </div>
      </div>
    </div>
  );
}
