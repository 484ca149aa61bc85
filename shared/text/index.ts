export {
  trainTextModel,
  DEFAULT_TRAINING_OPTIONS,
  type TrainingExample,
  type TrainingOptions,
} from './train-text-model';
export { TextModel } from './text-model';
export { serializeModel, deserializeModel, MODEL_FORMAT, type SerializedTextModel } from './model-serialization';
export { percentile } from './metrics';
export { NearDuplicateIndex } from './near-duplicates';
