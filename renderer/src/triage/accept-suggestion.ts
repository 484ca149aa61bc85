import type { LocalRequest } from '../../../shared/api/workstation-api';
import { replyWindow } from '../../../shared/replies/reply-window';
import { useDirectory } from '../store/directory-store';
import { notify } from '../store/notice-store';
import { useTemplates } from '../store/templates-store';
import { useTriage } from '../store/triage-store';
import { planActions, planFor } from './plan';
import { decide } from './send-decisions';

/**
 * Enter: accept, classify, transfer and acknowledge as suggested (with the operator's changes), then
 * on to the next request. With requests marked, each gets its own suggestion.
 */
export function acceptSuggestion(): void {
  decide(
    (request) => {
      const context = useTriage.getState().contexts.get(request.id);
      // Prefetched ahead of the cursor, so this is the rare case of a request reached very fast.
      if (!context)
        return useTriage
          .getState()
          .load(request.id)
          .then(() => actionsFor(request));
      return actionsFor(request);
    },
    { advance: true },
  );
}

function actionsFor(request: LocalRequest) {
  const { contexts, drafts } = useTriage.getState();
  const unitsById = useDirectory.getState().unitsById;
  const plan = planFor(
    request,
    contexts.get(request.id) ?? null,
    drafts.get(request.id) ?? {},
    (id) => unitsById.get(id)?.name ?? null,
    useTemplates.getState().templates,
  );
  // Never a silent drop: a channel that can no longer reach the citizen is said, and the other routes offered.
  if (plan.relay && plan.replyText && !replyWindow(request.channel, request.contact, Date.now()).open) {
    notify('relayWindowClosed');
    return null;
  }
  return planActions(request, plan);
}
