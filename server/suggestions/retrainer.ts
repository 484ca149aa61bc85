import type { FastifyBaseLogger } from 'fastify';
import type { Decision } from '../../shared/model';
import type { ModelKind } from '../../shared/sync/protocol';
import { INSTANCE_ID, releaseLease, takeLease } from '../db/leases';
import type { Db } from '../db/open-database';
import { lastTrainedAt, latestModelsOutdated, saveModel } from './model-store';
import { trainInWorker, type TrainingJob } from './train-in-worker';
import { trainingSets } from './training-examples';
import { TRAINING_OPTIONS } from './training-options';

export interface RetrainOptions {
  /** Retrain after this many new decisions that teach something (classify, transfer, junk, restore). */
  every: number;
  /** And on this schedule, when any such decision came since the last training. */
  intervalMs: number;
  /** Classes with fewer examples are left out of a model; a model with fewer than two classes is not trained. */
  minPerClass: number;
}

export interface TrainedVersion {
  kind: ModelKind;
  version: number;
  examples: number;
  labels: number;
}

/**
 * Trains every model there are examples for (decided requests and imported history) in a worker thread
 * and stores each as its kind's next version, which the next pull ships. Resolves with what was stored:
 * nothing when there are too few examples.
 */
export async function trainModels(db: Db, minPerClass: number): Promise<TrainedVersion[]> {
  // A model is dated by when its examples were read, not when it was stored: decisions applied while it
  // trained are after that date, so they count towards the next training on whichever instance.
  const examplesAt = new Date().toISOString();
  const sets = await trainingSets(db, minPerClass);
  const jobs: TrainingJob[] = (Object.keys(sets) as ModelKind[])
    .filter((kind) => sets[kind].length > 0)
    .map((kind) => ({ kind, examples: sets[kind], options: TRAINING_OPTIONS[kind] }));
  const trained: TrainedVersion[] = [];
  if (jobs.length === 0) return trained;
  await trainInWorker(jobs, async ({ kind, model, examples }) => {
    const version = await saveModel(db, kind, model, examples, examplesAt);
    trained.push({ kind, version, examples, labels: model.labels.length });
  });
  return trained;
}

/** The decisions that change what a request teaches: its category, its unit, whether it is junk. */
const TEACHING: ReadonlySet<string> = new Set(['classify', 'transfer', 'junk', 'restore']);

/** The lease that makes one instance at a time train (server/db/leases.ts). */
const LEASE = 'retrain';
/** Longer than a training takes (seconds to a minute on a centre's archive), so a live one never loses it. */
const TRAINING_LEASE_MS = 30 * 60_000;

/**
 * Keeps the suggestion models in step with operators' decisions: counts teaching decisions as pushes
 * apply them and retrains (in a worker thread) after every `every`, and on a schedule. One training at
 * a time; decisions that arrive meanwhile count towards the next. With several server instances on one
 * database a lease lets one of them train at a time, and every instance ships the newest stored model.
 */
export function retrainer(db: Db, options: RetrainOptions, log: FastifyBaseLogger) {
  let pending = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function trainOnce(): Promise<void> {
    pending = 0;
    // One instance trains at a time; the others serve what it stores (pull reads the newest from the database).
    if (!(await takeLease(db, LEASE, INSTANCE_ID, TRAINING_LEASE_MS))) return;
    try {
      // Another instance may have trained on these decisions a moment ago.
      if ((await taughtSince(await lastTrainedAt(db))) === 0 && !(await latestModelsOutdated(db))) return;
      const started = Date.now();
      const trained = await trainModels(db, options.minPerClass);
      if (trained.length === 0)
        log.info({ minPerClass: options.minPerClass }, 'suggestion models: too few decided examples to train');
      for (const model of trained) log.info({ ...model, ms: Date.now() - started }, 'suggestion model trained');
    } finally {
      await releaseLease(db, LEASE, INSTANCE_ID);
    }
  }

  /** Applied decisions that teach something since `since` (all of them before the first training). */
  async function taughtSince(since: string | null): Promise<number> {
    const row = await db
      .selectFrom('decisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outcome', '=', 'applied')
      .where('kind', 'in', [...TEACHING])
      .$if(since !== null, (qb) => qb.where('applied_at', '>', since!))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  function retrain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await trainOnce().catch((err: unknown) => log.error({ err }, 'suggestion models: training failed'));
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** Counts what came since the last training (a restart does not forget it) and starts the schedule. */
    async start(): Promise<void> {
      pending += await taughtSince(await lastTrainedAt(db));
      // Models of an older format serve only older workstations: train the current format at once.
      if (pending >= options.every || (await latestModelsOutdated(db))) void retrain();
      // On the schedule the database says whether anything was taught since the last training (by any
      // instance): behind a proxy each instance applies only some of the pushes.
      timer = setInterval(() => void retrain(), options.intervalMs);
      timer.unref();
    },
    /** Called with the decisions a push applied. */
    applied(decisions: readonly Decision[]): void {
      pending += decisions.filter((d) => TEACHING.has(d.kind)).length;
      if (pending >= options.every) void retrain();
    },
    retrain,
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
