import type { FastifyBaseLogger } from 'fastify';

export interface PollingWorker {
  start(): void;
  /** Stops looking for work and waits for the round in flight, so an orderly stop leaves nothing half done. */
  stop(): Promise<void>;
}

/**
 * Runs `round` every `pollMs` after the previous one ended, never two at once. A round walks its
 * due work and asks `stopping()` between items, so a stop is not held up by a long queue; an
 * error is logged and the next round comes as usual.
 */
export function pollingWorker(
  name: string,
  pollMs: number,
  log: FastifyBaseLogger,
  round: (stopping: () => boolean) => Promise<void>,
): PollingWorker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  const stopping = () => stopped;

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round(stopping)
        .catch((err: unknown) => log.error({ err }, `${name} failed`))
        .finally(() => {
          running = null;
          schedule();
        });
    }, pollMs);
  }

  return {
    start(): void {
      stopped = false;
      schedule();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
