import type { Operator } from '../../shared/model';
import type { PeriodQuery } from '../../shared/reports/period';
import { periodContaining } from '../../shared/reports/period';
import type { Surge, SurgeMark } from '../../shared/reports/period-report';
import { monotonicUlid } from '../db/ulid';
import type { Db } from '../db/open-database';

const ulid = monotonicUlid();

/**
 * Marks a surge of a period handled, keeping what recognises it later: the category, or the cluster's
 * representative message as written (the radar matches it against later clusters' messages).
 */
export async function markSurgeHandled(
  db: Db,
  query: PeriodQuery,
  surge: Surge,
  representativeText: string | null,
  note: string,
  by: Operator,
  now: Date = new Date(),
): Promise<SurgeMark> {
  const dates = periodContaining(query.period, query.date);
  const handledAt = now.toISOString();
  await db
    .insertInto('surge_marks')
    .values({
      id: ulid(),
      kind: surge.kind,
      surge_key: surge.key,
      category_id: surge.categoryId,
      label: surge.label,
      sample_text: representativeText,
      period_kind: query.period,
      period_from: dates.from,
      period_to: dates.to,
      note,
      handled_by: by.id,
      handled_by_name: by.displayName,
      handled_at: handledAt,
    })
    .execute();
  return { handledAt, handledBy: by.displayName, note };
}
