/**
 * One-vs-rest linear SVM (L2-regularised squared hinge) trained by dual coordinate descent, the method of
 * LIBLINEAR: no learning rate to tune, converges in a few passes on sparse text, and with a seeded visiting
 * order the result is the same on every machine.
 */
import { seededRandom, shuffledIndices } from './hash';
import type { SparseVector } from './sparse';
import { squaredNorm } from './sparse';

export interface SvmOptions {
  /** Inverse regularisation strength, as LIBLINEAR's C. */
  readonly c: number;
  readonly maxPasses: number;
  readonly tolerance: number;
  readonly seed: number;
}

export interface LinearScores {
  /** Row-major weights, one row of `dimension` per class. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** Constant feature appended to every vector so the bias is learnt (and regularised) like any weight. */
const BIAS_FEATURE = 1;

export function trainOneVsRestSvm(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  classCount: number,
  dimension: number,
  options: SvmOptions,
): LinearScores {
  const weights = new Float32Array(classCount * dimension);
  const bias = new Float32Array(classCount);
  const diagonal = 1 / (2 * options.c);
  const qii = vectors.map((v) => squaredNorm(v) + BIAS_FEATURE * BIAS_FEATURE + diagonal);
  for (let c = 0; c < classCount; c++) {
    const w = new Float64Array(dimension);
    let b = 0;
    const alpha = new Float64Array(vectors.length);
    const random = seededRandom(options.seed + c);
    for (let pass = 0; pass < options.maxPasses; pass++) {
      let maxGradient = -Infinity;
      let minGradient = Infinity;
      for (const i of shuffledIndices(vectors.length, random)) {
        const v = vectors[i]!;
        const y = labels[i] === c ? 1 : -1;
        let margin = b * BIAS_FEATURE;
        for (let k = 0; k < v.indices.length; k++) margin += w[v.indices[k]!]! * v.values[k]!;
        const gradient = y * margin - 1 + diagonal * alpha[i]!;
        const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
        maxGradient = Math.max(maxGradient, projected);
        minGradient = Math.min(minGradient, projected);
        if (Math.abs(projected) < 1e-12) continue;
        const previous = alpha[i]!;
        alpha[i] = Math.max(previous - gradient / qii[i]!, 0);
        const step = (alpha[i]! - previous) * y;
        for (let k = 0; k < v.indices.length; k++) w[v.indices[k]!]! += step * v.values[k]!;
        b += step * BIAS_FEATURE;
      }
      if (maxGradient - minGradient < options.tolerance) break;
    }
    weights.set(w, c * dimension);
    bias[c] = b * BIAS_FEATURE;
  }
  return { weights, bias };
}
