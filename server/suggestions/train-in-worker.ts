import { Worker } from 'node:worker_threads';
import type { ModelKind } from '../../shared/sync/protocol';
import type { SerializedTextModel, TrainingExample, TrainingOptions } from '../../shared/text';

export interface TrainingJob {
  kind: ModelKind;
  examples: TrainingExample[];
  options: Partial<TrainingOptions>;
}

export interface TrainedModel {
  kind: ModelKind;
  examples: number;
  model: SerializedTextModel;
}

const WORKER = new URL('./train-worker.ts', import.meta.url);

/**
 * Runs the jobs in a worker thread, one model after another, handing each over as it is done.
 * Worker threads do not inherit tsx's loader hooks, so the worker registers them before loading the
 * TypeScript entry (the server runs under tsx).
 */
export function trainInWorker(
  jobs: readonly TrainingJob[],
  onTrained: (trained: TrainedModel) => Promise<void>,
): Promise<void> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER.href)}); })`;
  const worker = new Worker(source, { eval: true, workerData: jobs });
  return new Promise<void>((resolve, reject) => {
    let stored = Promise.resolve();
    worker.on('message', (trained: TrainedModel) => {
      stored = stored.then(() => onTrained(trained));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`training worker exited with ${code}`));
      else stored.then(resolve, reject);
    });
  });
}
