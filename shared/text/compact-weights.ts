/**
 * Makes a trained weight matrix small to ship and quick to load while keeping what it ranks (within noise).
 *
 * 1. Centre each feature's weights on their median across classes. Adding the same amount to every
 *    class's weight of one feature adds the same amount to every class's score, so the softmax — and the
 *    ranking — do not change. Most features speak for a class or two; centred, the others' weights are
 *    near zero.
 * 2. Quantise each class's weights to whole steps of max|w| / 127 (int8). The error this adds to a score
 *    is about step / 3.5 for an L2-normalised input: a hundredth of the scores' spread.
 * 3. Drop weights of one step or less: they are most of the matrix and barely move a score. Measured
 *    (docs/classifier.md): the model halves again and cross-validated accuracy stays within a message.
 */
export const QUANTISATION_LEVELS = 127;
const DROPPED_STEPS = 1;

export interface CompactWeights {
  /** Feature-major like the input; every value is a whole multiple of its class's step. */
  readonly weights: Float32Array;
  /** Per class: the quantisation step. */
  readonly steps: Float32Array;
}

export function compactWeights(weights: Float32Array, classes: number): CompactWeights {
  const centred = new Float32Array(weights.length);
  const row = new Float64Array(classes);
  for (let base = 0; base < weights.length; base += classes) {
    for (let c = 0; c < classes; c++) row[c] = weights[base + c]!;
    const median = medianOf(row);
    for (let c = 0; c < classes; c++) centred[base + c] = weights[base + c]! - median;
  }
  const steps = new Float32Array(classes);
  for (let base = 0; base < centred.length; base += classes) {
    for (let c = 0; c < classes; c++) steps[c] = Math.max(steps[c]!, Math.abs(centred[base + c]!));
  }
  steps.forEach((max, c) => (steps[c] = max > 0 ? max / QUANTISATION_LEVELS : 1));
  for (let base = 0; base < centred.length; base += classes) {
    for (let c = 0; c < classes; c++) {
      const whole = Math.round(centred[base + c]! / steps[c]!);
      // A zero is not stored, so it must be +0 to come back with the same bits.
      centred[base + c] = Math.abs(whole) > DROPPED_STEPS ? whole * steps[c]! : 0;
    }
  }
  return { weights: centred, steps };
}

/** Median of a small array; sorts a copy. */
function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
