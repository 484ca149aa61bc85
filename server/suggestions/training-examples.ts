import { JUNK_LABEL, NOT_JUNK_LABEL, type ModelKind } from '../../shared/sync/protocol';
import type { TrainingExample } from '../../shared/text';
import type { Db } from '../db/open-database';

/** Training time grows with the examples (10,000 take about 9 s of CPU); the latest decisions say most about today's routing. */
const MAX_EXAMPLES = 20_000;

/** Statuses an operator put a request in by handling it as a real request. */
const HANDLED = ['accepted', 'transferred', 'replied', 'closed'];

export type TrainingSets = Record<ModelKind, TrainingExample[]>;

/**
 * The archive of decisions as examples: each decided request's text with its final category (classify),
 * its final unit (transfer; a unit's return clears it, so wrong transfers teach nothing) and whether it
 * was junked; then, up to the limit, the imported history (newest first) for the category and unit
 * models — not the junk model, as history holds no junk. Classes with fewer than `minPerClass` examples
 * are left out: too few to learn from.
 */
export async function trainingSets(db: Db, minPerClass: number): Promise<TrainingSets> {
  const rows = await db
    .selectFrom('requests')
    .select(['text', 'status', 'category_id', 'unit_id'])
    .where('status', 'in', [...HANDLED, 'junk'])
    .orderBy('updated_at', 'desc')
    .limit(MAX_EXAMPLES)
    .execute();
  const category: TrainingExample[] = [];
  const unit: TrainingExample[] = [];
  const junk: TrainingExample[] = [];
  for (const row of rows) {
    if (row.category_id) category.push({ text: row.text, label: row.category_id });
    if (row.unit_id) unit.push({ text: row.text, label: row.unit_id });
    junk.push({ text: row.text, label: row.status === 'junk' ? JUNK_LABEL : NOT_JUNK_LABEL });
  }
  const history = await db
    .selectFrom('imported_history')
    .select(['text', 'category_id', 'unit_id'])
    .orderBy('received_at', 'desc')
    .orderBy('text_hash')
    .limit(Math.max(0, MAX_EXAMPLES - rows.length))
    .execute();
  for (const row of history) {
    if (row.category_id) category.push({ text: row.text, label: row.category_id });
    if (row.unit_id) unit.push({ text: row.text, label: row.unit_id });
  }
  return {
    category: learnable(category, minPerClass),
    unit: learnable(unit, minPerClass),
    junk: learnable(junk, minPerClass),
  };
}

/** The examples of classes with enough of them; none when fewer than two classes are left, as nothing can be told apart. */
export function learnable(examples: readonly TrainingExample[], minPerClass: number): TrainingExample[] {
  const counts = new Map<string, number>();
  for (const { label } of examples) counts.set(label, (counts.get(label) ?? 0) + 1);
  const kept = new Set([...counts].filter(([, n]) => n >= minPerClass).map(([label]) => label));
  return kept.size < 2 ? [] : examples.filter((e) => kept.has(e.label));
}
