import { useT } from '../i18n/use-t';
import { useUi } from '../store/ui-store';
import { notePlan } from '../triage/dispatch';
import { decide } from '../triage/send-decisions';
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
        decide(notePlan(text));
      }}
    />
  );
}
