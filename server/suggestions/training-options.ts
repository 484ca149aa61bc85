import type { ModelKind } from '../../shared/sync/protocol';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from '../../shared/text';

/**
 * Per model kind. The unit model has one class per unit (about 90), and its weights are
 * classes × hashed dimensions: at the default 2^18 dimensions that is ~95 MB in a workstation's memory
 * and ~30 MB shipped. 2^16 dimensions cut both by about four, for a small loss to hash collisions.
 */
export const TRAINING_OPTIONS: Record<ModelKind, Partial<TrainingOptions>> = {
  category: {},
  unit: { features: { ...DEFAULT_TRAINING_OPTIONS.features, dimensionBits: 16 } },
  junk: {},
};
