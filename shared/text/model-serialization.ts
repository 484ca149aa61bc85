/**
 * A TextModel as a JSON-safe object. Only the hashed dimensions seen in training are stored (the rest have
 * zero weight and idf), as little-endian Float32 in base64, so the bytes — and predictions — come back exact.
 */
import { base64ToBytes, bytesToBase64 } from './base64';
import { TextModel } from './text-model';

export const MODEL_FORMAT = 'yiwang-text-model/1';

export interface SerializedTextModel {
  readonly format: typeof MODEL_FORMAT;
  readonly labels: readonly string[];
  readonly features: { readonly dimensionBits: number; readonly ngramMin: number; readonly ngramMax: number; readonly fieldWeights: readonly number[] };
  readonly temperature: number;
  readonly bias: readonly number[];
  /** Seen dimensions, ascending, as Int32. */
  readonly dimensions: string;
  /** idf of each seen dimension, Float32. */
  readonly idf: string;
  /** Weights of the seen dimensions, dimension-major (all labels of one dimension together), Float32. */
  readonly weights: string;
}

export function serializeModel(model: TextModel): SerializedTextModel {
  const { labels, features, idf, weights, bias, temperature } = model.parts;
  const dimension = idf.length;
  const seen: number[] = [];
  for (let i = 0; i < dimension; i++) if (idf[i] !== 0) seen.push(i);
  const classes = labels.length;
  const packed = new Float32Array(classes * seen.length);
  seen.forEach((i, k) => packed.set(weights.subarray(i * classes, (i + 1) * classes), k * classes));
  return {
    format: MODEL_FORMAT,
    labels: [...labels],
    features: { ...features, fieldWeights: [...features.fieldWeights] },
    temperature,
    bias: Array.from(bias),
    dimensions: encode(Int32Array.from(seen)),
    idf: encode(Float32Array.from(seen, (i) => idf[i]!)),
    weights: encode(packed),
  };
}

export function deserializeModel(data: SerializedTextModel): TextModel {
  if (data.format !== MODEL_FORMAT) throw new Error(`not a ${MODEL_FORMAT} model: ${String(data.format)}`);
  const dimension = 1 << data.features.dimensionBits;
  const seen = decode(data.dimensions, 'int');
  const seenIdf = decode(data.idf, 'float');
  const packed = decode(data.weights, 'float');
  if (seenIdf.length !== seen.length || packed.length !== seen.length * data.labels.length) throw new Error('model arrays disagree in length');
  const idf = new Float32Array(dimension);
  const classes = data.labels.length;
  const weights = new Float32Array(dimension * classes);
  seen.forEach((i, k) => {
    idf[i] = seenIdf[k]!;
    for (let c = 0; c < classes; c++) weights[i * classes + c] = packed[k * classes + c]!;
  });
  return new TextModel({
    labels: [...data.labels],
    features: { ...data.features, fieldWeights: [...data.features.fieldWeights] },
    idf,
    weights,
    bias: Float32Array.from(data.bias),
    temperature: data.temperature,
  });
}

function encode(values: Int32Array | Float32Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, k) => (values instanceof Int32Array ? view.setInt32(k * 4, v, true) : view.setFloat32(k * 4, v, true)));
  return bytesToBase64(new Uint8Array(view.buffer));
}

function decode(text: string, kind: 'int' | 'float'): number[] {
  const bytes = base64ToBytes(text);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.length / 4 }, (_, k) => (kind === 'int' ? view.getInt32(k * 4, true) : view.getFloat32(k * 4, true)));
}
