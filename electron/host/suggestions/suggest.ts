import type { LocalRequest, RankedChoice, RequestContext, Suggestion } from '../../../shared/api/workstation-api';
import { identitiesOf, type Directory } from '../../../shared/model';
import { matchingRules } from '../../../shared/suggestions/keyword-rules';
import { JUNK_LABEL } from '../../../shared/sync/protocol';
import type { TextModel } from '../../../shared/text';
import type { WorkstationCache } from '../cache/workstation-cache';
import { DEFAULT_CONFIDENCE_THRESHOLD, isLowConfidence } from './confidence';
import { openDuplicates } from './open-duplicates';

/** Classifiers trained on past decisions; until they ship through sync there are none. */
export interface TrainedModels {
  category: TextModel | null;
  unit: TextModel | null;
  /** Tells junk from real requests. */
  junk?: TextModel | null;
}

export interface SuggesterOptions {
  /** Below this confidence the best guess is not pre-filled (see confidence.ts). */
  confidenceThreshold?: number;
}

const SIMILAR = 5;
const HISTORY = 5;
const SHOWN_CHOICES = 5;
/** How much one piece of evidence counts: a keyword rule, the most alike past request, the citizen's last one. */
const WEIGHT = { rule: 1, similar: 0.8, history: 0.5 } as const;
/** Evidence held back for "none of these", so one weak hint never reads as certain. */
const DOUBT = 1;

/**
 * The suggestion seam: `suggest` answers from the trained model when there is one, else from keyword
 * rules (the administrators', as last pulled) and how alike requests (the citizen's own, and similar
 * ones) were resolved. The context also says which open requests this one repeats.
 */
export function suggester(
  cache: WorkstationCache,
  models: TrainedModels | null = null,
  options: SuggesterOptions = {},
) {
  const threshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD;
  const duplicates = openDuplicates(cache);
  const local = (ids: readonly string[]) =>
    ids.map((id) => cache.requests.local(id)).filter((r): r is LocalRequest => r !== null);

  function suggest(
    request: LocalRequest,
    history: readonly LocalRequest[],
    similar: readonly LocalRequest[],
  ): Suggestion {
    const directory = cache.directory.get();
    const categories = new Tally();
    const units = new Tally();
    for (const rule of matchingRules(request.text, cache.suggestionRules.inForce())) {
      categories.add(rule.categoryId, WEIGHT.rule);
      units.add(rule.unitId, WEIGHT.rule);
    }
    similar.forEach((past, rank) => {
      categories.add(past.categoryId, WEIGHT.similar / (rank + 1));
      units.add(past.unitId, WEIGHT.similar / (rank + 1));
    });
    history.slice(0, 3).forEach((past, rank) => {
      categories.add(past.categoryId, WEIGHT.history / (rank + 1));
      units.add(past.unitId, WEIGHT.history / (rank + 1));
    });
    const modelCategories = models?.category ? ranked(models.category.predict(request.text)) : null;
    const modelUnits = models?.unit ? ranked(models.unit.predict(request.text)) : null;
    const category = known(modelCategories ?? categories.ranked(), directory, 'category');
    const unit = known(modelUnits ?? units.ranked(), directory, 'unit');
    const junk = models?.junk?.predict(request.text).find((p) => p.label === JUNK_LABEL)?.confidence ?? null;
    return {
      category,
      unit,
      templateId: unit.length > 0 ? 'transferred' : 'received',
      source: modelCategories || modelUnits ? 'model' : 'rules',
      lowConfidence: { category: isLowConfidence(category, threshold), unit: isLowConfidence(unit, threshold) },
      junk,
    };
  }

  return {
    /** Loads the models and builds the near-duplicate index in the background (until `signal`), so the first request's context is quick. */
    async warmUp(signal: AbortSignal): Promise<void> {
      // Reading a model deserialises it once (trained-models.ts).
      void [models?.category, models?.unit, models?.junk];
      await duplicates.warmUp(signal);
    },
    context(request: LocalRequest): RequestContext {
      const history = local(cache.search.citizenHistory(identitiesOf(request.citizen), request.id, HISTORY));
      const similar = local(cache.search.similarResolved(request.text, request.id, SIMILAR));
      return {
        requestId: request.id,
        suggestion: suggest(request, history, similar),
        history,
        similar,
        duplicates: duplicates.find(request),
      };
    },
  };
}

export type Suggester = ReturnType<typeof suggester>;

/** Sums evidence per id and turns it into confidences. */
class Tally {
  private readonly scores = new Map<string, number>();

  add(id: string | null, weight: number): void {
    if (id) this.scores.set(id, (this.scores.get(id) ?? 0) + weight);
  }

  ranked(): RankedChoice[] {
    const total = [...this.scores.values()].reduce((sum, score) => sum + score, DOUBT);
    return [...this.scores]
      .map(([id, score]) => ({ id, confidence: score / total }))
      .sort((a, b) => b.confidence - a.confidence);
  }
}

function ranked(labels: readonly { label: string; confidence: number }[]): RankedChoice[] {
  return labels.map(({ label, confidence }) => ({ id: label, confidence }));
}

/** Only ids the directory holds (before the first pull, all of them), best few. */
function known(choices: readonly RankedChoice[], directory: Directory, kind: 'category' | 'unit'): RankedChoice[] {
  if (directory.version === 0) return choices.slice(0, SHOWN_CHOICES);
  const ids = new Set(
    kind === 'category'
      ? directory.categories.map((c) => c.id)
      : directory.units.filter((u) => u.active).map((u) => u.id),
  );
  return choices.filter((choice) => ids.has(choice.id)).slice(0, SHOWN_CHOICES);
}
