/**
 * Temperature scaling (Guo et al. 2017): one scalar T so that softmax(score / T) matches how often the
 * model is right on examples it did not train on. It keeps the ranking and makes "confidence" a probability.
 */

export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  const out = new Float64Array(scores.length);
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]! / temperature);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += out[c] = Math.exp(scores[c]! / temperature - max);
  for (let c = 0; c < scores.length; c++) out[c]! /= sum;
  return out;
}

/** Mean negative log-likelihood of the true classes under softmax(scores / T). */
export function negativeLogLikelihood(
  scores: readonly ArrayLike<number>[],
  truth: Int32Array,
  temperature: number,
): number {
  let sum = 0;
  scores.forEach((s, i) => (sum -= Math.log(Math.max(softmax(s, temperature)[truth[i]!]!, 1e-300))));
  return sum / Math.max(scores.length, 1);
}

/** The temperature minimising held-out NLL: golden-section search on log T (the NLL is unimodal in it). */
export function fitTemperature(scores: readonly ArrayLike<number>[], truth: Int32Array): number {
  if (scores.length === 0) return 1;
  const loss = (logT: number): number => negativeLogLikelihood(scores, truth, Math.exp(logT));
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(1e-3);
  let hi = Math.log(1e3);
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let la = loss(a);
  let lb = loss(b);
  for (let step = 0; step < 60; step++) {
    if (la < lb) {
      hi = b;
      b = a;
      lb = la;
      a = hi - ratio * (hi - lo);
      la = loss(a);
    } else {
      lo = a;
      a = b;
      la = lb;
      b = lo + ratio * (hi - lo);
      lb = loss(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
