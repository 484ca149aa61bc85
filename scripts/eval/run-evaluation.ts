/** Trains and scores the text model: on a train/test pair or by stratified k-fold cross-validation. */
import {
  evaluateRankings,
  expectedCalibrationError,
  percentile,
  type ClassificationReport,
} from '../../shared/text/metrics';
import { stratifiedFolds } from '../../shared/text/folds';
import { seededRandom } from '../../shared/text/hash';
import { serializeModel } from '../../shared/text/model-serialization';
import { trainTextModel } from '../../shared/text/train-text-model';
import { DEFAULT_CONFIDENCE_THRESHOLD } from '../../electron/host/suggestions/confidence';
import type { LabelledRow } from './read-csv';

export interface EvaluationResult extends ClassificationReport {
  readonly mode: string;
  /** Mean seconds to train one model (per fold when cross-validating). */
  readonly trainSeconds: number;
  readonly trainRows: number;
  readonly predictMeanMs: number;
  readonly predictP99Ms: number;
  readonly calibrationError: number;
  /** JSON size of the model trained on all of --train. */
  readonly modelBytes: number;
}

interface Pass {
  readonly truth: string[];
  readonly ranked: string[][];
  readonly confidences: number[];
  readonly predictMs: number[];
  readonly trainSeconds: number[];
}

function trainAndScore(train: readonly LabelledRow[], test: readonly LabelledRow[], pass: Pass): void {
  const started = performance.now();
  const model = trainTextModel(train.map((r) => ({ text: r.fields, label: r.label })));
  pass.trainSeconds.push((performance.now() - started) / 1000);
  for (const row of test) {
    const t0 = performance.now();
    const ranking = model.predict(row.fields);
    pass.predictMs.push(performance.now() - t0);
    pass.truth.push(row.label);
    pass.ranked.push(ranking.map((r) => r.label));
    pass.confidences.push(ranking[0]?.confidence ?? 0);
  }
}

/**
 * Scores on `test`, or without one by cross-validation: `folds` stratified random folds, or, given a
 * group per row (the place a message names), one fold per group, each trained on the other groups only.
 */
export function evaluate(
  train: readonly LabelledRow[],
  test: readonly LabelledRow[] | null,
  folds: number | readonly string[],
  testName: string | null = null,
): EvaluationResult {
  const pass: Pass = { truth: [], ranked: [], confidences: [], predictMs: [], trainSeconds: [] };
  if (test) trainAndScore(train, test, pass);
  else {
    const fold: ArrayLike<number | string> =
      typeof folds === 'number'
        ? stratifiedFolds(
            train.map((r) => r.label),
            folds,
          )
        : folds;
    for (const f of new Set(Array.from(fold)))
      trainAndScore(
        train.filter((_, i) => fold[i] !== f),
        train.filter((_, i) => fold[i] === f),
        pass,
      );
  }
  const labels = [...new Set([...train, ...(test ?? [])].map((r) => r.label))].sort();
  const report = evaluateRankings(
    pass.truth,
    pass.ranked,
    labels,
    pass.confidences.map((c) => c >= DEFAULT_CONFIDENCE_THRESHOLD),
  );
  const full = trainTextModel(train.map((r) => ({ text: r.fields, label: r.label })));
  return {
    ...report,
    mode: test
      ? (testName ?? 'train/test')
      : typeof folds === 'number'
        ? `${folds}-fold cross-validation`
        : `leave-places-out (${new Set(folds).size} folds)`,
    trainSeconds: pass.trainSeconds.reduce((a, b) => a + b, 0) / pass.trainSeconds.length,
    trainRows: test ? train.length : Math.round(train.length * (1 - 1 / pass.trainSeconds.length)),
    predictMeanMs: pass.predictMs.reduce((a, b) => a + b, 0) / Math.max(pass.predictMs.length, 1),
    predictP99Ms: percentile(pass.predictMs, 99),
    calibrationError: expectedCalibrationError(
      pass.confidences,
      pass.ranked.map((r, i) => r[0] === pass.truth[i]),
    ),
    modelBytes: new TextEncoder().encode(JSON.stringify(serializeModel(full))).length,
  };
}

/**
 * Seconds (wall clock and this process's CPU) to train on `rows` examples drawn with replacement (seeded)
 * from `train`: a size benchmark only. CPU time matters on a shared machine, where wall time includes waiting.
 */
export function timeTraining(
  train: readonly LabelledRow[],
  rows: number,
): { rows: number; trainSeconds: number; trainCpuSeconds: number } {
  const random = seededRandom(rows);
  const sample = Array.from({ length: rows }, () => train[Math.floor(random() * train.length)]!);
  const started = performance.now();
  const cpu = process.cpuUsage();
  trainTextModel(sample.map((r) => ({ text: r.fields, label: r.label })));
  const used = process.cpuUsage(cpu);
  return { rows, trainSeconds: (performance.now() - started) / 1000, trainCpuSeconds: (used.user + used.system) / 1e6 };
}
