/** Sparse feature vectors: distinct indices (in first-seen order; nothing needs them sorted) with values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/**
 * Accumulates values by index into a dense scratch buffer and reads them out in first-touched order. Reusing one buffer
 * keeps feature extraction allocation-free per n-gram, which matters when training on 10,000 messages.
 */
export class SparseAccumulator {
  private readonly dense: Float64Array;
  private readonly touched: Int32Array;
  private count = 0;

  constructor(dimension: number, maxTouched = 1 << 16) {
    this.dense = new Float64Array(dimension);
    this.touched = new Int32Array(maxTouched);
  }

  add(index: number, value: number): void {
    if (this.dense[index] === 0) {
      if (this.count === this.touched.length) return; // absurdly long text: later n-grams add nothing new
      this.touched[this.count++] = index;
    }
    this.dense[index]! += value; // callers add positive values only, so a touched slot never returns to 0
  }

  /** The accumulated vector; resets the accumulator. */
  take(): SparseVector {
    const indices = this.touched.slice(0, this.count);
    const values = new Float32Array(indices.length);
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      values[k] = this.dense[i]!;
      this.dense[i] = 0;
    }
    this.count = 0;
    return { indices, values };
  }
}

export function squaredNorm(v: SparseVector): number {
  let sum = 0;
  for (let k = 0; k < v.values.length; k++) sum += v.values[k]! * v.values[k]!;
  return sum;
}

/** Adds the product of `v` with feature-major `weights` (weights[feature * classes + class]) to `out`. */
export function addScores(v: SparseVector, weights: Float32Array, out: Float64Array): void {
  const classes = out.length;
  for (let k = 0; k < v.indices.length; k++) {
    const base = v.indices[k]! * classes;
    const x = v.values[k]!;
    for (let c = 0; c < classes; c++) out[c]! += weights[base + c]! * x;
  }
}
