import type { ModelKind } from '../../../shared/sync/protocol';
import { deserializeModel, type TextModel } from '../../../shared/text';
import type { WorkstationCache } from '../cache/workstation-cache';
import type { TrainedModels } from './suggest';

/**
 * The models the server shipped, deserialised once per version and kept in memory: a suggestion
 * then costs one sparse dot product per class. A newly pulled version is picked up at the next use.
 */
export function trainedModels(cache: WorkstationCache): TrainedModels {
  const loaded = new Map<ModelKind, { version: number; model: TextModel | null }>();

  function current(kind: ModelKind): TextModel | null {
    const version = cache.suggestionModels.version(kind);
    const held = loaded.get(kind);
    if (held && held.version === version) return held.model;
    const model = version > 0 ? load(kind) : null;
    loaded.set(kind, { version, model });
    return model;
  }

  function load(kind: ModelKind): TextModel | null {
    const shipped = cache.suggestionModels.get(kind);
    if (!shipped) return null;
    try {
      return deserializeModel(shipped.model);
    } catch (error) {
      // A damaged model must not stop suggestions: the rules stand in until the next version.
      console.error(`yiwang host: ${kind} model version ${shipped.version} unusable`, error);
      return null;
    }
  }

  return {
    get category() {
      return current('category');
    },
    get unit() {
      return current('unit');
    },
    get junk() {
      return current('junk');
    },
  };
}
