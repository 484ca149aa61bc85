import { parentPort, workerData } from 'node:worker_threads';
import { serializeModel, trainTextModel } from '../../shared/text';
import type { TrainingJob, TrainedModel } from './train-in-worker';

/**
 * Trains off the main thread, so the server keeps answering webhooks and syncs within their
 * deadlines while a 10,000-example model takes its seconds of CPU.
 */
const jobs = workerData as TrainingJob[];
for (const job of jobs) {
  const result: TrainedModel = {
    kind: job.kind,
    examples: job.examples.length,
    model: serializeModel(trainTextModel(job.examples, job.options)),
  };
  parentPort!.postMessage(result);
}
