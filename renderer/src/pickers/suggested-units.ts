import type { RankedChoice } from '../../../shared/api/workstation-api';
import type { Unit } from '../../../shared/model';

/** The model's next guesses after the first, shown before the directory: most misses are among them. */
const SUGGESTED = 5;

export interface UnitChoice {
  unit: Unit;
  /** The suggestion's confidence in it, for the units it ranked; absent for the rest of the directory. */
  confidence?: number;
}

/**
 * What the unit picker lists before anything is typed: the suggestion's ranked units other than the one
 * Enter would already transfer to (the operator pressed t because that one is wrong), best first, then
 * the directory. So the model's second guess is one Enter away, its third one ↓ further.
 */
export function suggestedFirst(
  directory: readonly Unit[],
  ranked: readonly RankedChoice[],
  current: string | null,
  unitsById: ReadonlyMap<string, Unit>,
): UnitChoice[] {
  const suggested = ranked
    .filter((choice) => choice.id !== current)
    .slice(0, SUGGESTED)
    .flatMap((choice) => {
      const unit = unitsById.get(choice.id);
      return unit?.active ? [{ unit, confidence: choice.confidence }] : [];
    });
  const shown = new Set(suggested.map((choice) => choice.unit.id));
  return [...suggested, ...directory.filter((unit) => !shown.has(unit.id)).map((unit) => ({ unit }))];
}
