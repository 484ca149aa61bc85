/** Human-readable and JSON renderings of an evaluation. */
import type { EvaluationResult } from './run-evaluation';

export interface Timing {
  readonly rows: number;
  readonly trainSeconds: number;
  readonly trainCpuSeconds: number;
}

export function reportJson(result: EvaluationResult, timing: Timing | null): string {
  return JSON.stringify({
    mode: result.mode,
    count: result.count,
    accuracy: result.accuracy,
    top3: result.top3,
    macroF1: result.macroF1,
    keyPressesPerRequest: result.keyPressesPerRequest,
    enterAlone: result.enterAlone,
    calibrationError: result.calibrationError,
    trainSeconds: result.trainSeconds,
    trainRows: result.trainRows,
    predictMeanMs: result.predictMeanMs,
    predictP99Ms: result.predictP99Ms,
    modelBytes: result.modelBytes,
    perClass: result.perClass,
    labels: result.labels,
    confusion: result.confusion,
    ...(timing ? { timing } : {}),
  });
}

export function reportText(result: EvaluationResult, timing: Timing | null): string {
  const f = (x: number, d = 4): string => x.toFixed(d);
  const lines = [
    `${result.mode}, ${result.count} predictions, ${result.labels.length} classes`,
    `accuracy            ${f(result.accuracy)}`,
    `top-3 accuracy      ${f(result.top3)}`,
    `macro-F1            ${f(result.macroF1)}`,
    `${result.mode}: ${result.count} requests, mean key presses ${f(result.keyPressesPerRequest, 2)}, Enter alone ${(100 * result.enterAlone).toFixed(1)} %  (category: Enter when the top-1 is pre-filled and right; otherwise its digit and Enter)`,
    `calibration error   ${f(result.calibrationError)}  (ECE, 10 bins, top-1 confidence)`,
    `training            ${f(result.trainSeconds, 2)} s on ${result.trainRows} rows${result.mode.includes('fold') ? ' (mean per fold)' : ''}`,
    `prediction          mean ${f(result.predictMeanMs, 3)} ms, p99 ${f(result.predictP99Ms, 3)} ms per request`,
    `model size          ${(result.modelBytes / 1e6).toFixed(2)} MB as JSON`,
  ];
  if (timing)
    lines.push(
      `training on ${timing.rows} resampled rows: ${f(timing.trainSeconds, 2)} s wall, ${f(timing.trainCpuSeconds, 2)} s CPU`,
    );
  lines.push(
    '',
    table(
      ['class', 'precision', 'recall', 'F1', 'support'],
      result.perClass.map((c) => [c.label, f(c.precision, 3), f(c.recall, 3), f(c.f1, 3), String(c.support)]),
    ),
  );
  lines.push('', 'confusion matrix (rows: true, columns: predicted)');
  lines.push(
    table(
      ['', ...result.labels.map((_, i) => String(i + 1))],
      result.confusion.map((row, i) => [`${i + 1} ${result.labels[i]}`, ...row.map(String)]),
    ),
  );
  return lines.join('\n');
}

/** Columns padded by display width (CJK characters take two cells). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string): number => [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => width(r[c] ?? ''))));
  return all
    .map((r) =>
      r
        .map((cell, c) =>
          c === 0 ? cell + ' '.repeat(widths[c]! - width(cell)) : ' '.repeat(widths[c]! - width(cell)) + cell,
        )
        .join('  '),
    )
    .join('\n');
}
