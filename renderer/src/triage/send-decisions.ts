import type { LocalRequest } from '../../../shared/api/workstation-api';
import type { DecisionAction } from '../../../shared/model';
import { call } from '../bridge/call';
import { inQueueOrder } from '../store/host-chain';
import { useMarks } from '../store/marks-store';
import { notify, useNotices } from '../store/notice-store';
import { currentRequest, useQueue } from '../store/queue-store';
import { useStats } from '../store/stats-store';
import { othersHolding, useTakeOver } from '../store/take-over-store';
import { useTriage } from '../store/triage-store';
import type { WorkView } from '../store/view-list';
import { screenStep, targetsOf, type DecisionPlan } from './dispatch';
import { measureOf } from './handling-measure';

/**
 * Decides for the marked requests, or the current one: each request's decisions go to the host in key
 * order, and the screen moves on at once. `advance` moves the cursor to the next request;
 * `takeOver`: the operator already confirmed working requests another operator holds.
 */
export function decide(plan: DecisionPlan, options: { advance?: boolean; takeOver?: boolean } = {}): void {
  const { advance = false } = options;
  const queue = useQueue.getState();
  const view = queue.view;
  const targets = targetsOf(useMarks.getState().marked, currentRequest());
  if (targets.length === 0) return notify('noSelection');
  const holders = options.takeOver ? [] : othersHolding(targets);
  if (holders.length > 0)
    return useTakeOver.getState().ask(holders, () => decide(plan, { ...options, takeOver: true }));
  useMarks.getState().clear();
  for (const request of targets) {
    const planned = plan(request);
    if (planned instanceof Promise) {
      // The plan needs the host first (a suggestion not fetched yet): decide in turn, without the optimistic step.
      void inQueueOrder(async () => {
        const actions = await planned;
        if (actions && actions.length > 0) send(view, request, actions);
      });
      continue;
    }
    if (!planned || planned.length === 0) continue;
    const opened = useQueue.getState().opened?.id === request.id;
    const step = screenStep(view, request, planned, {
      opened,
      advance,
      alone: targets.length === 1,
      now: Date.now(),
    });
    if (step === 'leave') queue.leave(request.id);
    else if (step === 'advance') queue.move(1);
    send(view, request, planned);
  }
  queue.lookAhead();
}

/** z: takes back this operator's last step, and shows the request where it now stands. */
export function undo(): void {
  void inQueueOrder(async () => {
    const outcome = await call('request.undo', {});
    if (!outcome.undone) return notify('nothingToUndo');
    useNotices.getState().notify({
      id: outcome.how === 'compensated' ? 'undoneCompensated' : 'undone',
      decision: outcome.undone.kind,
      tone: 'info',
    });
    useTriage.getState().forget(outcome.undone.requestId);
    useStats.getState().load();
    await useQueue.getState().showAgain(outcome.undone.requestId, outcome.request);
  });
}

/** Sends one request's decisions; the result replaces the row, a refusal shows and the row comes back. */
function send(view: WorkView, request: LocalRequest, actions: DecisionAction[]): void {
  void inQueueOrder(async () => {
    const measure = measureOf(request.id);
    try {
      const outcome =
        actions.length === 1
          ? await call('request.decide', { requestId: request.id, action: actions[0]!, measure })
          : await call('request.decideAll', { requestId: request.id, actions, measure });
      useQueue.getState().answered(view, outcome.request);
    } finally {
      useTriage.getState().forget(request.id);
      useStats.getState().load();
      useQueue.getState().settled(request.id);
    }
  });
}
