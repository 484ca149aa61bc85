import { useT } from '../i18n/use-t';
import { useQueue } from '../store/queue-store';
import { useUi } from '../store/ui-store';
import { TextDialog } from './text-dialog';

/** The decision schema's limit on a note. */
const MAX_NOTE = 4000;

/** n: a note on the request (or on each marked one), for colleagues and the record. */
export function NoteBox() {
  const t = useT();
  const close = useUi((s) => s.close);
  return (
    <TextDialog
      testId="note"
      title={t('note.title')}
      placeholder={t('note.placeholder')}
      initial=""
      max={MAX_NOTE}
      onCancel={close}
      onSubmit={(text) => {
        close();
        useQueue.getState().decide(() => [{ kind: 'note', text }]);
      }}
    />
  );
}
