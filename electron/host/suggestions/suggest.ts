import type { LocalRequest, RankedChoice, RequestContext, Suggestion } from '../../../shared/api/workstation-api';
import type { Directory } from '../../../shared/model';
import type { TextModel } from '../../../shared/text';
import type { WorkstationCache } from '../cache/workstation-cache';
import { matchingRules } from './keyword-rules';

/** Classifiers trained on past decisions; until they ship through sync there are none. */
export interface TrainedModels {
  category: TextModel | null;
  unit: TextModel | null;
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
 * rules and how alike requests (the citizen's own, and similar ones) were resolved.
 */
export function suggester(cache: WorkstationCache, models: TrainedModels | null = null) {
  const local = (ids: readonly string[]) => ids.map((id) => cache.requests.local(id)).filter((r): r is LocalRequest => r !== null);

  function suggest(request: LocalRequest, history: readonly LocalRequest[], similar: readonly LocalRequest[]): Suggestion {
    const directory = cache.directory.get();
    const categories = new Tally();
    const units = new Tally();
    for (const rule of matchingRules(request.text)) {
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
    return {
      category,
      unit,
      templateId: unit.length > 0 ? 'transferred' : 'received',
      source: modelCategories || modelUnits ? 'model' : 'rules',
    };
  }

  return {
    context(request: LocalRequest): RequestContext {
      const history = local(cache.search.citizenHistory(request.citizen.id, request.id, HISTORY));
      const similar = local(cache.search.similarResolved(request.text, request.id, SIMILAR));
      return { requestId: request.id, suggestion: suggest(request, history, similar), history, similar };
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
    return [...this.scores].map(([id, score]) => ({ id, confidence: score / total })).sort((a, b) => b.confidence - a.confidence);
  }
}

function ranked(labels: readonly { label: string; confidence: number }[]): RankedChoice[] {
  return labels.map(({ label, confidence }) => ({ id: label, confidence }));
}

/** Only ids the directory holds (before the first pull, all of them), best few. */
function known(choices: readonly RankedChoice[], directory: Directory, kind: 'category' | 'unit'): RankedChoice[] {
  if (directory.version === 0) return choices.slice(0, SHOWN_CHOICES);
  const ids = new Set(kind === 'category' ? directory.categories.map((c) => c.id) : directory.units.filter((u) => u.active).map((u) => u.id));
  return choices.filter((choice) => ids.has(choice.id)).slice(0, SHOWN_CHOICES);
}
