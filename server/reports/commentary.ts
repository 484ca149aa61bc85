import type { PeriodKind } from '../../shared/reports/period';
import type { Commentary } from '../../shared/reports/period-report';
import type { Operator } from '../../shared/model';
import type { Db } from '../db/open-database';

/** The operator's commentary on a period's report, if written; one per period, the latest wins. */
export async function commentaryOf(db: Db, period: PeriodKind, from: string): Promise<Commentary | null> {
  const row = await db
    .selectFrom('report_commentaries')
    .select(['text', 'author_name', 'written_at'])
    .where('period_kind', '=', period)
    .where('period_from', '=', from)
    .executeTakeFirst();
  return row ? { text: row.text, author: row.author_name, writtenAt: row.written_at } : null;
}

/** Stores the commentary with its author and time, replacing an earlier one of the same period. */
export async function writeCommentary(
  db: Db,
  period: PeriodKind,
  from: string,
  text: string,
  author: Operator,
  now: Date = new Date(),
): Promise<Commentary> {
  const row = {
    text,
    author_id: author.id,
    author_name: author.displayName,
    written_at: now.toISOString(),
  };
  await db
    .insertInto('report_commentaries')
    .values({ period_kind: period, period_from: from, ...row })
    .onConflict((oc) => oc.columns(['period_kind', 'period_from']).doUpdateSet(row))
    .execute();
  return { text, author: row.author_name, writtenAt: row.written_at };
}
