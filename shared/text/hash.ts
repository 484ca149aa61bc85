/** Small deterministic hashing and pseudo-random helpers; identical results in Node and the browser. */

const FNV_PRIME = 0x01000193;
export const FNV_OFFSET = 0x811c9dc5;

/** One FNV-1a step: folds a code point into a running 32-bit hash. */
export function fnvStep(hash: number, codePoint: number): number {
  return Math.imul(hash ^ codePoint, FNV_PRIME);
}

/** MurmurHash3's finaliser: FNV's low bits are weak, and the feature index is taken from the low bits. */
export function mix32(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Mulberry32: a seeded generator so training order, and hence the model, is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of 0..n-1 driven by `random`. */
export function shuffledIndices(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
  return order;
}
