/**
 * Near-duplicate detection: MinHash signatures of character 3-shingles with LSH banding. Two texts whose
 * shingle sets have Jaccard similarity s share at least one band with probability 1 − (1 − s^rows)^bands,
 * so with 16 bands of 4 rows, pairs above ~0.6 are almost always found and pairs below ~0.3 almost never
 * compared. Candidates are then kept only if their estimated Jaccard reaches the threshold.
 */
import { FNV_OFFSET, fnvStep, mix32, seededRandom } from './hash';
import { normalizeText } from './normalize';

export interface NearDuplicateOptions {
  /** Least estimated Jaccard similarity of shingle sets to report. */
  readonly threshold: number;
  readonly shingleLength: number;
  readonly bands: number;
  readonly rowsPerBand: number;
  readonly seed: number;
}

export interface NearDuplicateMatch {
  readonly id: string;
  /** Estimated Jaccard similarity of the two texts' shingle sets, 0–1. */
  readonly similarity: number;
}

const DEFAULTS: NearDuplicateOptions = { threshold: 0.7, shingleLength: 3, bands: 16, rowsPerBand: 4, seed: 1 };

export class NearDuplicateIndex {
  readonly options: NearDuplicateOptions;
  private readonly salts: Uint32Array;
  private readonly signatures = new Map<string, Uint32Array>();
  private readonly buckets = new Map<number, string[]>();

  constructor(options: Partial<NearDuplicateOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    const random = seededRandom(this.options.seed);
    this.salts = Uint32Array.from({ length: this.options.bands * this.options.rowsPerBand }, () =>
      Math.floor(random() * 2 ** 32),
    );
  }

  get size(): number {
    return this.signatures.size;
  }

  /** MinHash signature of a text, or null when it is too short to have a shingle. */
  signature(text: string): Uint32Array | null {
    const chars = Array.from(normalizeText(text).replace(/ /g, ''));
    const k = this.options.shingleLength;
    const count = Math.max(chars.length - k + 1, chars.length > 0 ? 1 : 0); // a short text is one shingle
    if (count === 0) return null;
    const signature = new Uint32Array(this.salts.length).fill(0xffffffff);
    for (let i = 0; i < count; i++) {
      let hash = FNV_OFFSET;
      for (let j = i; j < Math.min(i + k, chars.length); j++) hash = fnvStep(hash, chars[j]!.codePointAt(0)!);
      for (let h = 0; h < this.salts.length; h++) {
        const value = mix32(hash ^ this.salts[h]!);
        if (value < signature[h]!) signature[h] = value;
      }
    }
    return signature;
  }

  /** Indexes a document; adding an id again replaces nothing, so ids must be unique. */
  add(id: string, text: string): void {
    if (this.signatures.has(id)) throw new Error(`id already indexed: ${id}`);
    const signature = this.signature(text);
    if (!signature) return;
    this.signatures.set(id, signature);
    for (const key of this.bandKeys(signature)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(id);
      else this.buckets.set(key, [id]);
    }
  }

  /** Indexed documents at or above the threshold, most similar first (ties by id). */
  query(text: string): NearDuplicateMatch[] {
    const signature = this.signature(text);
    if (!signature) return [];
    const candidates = new Set<string>();
    for (const key of this.bandKeys(signature)) for (const id of this.buckets.get(key) ?? []) candidates.add(id);
    const matches: NearDuplicateMatch[] = [];
    for (const id of candidates) {
      const similarity = estimatedJaccard(signature, this.signatures.get(id)!);
      if (similarity >= this.options.threshold) matches.push({ id, similarity });
    }
    return matches.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * One number per band, its rows hashed together with the band's own number (numbers, not strings:
   * building 100,000 documents' keys was most of the host's start-up). Two bands that merely collide
   * only add a candidate, which the similarity check then drops.
   */
  private bandKeys(signature: Uint32Array): number[] {
    const { bands, rowsPerBand } = this.options;
    const keys = new Array<number>(bands);
    for (let b = 0; b < bands; b++) {
      let hash = mix32(b);
      for (let r = b * rowsPerBand; r < (b + 1) * rowsPerBand; r++) hash = mix32(hash ^ signature[r]!);
      keys[b] = hash;
    }
    return keys;
  }
}

/** Share of signature positions that agree: an unbiased estimate of the Jaccard similarity. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let h = 0; h < a.length; h++) if (a[h] === b[h]) same++;
  return same / a.length;
}
