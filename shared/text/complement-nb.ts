/**
 * Complement naive Bayes (Rennie et al. 2003): estimates each class from the documents *not* in it, which
 * is steadier than plain multinomial NB when classes are few and uneven; weights are normalised per class.
 */
import type { SparseVector } from './sparse';
import type { LinearScores } from './linear-svm';

export function trainComplementNb(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  classCount: number,
  dimension: number,
  smoothing: number,
): LinearScores {
  const perClass = new Float64Array(dimension * classCount); // feature-major, like the weights
  const total = new Float64Array(dimension);
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.indices.length; k++) {
      perClass[v.indices[k]! * classCount + labels[i]!]! += v.values[k]!;
      total[v.indices[k]!]! += v.values[k]!;
    }
  });
  const grandTotal = total.reduce((a, b) => a + b, 0);
  const weights = new Float32Array(dimension * classCount);
  for (let c = 0; c < classCount; c++) {
    let classTotal = 0;
    for (let j = 0; j < dimension; j++) classTotal += perClass[j * classCount + c]!;
    const denominator = grandTotal - classTotal + smoothing * dimension;
    let norm = 0;
    const row = new Float64Array(dimension);
    for (let j = 0; j < dimension; j++) {
      if (total[j] === 0) continue; // never seen: no input vector carries it, and it must not weigh in the norm
      row[j] = Math.log((total[j]! - perClass[j * classCount + c]! + smoothing) / denominator);
      norm += Math.abs(row[j]!);
    }
    // Higher score = better class: the complement's likelihood is negated.
    for (let j = 0; j < dimension; j++) weights[j * classCount + c] = -row[j]! / norm;
  }
  return { weights, bias: new Float32Array(classCount) };
}
