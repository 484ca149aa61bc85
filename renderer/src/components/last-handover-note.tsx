import { formatInstant } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useSession } from '../store/session-store';
import { useUi } from '../store/ui-store';

/** The handover note the previous shift left at the centre, as the server gave it at sign-in. Plain text only. */
export function LastHandoverNote() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const handover = useSession((s) => s.session?.handover ?? null);
  if (!handover) {
    return (
      <section className="handover-note" data-testid="handover-note" data-empty="true">
        <h3>{t('handover.lastNote')}</h3>
        <div className="muted">{t('handover.noNote')}</div>
      </section>
    );
  }
  return (
    <section className="handover-note" data-testid="handover-note" data-operator={handover.operatorName}>
      <h3>{t('handover.lastNoteBy', { name: handover.operatorName, when: formatInstant(handover.at, locale) })}</h3>
      <p className="handover-note-text" data-testid="handover-note-text">
        {handover.note}
      </p>
    </section>
  );
}
