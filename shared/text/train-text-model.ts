/**
 * Training. Measured on the 921 labelled dev messages (docs/classifier.md): a one-vs-rest linear SVM on
 * character 1–2-grams is the strongest single model, and adding complement naive Bayes, which is better on
 * rare n-grams, lifts it further. Both are linear in the same features, so after scaling each to unit
 * spread they merge into one weight matrix: one dot product per class at prediction time.
 */
import { fitTemperature } from './calibration';
import { compactWeights } from './compact-weights';
import { trainComplementNb } from './complement-nb';
import { FeatureHasher, fitIdf, type FeatureOptions } from './features';
import { stratifiedFolds } from './folds';
import type { LinearScores } from './linear-svm';
import { trainOneVsRestSvm } from './linear-svm';
import { addScores, type SparseVector } from './sparse';
import { TextModel, type TextInput } from './text-model';

export interface TrainingExample {
  readonly text: TextInput;
  readonly label: string;
}

export interface TrainingOptions {
  readonly features: FeatureOptions;
  /** SVM inverse regularisation; short texts and few examples favour a light penalty. */
  readonly svmC: number;
  /** Complement NB additive smoothing (per feature, on TF-IDF mass). */
  readonly nbSmoothing: number;
  /** Most passes of SVM coordinate descent; it usually stops earlier at tolerance 0.1. */
  readonly svmPasses: number;
  /** Held-out folds used to fit the confidence temperature. */
  readonly calibrationFolds: number;
  readonly seed: number;
}

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  // 2^18 keeps collisions rare for 1–2-grams of a few thousand distinct characters; a subject counts a
  // little less than a body because the body's wording is fuller (measured: weight 0.7 beat 1.0 and 1.5).
  features: { dimensionBits: 18, ngramMin: 1, ngramMax: 2, fieldWeights: [0.7, 1] },
  svmC: 5,
  nbSmoothing: 0.01,
  svmPasses: 10,
  calibrationFolds: 2,
  seed: 1,
};

export function trainTextModel(
  examples: readonly TrainingExample[],
  options: Partial<TrainingOptions> = {},
): TextModel {
  if (examples.length === 0) throw new Error('cannot train a text model on no examples');
  const settings = { ...DEFAULT_TRAINING_OPTIONS, ...options };
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const classOf = new Map(labels.map((l, i) => [l, i]));
  const truth = Int32Array.from(examples, (e) => classOf.get(e.label)!);
  const hasher = new FeatureHasher(settings.features);
  const counts = examples.map((e) => hasher.count(e.text));
  const idf = fitIdf(counts, hasher.dimension);
  const vectors = counts.map((c) => hasher.weigh(c, idf));
  const scorer = fitScorer(vectors, truth, labels.length, hasher.dimension, settings);
  const temperature = heldOutTemperature(vectors, truth, examples, labels.length, hasher.dimension, settings);
  const { weights, steps } = compactWeights(scorer.weights, labels.length);
  return new TextModel({ labels, features: settings.features, idf, weights, bias: scorer.bias, steps, temperature });
}

function fitScorer(
  vectors: readonly SparseVector[],
  truth: Int32Array,
  classes: number,
  dimension: number,
  settings: TrainingOptions,
): LinearScores {
  const { local, globalOf } = compact(vectors, dimension);
  const used = globalOf.length;
  const svm = trainOneVsRestSvm(local, truth, classes, used, {
    c: settings.svmC,
    maxPasses: settings.svmPasses,
    tolerance: 0.1,
    seed: settings.seed,
  });
  const nb = trainComplementNb(local, truth, classes, used, settings.nbSmoothing);
  const svmScale = 1 / spread(local, svm, classes);
  const nbScale = 1 / spread(local, nb, classes);
  const weights = new Float32Array(dimension * classes);
  globalOf.forEach((g, j) => {
    for (let c = 0; c < classes; c++)
      weights[g * classes + c] = svm.weights[j * classes + c]! * svmScale + nb.weights[j * classes + c]! * nbScale;
  });
  return { weights, bias: Float32Array.from(svm.bias, (b) => b * svmScale) };
}

/**
 * Renumbers the dimensions the vectors use, most frequent first. Training then works on a small dense
 * array whose hot part stays in cache, instead of touching a 2^18 × classes array at random (3× faster).
 */
function compact(vectors: readonly SparseVector[], dimension: number): { local: SparseVector[]; globalOf: Int32Array } {
  const frequency = new Int32Array(dimension);
  for (const v of vectors) for (const i of v.indices) frequency[i]!++;
  const globalOf = Int32Array.from(frequency.keys()).filter((i) => frequency[i]! > 0);
  globalOf.sort((a, b) => frequency[b]! - frequency[a]! || a - b);
  const localOf = new Int32Array(dimension);
  globalOf.forEach((g, j) => (localOf[g] = j));
  const local = vectors.map((v) => ({ indices: v.indices.map((i) => localOf[i]!), values: v.values }));
  return { local, globalOf };
}

/** Standard deviation of a scorer's outputs over the training vectors; 1 when it is degenerate. */
function spread(vectors: readonly SparseVector[], scorer: LinearScores, classes: number): number {
  let sum = 0;
  let squares = 0;
  for (const v of vectors) {
    const scores = Float64Array.from(scorer.bias);
    addScores(v, scorer.weights, scores);
    for (const s of scores) {
      sum += s;
      squares += s * s;
    }
  }
  const n = vectors.length * classes;
  const variance = squares / n - (sum / n) ** 2;
  return variance > 1e-12 ? Math.sqrt(variance) : 1;
}

/**
 * Scores of each training example from a scorer that did not see it, then the temperature that makes
 * their softmax honest. Reuses the full-set IDF: a small optimism, far smaller than scoring seen data.
 */
function heldOutTemperature(
  vectors: readonly SparseVector[],
  truth: Int32Array,
  examples: readonly TrainingExample[],
  classes: number,
  dimension: number,
  settings: TrainingOptions,
): number {
  const k = settings.calibrationFolds;
  if (classes < 2 || examples.length < 2 * k) return 1;
  const fold = stratifiedFolds(
    examples.map((e) => e.label),
    k,
    settings.seed,
  );
  const heldOut: Float64Array[] = new Array(vectors.length);
  for (let f = 0; f < k; f++) {
    const train = vectors.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    const scorer = fitScorer(
      train.map((i) => vectors[i]!),
      Int32Array.from(train, (i) => truth[i]!),
      classes,
      dimension,
      settings,
    );
    vectors.forEach((v, i) => {
      if (fold[i] !== f) return;
      heldOut[i] = Float64Array.from(scorer.bias);
      addScores(v, scorer.weights, heldOut[i]);
    });
  }
  return fitTemperature(heldOut, truth);
}
