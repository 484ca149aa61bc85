/** A trained text classifier: hashed n-gram features, one linear score per class, temperature-scaled softmax. */
import { softmax } from './calibration';
import { FeatureHasher, type FeatureOptions } from './features';
import { addScores } from './sparse';

/** One string, or fields in order (e.g. [subject, body]) that the model weighs separately. */
export type TextInput = string | readonly string[];

export interface RankedLabel {
  readonly label: string;
  /** Probability that this label is right, calibrated on held-out training folds. */
  readonly confidence: number;
}

export interface TextModelParts {
  readonly labels: readonly string[];
  readonly features: FeatureOptions;
  readonly idf: Float32Array;
  /** Feature-major: weights[feature * labels + label], so one cache line serves every label. */
  readonly weights: Float32Array;
  /** Per label: every weight is a whole number (−127…127) of this step (compact-weights.ts). */
  readonly steps: Float32Array;
  readonly bias: Float32Array;
  readonly temperature: number;
}

export class TextModel {
  private readonly hasher: FeatureHasher;

  constructor(readonly parts: TextModelParts) {
    this.hasher = new FeatureHasher(parts.features);
  }

  get labels(): readonly string[] {
    return this.parts.labels;
  }

  /** Raw linear scores per label, in `labels` order. */
  scores(text: TextInput): Float64Array {
    const { idf, weights, bias } = this.parts;
    const scores = Float64Array.from(bias);
    addScores(this.hasher.weigh(this.hasher.count(text), idf), weights, scores);
    return scores;
  }

  /** Every label, most probable first; ties keep label order so the result is deterministic. */
  predict(text: TextInput): RankedLabel[] {
    const probabilities = softmax(this.scores(text), this.parts.temperature);
    return this.parts.labels
      .map((label, c) => ({ label, confidence: probabilities[c]!, c }))
      .sort((a, b) => b.confidence - a.confidence || a.c - b.c)
      .map(({ label, confidence }) => ({ label, confidence }));
  }
}
