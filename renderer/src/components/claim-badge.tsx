import type { LocalRequest } from '../../../shared/api/workstation-api';
import { otherHolder } from '../claims/claim-holder';
import { useT } from '../i18n/use-t';
import { useClaims } from '../store/claim-store';
import { useSession } from '../store/session-store';

/** "王五 正在处理": another operator holds a lease on this request. Nothing when nobody does, or when it is me. */
export function ClaimBadge({ request, testId }: { request: Pick<LocalRequest, 'id' | 'claim'>; testId: string }) {
  const t = useT();
  const me = useSession((s) => s.session?.operator?.id ?? null);
  const answer = useClaims((s) => (s.answer?.requestId === request.id ? s.answer : null));
  const holder = otherHolder(request, me, answer);
  if (!holder) return null;
  return (
    <span className="tag tag-claim" data-testid={testId} data-operator-id={holder.operatorId}>
      {t('claim.heldBy', { name: holder.operatorName })}
    </span>
  );
}
