export { trainTextModel, DEFAULT_TRAINING_OPTIONS, type TrainingExample, type TrainingOptions } from './train-text-model';
export { TextModel, type RankedLabel, type TextInput } from './text-model';
export { serializeModel, deserializeModel, MODEL_FORMAT, type SerializedTextModel } from './model-serialization';
export { evaluateRankings, percentile, triageKeyPresses, type ClassificationReport } from './metrics';
export { stratifiedFolds } from './folds';
export { NearDuplicateIndex, estimatedJaccard, type NearDuplicateMatch, type NearDuplicateOptions } from './near-duplicates';
