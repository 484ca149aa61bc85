/**
 * Hashed character n-gram features with sublinear TF-IDF. Character n-grams need no dictionary, cope with
 * typos, traditional characters and mixed scripts, and run anywhere; hashing fixes the model's size.
 * Each field (subject, body) has its own hash namespace and weight: a subject line is a dense summary,
 * and the same n-gram means more there than in a long body.
 */
import { FNV_OFFSET, fnvStep, mix32 } from './hash';
import { normalizeText } from './normalize';
import { SparseAccumulator, type SparseVector } from './sparse';

export interface FeatureOptions {
  /** log2 of the hashed feature space. */
  readonly dimensionBits: number;
  readonly ngramMin: number;
  readonly ngramMax: number;
  /** Weight of each field in order; fields beyond the list take the last weight. */
  readonly fieldWeights: readonly number[];
}

/** Raw n-gram counts of one document, one vector per field. */
export type FieldCounts = readonly SparseVector[];

/** Text longer than this (in code points, per field) is cut: the head of a message carries its topic. */
export const MAX_FIELD_CODE_POINTS = 4000;

const SPACE = 0x20;

export class FeatureHasher {
  readonly dimension: number;
  private readonly mask: number;
  private readonly accumulator: SparseAccumulator;
  private readonly points = new Int32Array(MAX_FIELD_CODE_POINTS);

  constructor(readonly options: FeatureOptions) {
    this.dimension = 1 << options.dimensionBits;
    this.mask = this.dimension - 1;
    this.accumulator = new SparseAccumulator(this.dimension);
  }

  /** N-gram counts per field of `fields` (a single string is one field). */
  count(fields: string | readonly string[]): FieldCounts {
    const list = typeof fields === 'string' ? [fields] : fields;
    return list.map((text, field) => this.countField(normalizeText(text.slice(0, MAX_FIELD_CODE_POINTS * 2)), field));
  }

  /** The weighted, normalised vector of counted fields (see `weighFeatures`). */
  weigh(counts: FieldCounts, idf: Float32Array): SparseVector {
    return weighFeatures(counts, idf, this.options.fieldWeights, this.accumulator);
  }

  private countField(text: string, field: number): SparseVector {
    const { ngramMin, ngramMax } = this.options;
    const points = this.points;
    let length = 0;
    for (let at = 0; at < text.length && length < MAX_FIELD_CODE_POINTS; length++) {
      const cp = text.codePointAt(at)!;
      points[length] = cp;
      at += cp > 0xffff ? 2 : 1;
    }
    const seed = fnvStep(FNV_OFFSET, 0x110000 + field);
    for (let i = 0; i < length; i++) {
      let hash = seed;
      for (let n = 1; n <= ngramMax && i + n <= length; n++) {
        const cp = points[i + n - 1]!;
        if (cp === SPACE) break; // n-grams stop at word and clause breaks (normalizeText made them spaces)
        hash = fnvStep(hash, cp);
        if (n >= ngramMin) this.accumulator.add(mix32(hash) & this.mask, 1);
      }
    }
    return this.accumulator.take();
  }
}

/** Document frequency → smoothed inverse document frequency, as in scikit-learn's TfidfTransformer. */
export function fitIdf(documents: readonly FieldCounts[], dimension: number): Float32Array {
  const df = new Float64Array(dimension);
  const seenIn = new Int32Array(dimension).fill(-1);
  documents.forEach((fields, d) => {
    for (const v of fields) {
      for (const i of v.indices) {
        if (seenIn[i] !== d) {
          seenIn[i] = d;
          df[i]!++;
        }
      }
    }
  });
  const idf = new Float32Array(dimension);
  const n = documents.length;
  for (let i = 0; i < dimension; i++) if (df[i]! > 0) idf[i] = Math.log((1 + n) / (1 + df[i]!)) + 1;
  return idf;
}

/**
 * The model's input vector: per field, sublinear tf × idf, L2-normalised, times the field weight; then the
 * whole vector L2-normalised. N-grams never seen in training (idf 0) are dropped, like a vocabulary would.
 */
export function weighFeatures(
  fields: FieldCounts,
  idf: Float32Array,
  fieldWeights: readonly number[],
  accumulator: SparseAccumulator,
): SparseVector {
  fields.forEach((counts, f) => {
    const weight = fieldWeights[Math.min(f, fieldWeights.length - 1)] ?? 1;
    let norm = 0;
    for (let k = 0; k < counts.indices.length; k++)
      norm += ((1 + Math.log(counts.values[k]!)) * idf[counts.indices[k]!]!) ** 2;
    if (norm === 0 || weight === 0) return;
    const scale = weight / Math.sqrt(norm);
    for (let k = 0; k < counts.indices.length; k++) {
      const i = counts.indices[k]!;
      if (idf[i] !== 0) accumulator.add(i, (1 + Math.log(counts.values[k]!)) * idf[i]! * scale);
    }
  });
  const merged = accumulator.take();
  let norm = 0;
  for (const v of merged.values) norm += v * v;
  if (norm > 0) merged.values.forEach((v, k) => (merged.values[k] = v / Math.sqrt(norm)));
  return merged;
}
