/**
 * One-vs-rest linear SVM (L2-regularised squared hinge) trained by dual coordinate descent, the method of
 * LIBLINEAR: no learning rate to tune, converges in a few passes on sparse text, and with a seeded visiting
 * order the result is the same on every machine. LIBLINEAR's shrinking skips examples that sit far outside
 * the margin, which is most of them after the first passes. The per-class problems are independent, so they advance
 * together, example by example: with weights stored feature-major, one memory fetch serves every class.
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
  /** Feature-major weights: weights[feature * classes + class]. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

export function trainOneVsRestSvm(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  classCount: number,
  dimension: number,
  options: SvmOptions,
): LinearScores {
  const w = new Float64Array(dimension * classCount);
  // The bias is a constant feature of value 1, learnt (and regularised) like any weight, as in LIBLINEAR.
  const b = new Float64Array(classCount);
  const alpha = new Float64Array(vectors.length * classCount);
  const diagonal = 1 / (2 * options.c);
  const qii = vectors.map((v) => squaredNorm(v) + 1 + diagonal);
  const active = new Uint8Array(classCount).fill(1);
  const margin = new Float64Array(classCount);
  const step = new Float64Array(classCount);
  const maxGradient = new Float64Array(classCount);
  const minGradient = new Float64Array(classCount);
  const shrunk = new Uint8Array(vectors.length * classCount);
  const shrunkCount = new Int32Array(vectors.length);
  const bound = new Float64Array(classCount).fill(Infinity); // previous pass's largest projected gradient
  const random = seededRandom(options.seed);
  for (let pass = 0; pass < options.maxPasses && active.includes(1); pass++) {
    maxGradient.fill(-Infinity);
    minGradient.fill(Infinity);
    for (const i of shuffledIndices(vectors.length, random)) {
      if (shrunkCount[i] === classCount) continue;
      const v = vectors[i]!;
      margin.set(b);
      for (let k = 0; k < v.indices.length; k++) {
        const base = v.indices[k]! * classCount;
        const x = v.values[k]!;
        for (let c = 0; c < classCount; c++) margin[c]! += w[base + c]! * x;
      }
      let moved = false;
      for (let c = 0; c < classCount; c++) {
        step[c] = 0;
        const a = i * classCount + c;
        if (active[c] === 0 || shrunk[a] === 1) continue;
        const y = labels[i] === c ? 1 : -1;
        const gradient = y * margin[c]! - 1 + diagonal * alpha[a]!;
        if (alpha[a] === 0 && gradient > bound[c]!) {
          shrunk[a] = 1;
          shrunkCount[i]!++;
          continue;
        }
        const projected = alpha[a] === 0 ? Math.min(gradient, 0) : gradient;
        maxGradient[c] = Math.max(maxGradient[c]!, projected);
        minGradient[c] = Math.min(minGradient[c]!, projected);
        if (Math.abs(projected) < 1e-12) continue;
        const previous = alpha[a]!;
        alpha[a] = Math.max(previous - gradient / qii[i]!, 0);
        step[c] = (alpha[a]! - previous) * y;
        moved = true;
      }
      if (!moved) continue;
      for (let k = 0; k < v.indices.length; k++) {
        const base = v.indices[k]! * classCount;
        const x = v.values[k]!;
        for (let c = 0; c < classCount; c++) w[base + c]! += step[c]! * x;
      }
      for (let c = 0; c < classCount; c++) b[c]! += step[c]!;
    }
    for (let c = 0; c < classCount; c++) {
      if (active[c] === 0) continue;
      if (maxGradient[c]! - minGradient[c]! >= options.tolerance) {
        bound[c] = maxGradient[c]! <= 0 ? Infinity : maxGradient[c]!;
        continue;
      }
      if (!unshrink(shrunk, shrunkCount, classCount, c))
        active[c] = 0; // converged on every example
      else bound[c] = Infinity; // converged on the unshrunk ones: check all once more
    }
  }
  return { weights: Float32Array.from(w), bias: Float32Array.from(b) };
}

/** Puts class c's shrunk examples back; false if there were none. */
function unshrink(shrunk: Uint8Array, shrunkCount: Int32Array, classCount: number, c: number): boolean {
  let any = false;
  for (let i = 0; i < shrunkCount.length; i++) {
    if (shrunk[i * classCount + c] === 1) {
      shrunk[i * classCount + c] = 0;
      shrunkCount[i]!--;
      any = true;
    }
  }
  return any;
}
