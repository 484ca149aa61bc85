import { useEffect } from 'react';
import { useSession } from '../store/session-store';
import { useUi } from '../store/ui-store';

/** Handover notes already put in front of an operator by this window, so a reload does not open them again. */
const shown = new Set<string>();

/** A shift starts with the note the last one left: the handover panel opens once after sign-in when there is one. */
export function useHandoverOnSignIn(): void {
  const operatorId = useSession((s) => s.session?.operator?.id ?? null);
  const handover = useSession((s) => s.session?.handover ?? null);
  useEffect(() => {
    if (!operatorId || !handover) return;
    const key = `${operatorId}|${handover.at}`;
    if (shown.has(key)) return;
    shown.add(key);
    if (useUi.getState().mode === 'normal') useUi.getState().open('handover');
  }, [operatorId, handover]);
}
