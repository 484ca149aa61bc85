/**
 * A TextModel as a JSON-safe object: the few small parts as JSON, the bulk as one compact binary in base64.
 * Only the hashed dimensions seen in training are stored, each with its idf (as an index into the few
 * distinct idf values) and its non-zero weights (int8 steps, compact-weights.ts). Deserialising gives
 * back the same bits, so predictions are identical.
 *
 * Binary layout, little-endian: varint U, then U float32 idf values, most used first; varint D, then per
 * seen dimension in ascending order: varint gap from the previous one, varint idf index, varint count
 * of non-zero weights, then per weight: varint gap from the previous label, int8 steps.
 */
import { base64ToBytes, bytesToBase64 } from './base64';
import { ByteReader, ByteWriter } from './byte-stream';
import { QUANTISATION_LEVELS } from './compact-weights';
import { TextModel } from './text-model';

export const MODEL_FORMAT = 'yiwang-text-model/2';

export interface SerializedTextModel {
  readonly format: typeof MODEL_FORMAT;
  readonly labels: readonly string[];
  readonly features: {
    readonly dimensionBits: number;
    readonly ngramMin: number;
    readonly ngramMax: number;
    readonly fieldWeights: readonly number[];
  };
  readonly temperature: number;
  readonly bias: readonly number[];
  /** Per label, the weights' quantisation step. */
  readonly steps: readonly number[];
  /** Seen dimensions, their idf and non-zero weights (layout above), base64. */
  readonly data: string;
}

export function serializeModel(model: TextModel): SerializedTextModel {
  const { labels, features, idf, weights, bias, steps, temperature } = model.parts;
  const classes = labels.length;
  const idfUses = new Map<number, number>();
  let seen = 0;
  for (const value of idf) {
    if (value === 0) continue;
    seen++;
    idfUses.set(value, (idfUses.get(value) ?? 0) + 1);
  }
  const idfTable = [...idfUses].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([value]) => value);
  const idfIndex = new Map(idfTable.map((value, k) => [value, k]));

  const out = new ByteWriter();
  out.varint(idfTable.length);
  for (const value of idfTable) out.float32(value);
  out.varint(seen);
  let previous = -1;
  for (let i = 0; i < idf.length; i++) {
    if (idf[i] === 0) continue;
    out.varint(i - previous - 1);
    previous = i;
    out.varint(idfIndex.get(idf[i]!)!);
    const row: number[] = [];
    for (let c = 0; c < classes; c++) if (weights[i * classes + c] !== 0) row.push(c);
    out.varint(row.length);
    let previousLabel = -1;
    for (const c of row) {
      out.varint(c - previousLabel - 1);
      previousLabel = c;
      out.int8(stepsOf(weights[i * classes + c]!, steps[c]!));
    }
  }
  return {
    format: MODEL_FORMAT,
    labels: [...labels],
    features: { ...features, fieldWeights: [...features.fieldWeights] },
    temperature,
    bias: Array.from(bias),
    steps: Array.from(steps),
    data: bytesToBase64(out.finish()),
  };
}

export function deserializeModel(data: SerializedTextModel): TextModel {
  if (data.format !== MODEL_FORMAT) throw new Error(`not a ${MODEL_FORMAT} model: ${String(data.format)}`);
  const classes = data.labels.length;
  if (data.bias.length !== classes || data.steps.length !== classes) throw new Error('model arrays disagree in length');
  const dimension = 1 << data.features.dimensionBits;
  const steps = Float32Array.from(data.steps);
  const idf = new Float32Array(dimension);
  const weights = new Float32Array(dimension * classes);
  const input = new ByteReader(base64ToBytes(data.data));
  const idfTable = Array.from({ length: input.varint() }, () => input.float32());
  const seen = input.varint();
  let i = -1;
  for (let k = 0; k < seen; k++) {
    i += input.varint() + 1;
    const value = idfTable[input.varint()];
    if (i >= dimension || value === undefined) throw new Error('model data is damaged');
    idf[i] = value;
    let c = -1;
    for (let n = input.varint(); n > 0; n--) {
      c += input.varint() + 1;
      if (c >= classes) throw new Error('model data is damaged');
      weights[i * classes + c] = input.int8() * steps[c]!;
    }
  }
  if (!input.done) throw new Error('model data is damaged');
  return new TextModel({
    labels: [...data.labels],
    features: { ...data.features, fieldWeights: [...data.features.fieldWeights] },
    idf,
    weights,
    bias: Float32Array.from(data.bias),
    steps,
    temperature: data.temperature,
  });
}

/** The whole number of steps a compacted weight is; anything else was not made by compactWeights. */
function stepsOf(weight: number, step: number): number {
  const whole = Math.round(weight / step);
  if (Math.abs(whole) > QUANTISATION_LEVELS || Math.fround(whole * step) !== weight)
    throw new Error('model weights are not compacted');
  return whole;
}
