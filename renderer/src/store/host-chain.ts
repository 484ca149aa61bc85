import { notifyFailure } from './notice-store';

/** Runs host calls one after another, in the order they were asked for; a failure is shown and the rest still run. */
export function orderedCalls(): (task: () => Promise<void> | void) => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  return (task) => (chain = chain.then(task).catch(notifyFailure));
}

/**
 * The queue's one chain: window fetches, decisions and undo run in key order, so "d d d" junks three
 * requests rather than one request three times. The screen never waits for it: a decided request
 * leaves the view at once and the host's answer is reconciled after. Host calls are local (IPC or
 * loopback), never the network.
 */
export const inQueueOrder = orderedCalls();
