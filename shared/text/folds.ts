/** Stratified k-fold assignment: each class is spread evenly over folds, in a seeded order. */
import { seededRandom, shuffledIndices } from './hash';

/** fold[i] in 0..k-1 for each of `labels`. */
export function stratifiedFolds(labels: readonly string[], k: number, seed = 1): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds must be an integer ≥ 2, got ${k}`);
  const fold = new Int32Array(labels.length);
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => byLabel.set(label, [...(byLabel.get(label) ?? []), i]));
  let next = 0; // continue the round-robin across classes so fold sizes differ by at most one
  for (const label of [...byLabel.keys()].sort()) {
    const members = byLabel.get(label)!;
    for (const j of shuffledIndices(members.length, random)) fold[members[j]!] = next++ % k;
  }
  return fold;
}
