/** Classification figures computed from true labels and ranked predictions; pure so any tool can reuse it. */

export interface ClassFigures {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface ClassificationReport {
  readonly count: number;
  readonly accuracy: number;
  readonly top3: number;
  readonly macroF1: number;
  /** Mean key presses per request in the triage flow (see `triageKeyPresses`). */
  readonly keyPressesPerRequest: number;
  /** Share of requests finished by Enter alone: the top-1 pre-filled and right. */
  readonly enterAlone: number;
  readonly perClass: readonly ClassFigures[];
  /** The class order of `confusion` and `perClass`. */
  readonly labels: readonly string[];
  /** confusion[true][predicted] counts, in `labels` order. */
  readonly confusion: readonly (readonly number[])[];
}

/**
 * Keys the operator presses for one request's category in the triage flow: Enter alone when the
 * model's top-1 is pre-filled (confident enough) and right; otherwise the right category's digit
 * (keys 1–9 choose the first nine first-level categories) and Enter.
 */
export function triageKeyPresses(rank: number, prefilled: boolean): number {
  return rank === 1 && prefilled ? 1 : 2;
}

/**
 * `ranked[i]` lists labels best first for example i; a true label absent from it counts as rank ∞.
 * `prefilled[i]` says whether the workstation would pre-fill the top-1 (its confidence reaches the
 * threshold); all are, when it is left out.
 */
export function evaluateRankings(
  truth: readonly string[],
  ranked: readonly (readonly string[])[],
  labelOrder?: readonly string[],
  prefilled?: readonly boolean[],
): ClassificationReport {
  if (truth.length !== ranked.length) throw new Error('truth and predictions differ in length');
  const labels = labelOrder ?? [...new Set([...truth, ...ranked.flatMap((r) => r.slice(0, 1))])].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  let inTop3 = 0;
  let keys = 0;
  let alone = 0;
  truth.forEach((label, i) => {
    const ranking = ranked[i]!;
    const position = ranking.indexOf(label);
    const rank = position < 0 ? Infinity : position + 1;
    if (rank === 1) correct++;
    if (rank <= 3) inTop3++;
    const pressed = triageKeyPresses(rank, prefilled?.[i] ?? true);
    keys += pressed;
    if (pressed === 1) alone++;
    const t = index.get(label);
    const p = ranking[0] === undefined ? undefined : index.get(ranking[0]);
    if (t !== undefined && p !== undefined) confusion[t]![p]!++;
  });
  const perClass = labels.map((label, c) => {
    const tp = confusion[c]![c]!;
    const support = confusion[c]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + row[c]!, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const scored = perClass.filter((c) => c.support > 0);
  const n = truth.length;
  return {
    count: n,
    accuracy: n === 0 ? 0 : correct / n,
    top3: n === 0 ? 0 : inTop3 / n,
    macroF1: scored.length === 0 ? 0 : scored.reduce((a, c) => a + c.f1, 0) / scored.length,
    keyPressesPerRequest: n === 0 ? 0 : keys / n,
    enterAlone: n === 0 ? 0 : alone / n,
    perClass,
    labels,
    confusion,
  };
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * Expected calibration error over equal-width confidence bins: how far "confidence 0.8" is from being right
 * 80% of the time, averaged by bin size. 0 is perfectly calibrated.
 */
export function expectedCalibrationError(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): number {
  const count = new Array<number>(bins).fill(0);
  const confidenceSum = new Array<number>(bins).fill(0);
  const correctSum = new Array<number>(bins).fill(0);
  confidences.forEach((p, i) => {
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b]!++;
    confidenceSum[b]! += p;
    if (correct[i]) correctSum[b]!++;
  });
  const n = confidences.length;
  return n === 0
    ? 0
    : count.reduce((sum, m, b) => sum + (m === 0 ? 0 : Math.abs(confidenceSum[b]! - correctSum[b]!) / n), 0);
}
