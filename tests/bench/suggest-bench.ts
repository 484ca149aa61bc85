import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import type { LocalRequest } from '../../shared/api/workstation-api';
import { UNIT_WORK_DEFAULTS } from '../../shared/model';
import type { ModelKind } from '../../shared/sync/protocol';
import { percentile, serializeModel, trainTextModel, type TrainingExample } from '../../shared/text';
import { openWorkstationCache } from '../../electron/host/cache/workstation-cache';
import { suggester } from '../../electron/host/suggestions/suggest';
import { TRAINING_OPTIONS } from '../../server/suggestions/training-options';
import { trainedModels } from '../../electron/host/suggestions/trained-models';

const DEV_CSV = '../shared/data/messages-labeled-dev.csv';
/** About as many units as the city directory's departments: the unit model's size and cost scale with it. */
const UNITS = 90;
const ROUNDS = 5;

/**
 * The suggestion's cost on the workstation, as the host pays it: models trained on the labelled dev
 * messages with the server's training options (the unit labels are spread over 90 stand-in units, for
 * timing only), shipped into a cache
 * as a pull stores them, deserialised once, then every message suggested for. Reports the three
 * models' predictions alone and the whole request.context (rules, history, similar, duplicates).
 */
export async function suggestBench(): Promise<void> {
  const rows: Record<string, string>[] = parse(readFileSync(DEV_CSV, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  const texts = rows.map((row) => `${row['留言主题'] ?? ''}\n${(row['留言详情'] ?? '').trim()}`.slice(0, 600));
  const sets: Record<ModelKind, TrainingExample[]> = {
    category: texts.map((text, i) => ({ text, label: rows[i]!['一级标签']! })),
    unit: texts.map((text, i) => ({ text, label: `unit-${i % UNITS}` })),
    junk: texts.map((text, i) => ({ text, label: i % 10 === 0 ? 'junk' : 'not-junk' })),
  };

  const dir = mkdtempSync(join(tmpdir(), 'yiwang-suggest-bench-'));
  const cache = openWorkstationCache(dir, 'http://127.0.0.1:9');
  try {
    for (const kind of Object.keys(sets) as ModelKind[]) {
      const started = performance.now();
      const model = serializeModel(trainTextModel(sets[kind], TRAINING_OPTIONS[kind]));
      cache.suggestionModels.save({
        kind,
        version: 1,
        trainedAt: new Date().toISOString(),
        examples: sets[kind].length,
        model,
      });
      console.log(
        `suggest: ${kind} model, ${model.labels.length} labels, ${(JSON.stringify(model).length / 1e6).toFixed(1)} MB, trained in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    const now = new Date().toISOString();
    const requests = texts.map((text, i) => local(i, text, now));
    cache.transaction(() => requests.forEach((r) => (cache.requests.saveServer(r), cache.requests.saveLocal(r))));

    const models = trainedModels(cache);
    const loadStarted = performance.now();
    const held = { category: models.category!, unit: models.unit!, junk: models.junk! };
    console.log(`suggest: three models deserialised in ${(performance.now() - loadStarted).toFixed(0)} ms`);

    const kinds = Object.keys(held) as ModelKind[];
    const predict = Object.fromEntries(kinds.map((kind) => [kind, [] as number[]])) as Record<ModelKind, number[]>;
    const context: number[] = [];
    const suggestions = suggester(cache, models);
    for (let round = 0; round < ROUNDS; round++) {
      for (const request of requests) {
        for (const kind of kinds) {
          const started = performance.now();
          held[kind].predict(request.text);
          predict[kind].push(performance.now() - started);
        }
        const started = performance.now();
        suggestions.context(request);
        context.push(performance.now() - started);
      }
    }
    const report = (what: string, ms: number[]) =>
      console.log(
        `suggest: ${what} per request: mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(3)} ms, p50 ${percentile(ms, 50).toFixed(3)} ms, p99 ${percentile(ms, 99).toFixed(3)} ms (${ms.length} requests)`,
      );
    for (const kind of kinds) report(`${kind} model predict`, predict[kind]);
    report('whole request.context', context);
  } finally {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function local(i: number, text: string, now: string): LocalRequest {
  const id = `01JDQ${String(i).padStart(21, '0')}`;
  return {
    id,
    number: `YW-BENCH-${i}`,
    channel: 'wechat',
    account: 'gh_yiwang_demo',
    citizen: { id: `wechat:bench-${i}`, name: null },
    text,
    attachments: [],
    receivedAt: now,
    status: 'new',
    categoryId: null,
    unitId: null,
    mergedInto: null,
    snoozedUntil: null,
    escalated: false,
    version: 0,
    updatedAt: now,
    lastDecision: null,
    ...UNIT_WORK_DEFAULTS,
    pending: 0,
    rejection: null,
  } as LocalRequest;
}
