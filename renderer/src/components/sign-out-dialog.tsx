import { useT } from '../i18n/use-t';
import { useClaims } from '../store/claim-store';
import { useSession } from '../store/session-store';
import { notifyFailure } from '../store/notice-store';
import { useUi } from '../store/ui-store';
import { HandoverBreaches } from './handover-breaches';
import { TextDialog } from './text-dialog';

/** The server's limit on a handover note. */
const MAX_HANDOVER = 4000;

/**
 * g o: ending the shift. What will breach before the next shift, and the note the next operator
 * reads when they sign in; Enter signs out (the note may stay empty), Esc stays signed in.
 */
export function SignOutDialog() {
  const t = useT();
  const close = useUi((s) => s.close);
  return (
    <TextDialog
      testId="sign-out"
      title={t('signOut.title')}
      placeholder={t('signOut.placeholder')}
      initial=""
      max={MAX_HANDOVER}
      allowEmpty
      onCancel={close}
      onSubmit={(note) => {
        close();
        // The lease goes with the operator; the host no longer has their token once signed out.
        void useClaims
          .getState()
          .follow(null)
          .then(() => useSession.getState().signOut(note))
          .catch(notifyFailure);
      }}
    >
      <HandoverBreaches />
    </TextDialog>
  );
}
