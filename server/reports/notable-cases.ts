import { sql } from 'kysely';
import { Channel } from '../../shared/model';
import { maskCitizenText } from '../../shared/privacy';
import type { NotableCase, NotableReason } from '../../shared/reports/period-report';
import type { PeriodDates } from '../../shared/reports/period';
import type { Db } from '../db/open-database';
import { requestsReceivedIn } from './period-requests';

/** A report names at most this many cases; the rest are in the numbers. */
const MOST_CASES = 50;
/** Characters of the citizen's words shown per case. */
export const EXCERPT_LENGTH = 120;

/** The citizen's words as a report shows them: personal numbers masked, cut short. */
export function reportExcerpt(text: string): string {
  const masked = maskCitizenText(text.replace(/\s+/g, ' ').trim());
  const chars = Array.from(masked);
  return chars.length <= EXCERPT_LENGTH ? masked : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`;
}

/**
 * The thorny cases of a period (疑难件): sent back by units twice or more, rated 不满意, or escalated to the
 * supervisors. Most reasons first, then the oldest.
 */
export async function notableCases(db: Db, dates: PeriodDates): Promise<NotableCase[]> {
  const rows = await requestsReceivedIn(db, dates)
    .where('r.status', 'not in', ['junk', 'merged'])
    .where((eb) =>
      eb.or([eb('r.return_count', '>=', 2), eb('r.rating_score', '=', 'dissatisfied'), eb('r.escalated', '=', 1)]),
    )
    .select([
      'r.id',
      'r.number',
      'r.channel',
      'r.received_at',
      'r.status',
      'r.text',
      'r.return_count',
      'r.rating_score',
      'r.escalated',
      'u.name as unit_name',
      'c.name as category_name',
    ])
    .orderBy(
      sql`(case when r.return_count >= 2 then 1 else 0 end)
        + (case when r.rating_score = 'dissatisfied' then 1 else 0 end) + r.escalated`,
      'desc',
    )
    .orderBy('r.received_at')
    .limit(MOST_CASES)
    .execute();
  return rows.map((row) => {
    const reasons: NotableReason[] = [];
    if (Number(row.return_count) >= 2) reasons.push('returned');
    if (row.rating_score === 'dissatisfied') reasons.push('dissatisfied');
    if (Number(row.escalated) === 1) reasons.push('escalated');
    return {
      requestId: row.id,
      number: row.number,
      channel: Channel.parse(row.channel),
      receivedAt: row.received_at,
      status: row.status,
      unitName: row.unit_name,
      categoryName: row.category_name,
      reasons,
      returnCount: Number(row.return_count),
      text: reportExcerpt(row.text),
    };
  });
}
