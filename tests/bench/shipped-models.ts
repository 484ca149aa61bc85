import { performance } from 'node:perf_hooks';
import type { Request } from '../../shared/model';
import { ShippedModel, type ModelKind } from '../../shared/sync/protocol';
import { serializeModel, trainTextModel, type TrainingExample } from '../../shared/text';
import { openWorkstationCache } from '../../electron/host/cache/workstation-cache';
import { learnable } from '../../server/suggestions/training-examples';
import { TRAINING_OPTIONS } from '../../server/suggestions/training-options';

/** As the server: the newest 20,000 decided requests, classes with at least 5 examples. */
const MAX_EXAMPLES = 20_000;
const MIN_PER_CLASS = 5;

export interface ShippedSummary {
  kind: ModelKind;
  examples: number;
  labels: number;
  bytes: number;
  trainSeconds: number;
}

/**
 * Trains the category and unit models as the server would from the workstation's history (the resolved
 * archive), leaving out every archived request with the exact text of one under test, and stores them
 * in the cache as a pull does: each model through JSON and the protocol's schema. Wordings that differ
 * only in a place, a time or a number stay in, as they do in a real centre's archive of recurring
 * complaints; leaving those out too would leave whole topics unlearnable in this templated stream.
 * The archive has no junk, so, as on the server, no junk model is trained.
 */
export function shipTrainedModels(
  dataDir: string,
  serverUrl: string,
  archive: readonly Request[],
  underTest: readonly Request[],
): ShippedSummary[] {
  const tested = new Set(underTest.map((r) => r.text));
  const history = [...archive]
    .filter((r) => !tested.has(r.text))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, MAX_EXAMPLES);
  const sets: Partial<Record<ModelKind, TrainingExample[]>> = {
    category: learnable(
      history.flatMap((r) => (r.categoryId ? [{ text: r.text, label: r.categoryId }] : [])),
      MIN_PER_CLASS,
    ),
    unit: learnable(
      history.flatMap((r) => (r.unitId ? [{ text: r.text, label: r.unitId }] : [])),
      MIN_PER_CLASS,
    ),
  };
  const cache = openWorkstationCache(dataDir, serverUrl);
  const shipped: ShippedSummary[] = [];
  try {
    for (const [kind, examples] of Object.entries(sets) as [ModelKind, TrainingExample[]][]) {
      if (examples.length === 0) continue;
      const started = performance.now();
      const model = serializeModel(trainTextModel(examples, TRAINING_OPTIONS[kind]));
      const trainSeconds = (performance.now() - started) / 1000;
      const wire = JSON.stringify({
        kind,
        version: 1,
        trainedAt: new Date().toISOString(),
        examples: examples.length,
        model,
      });
      cache.suggestionModels.save(ShippedModel.parse(JSON.parse(wire)));
      shipped.push({ kind, examples: examples.length, labels: model.labels.length, bytes: wire.length, trainSeconds });
    }
  } finally {
    cache.close();
  }
  return shipped;
}
