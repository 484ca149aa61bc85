import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { Channel, type SatisfactionScore } from '../../shared/model';
import { periodInstants, type Summary, type SummaryCounts, type SummaryQuery } from '../../shared/reports/summary';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';

/** Scores that count as satisfied: (满意 + 基本满意) ÷ rated. */
const SATISFIED: readonly SatisfactionScore[] = ['satisfied', 'basically-satisfied'];

type Tally = Omit<SummaryCounts, 'closedRate' | 'onTimeRate' | 'satisfactionRate'> & { transferred: number };

const ZERO: Tally = {
  received: 0,
  transferred: 0,
  answered: 0,
  closed: 0,
  onTime: 0,
  overdue: 0,
  rated: 0,
  satisfied: 0,
};

/**
 * The centre's numbers for a period, the one place they are counted (docs/numbers.md defines each). One
 * grouped query by channel, unit and category does the counting in the database, on SQLite and PostgreSQL
 * alike (ISO-8601 text compares as time); the groups are then added up into the totals and each breakdown.
 * `now` decides which unanswered requests are already overdue.
 */
export async function summarize(db: Db, period: SummaryQuery, now: Date = new Date()): Promise<Summary> {
  const { start, end } = periodInstants(period);
  const at = now.toISOString();
  const count = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  // Junk and merged requests are left out of every number but their own.
  const counted = (condition: RawBuilder<unknown>) => count(sql`r.status not in ('junk', 'merged') and ${condition}`);
  const answered = sql`r.unit_answered_at is not null`;
  const arrived = db
    .selectFrom('requests')
    .select('id')
    .where('received_at', '>=', start)
    .where('received_at', '<', end);
  const rows = await db
    .selectFrom('requests as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('categories as c', 'c.id', 'r.category_id')
    // Who closed it: the operator of its latest applied close (a reopened request keeps the one who closed it).
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('decisions as d')
          .select(['d.request_id', 'd.operator_id'])
          .where('d.kind', '=', 'close')
          .where('d.outcome', '=', 'applied')
          .where('d.request_id', 'in', arrived)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('decisions as later')
                  .select('later.id')
                  .whereRef('later.request_id', '=', 'd.request_id')
                  .where('later.kind', '=', 'close')
                  .where('later.outcome', '=', 'applied')
                  .where((later) =>
                    later.or([
                      later('later.applied_at', '>', later.ref('d.applied_at')),
                      later.and([
                        later('later.applied_at', '=', later.ref('d.applied_at')),
                        later('later.id', '>', later.ref('d.id')),
                      ]),
                    ]),
                  ),
              ),
            ),
          )
          .as('closer'),
      (join) => join.onRef('closer.request_id', '=', 'r.id'),
    )
    .leftJoin('operators as o', 'o.id', 'closer.operator_id')
    .where('r.received_at', '>=', start)
    .where('r.received_at', '<', end)
    .select([
      'r.channel',
      'r.unit_id',
      'u.name as unit_name',
      'r.category_id',
      'c.name as category_name',
      'closer.operator_id as closed_by',
      'o.display_name as closed_by_name',
      count(sql`r.status = 'junk'`).as('junk'),
      count(sql`r.status = 'merged'`).as('merged'),
      counted(sql`1 = 1`).as('received'),
      counted(sql`r.transferred_at is not null`).as('transferred'),
      counted(answered).as('answered'),
      counted(sql`r.status = 'closed'`).as('closed'),
      counted(sql`${answered} and r.unit_due_at is not null and r.unit_answered_at <= r.unit_due_at`).as('on_time'),
      counted(
        sql`r.unit_due_at is not null and (r.unit_answered_at > r.unit_due_at
          or (r.unit_answered_at is null and r.status = 'transferred' and r.unit_due_at < ${at}))`,
      ).as('overdue'),
      counted(sql`r.rating_score is not null`).as('rated'),
      counted(sql`r.rating_score in (${sql.join(SATISFIED)})`).as('satisfied'),
    ])
    .groupBy(['r.channel', 'r.unit_id', 'u.name', 'r.category_id', 'c.name', 'closer.operator_id', 'o.display_name'])
    .execute();

  const total = { ...ZERO };
  const excluded = { junk: 0, merged: 0 };
  const byChannel = new Map<Channel, Tally>();
  const byUnit = new Map<string, Tally & { unitName: string }>();
  const byCategory = new Map<string, Tally & { categoryName: string }>();
  const byOperator = new Map<string, Tally & { operatorName: string }>();
  for (const row of rows) {
    const tally: Tally = {
      received: Number(row.received),
      transferred: Number(row.transferred),
      answered: Number(row.answered),
      closed: Number(row.closed),
      onTime: Number(row.on_time),
      overdue: Number(row.overdue),
      rated: Number(row.rated),
      satisfied: Number(row.satisfied),
    };
    excluded.junk += Number(row.junk);
    excluded.merged += Number(row.merged);
    if (tally.received === 0) continue;
    add(total, tally);
    const channel = Channel.parse(row.channel);
    add(slot(byChannel, channel, {}), tally);
    if (row.unit_id !== null) add(slot(byUnit, row.unit_id, { unitName: row.unit_name ?? row.unit_id }), tally);
    if (row.category_id !== null) {
      add(slot(byCategory, row.category_id, { categoryName: row.category_name ?? row.category_id }), tally);
    }
    if (row.closed_by !== null)
      add(slot(byOperator, row.closed_by, { operatorName: row.closed_by_name ?? row.closed_by }), tally);
  }
  const rejected = await rejectedAnswers(db, arrived);
  for (const unitId of rejected.keys()) {
    if (!byUnit.has(unitId)) slot(byUnit, unitId, { unitName: await unitName(db, unitId) });
  }

  return {
    from: period.from,
    to: period.to,
    received: total.received,
    byChannel: {
      wechat: byChannel.get('wechat')?.received ?? 0,
      weibo: byChannel.get('weibo')?.received ?? 0,
      alipay: byChannel.get('alipay')?.received ?? 0,
    },
    excluded,
    transferred: total.transferred,
    answeredByUnits: total.answered,
    closed: total.closed,
    ...rates(total),
    onTime: total.onTime,
    overdue: total.overdue,
    rated: total.rated,
    satisfied: total.satisfied,
    rejectedAnswers: [...rejected.values()].reduce((sum, n) => sum + n, 0),
    byUnit: [...byUnit]
      .map(([unitId, { unitName, ...tally }]) => ({
        unitId,
        unitName,
        ...counts(tally),
        rejectedAnswers: rejected.get(unitId) ?? 0,
      }))
      .sort((a, b) => b.received - a.received || a.unitName.localeCompare(b.unitName, 'zh')),
    byCategory: [...byCategory]
      .map(([categoryId, { categoryName, ...tally }]) => ({ categoryId, categoryName, ...counts(tally) }))
      .sort((a, b) => b.received - a.received || a.categoryId.localeCompare(b.categoryId, 'zh')),
    byOperator: [...byOperator]
      .map(([operatorId, { operatorName, ...tally }]) => ({ operatorId, operatorName, ...counts(tally) }))
      .sort((a, b) => b.received - a.received || a.operatorName.localeCompare(b.operatorName, 'zh')),
    channels: Channel.options
      .filter((channel) => byChannel.has(channel))
      .map((channel) => ({ channel, ...counts(byChannel.get(channel)!) })),
    generatedAt: at,
  };
}

/** The part of a stored reject-answer decision the count needs: the unit whose answer it sent back. */
const RejectedFrom = z.object({ unitId: z.string() });

/**
 * Unit answers sent back (reject-answer) on the period's counted requests, per unit the decision named: the
 * unit that gave the answer, even when the request has since moved to another.
 */
async function rejectedAnswers(
  db: Db,
  arrived: SelectQueryBuilder<Database, 'requests', { id: string }>,
): Promise<Map<string, number>> {
  const decisions = await db
    .selectFrom('decisions as d')
    .innerJoin('requests as r', 'r.id', 'd.request_id')
    .select('d.payload')
    .where('d.kind', '=', 'reject-answer')
    .where('d.outcome', '=', 'applied')
    .where('d.request_id', 'in', arrived)
    .where('r.status', 'not in', ['junk', 'merged'])
    .execute();
  const perUnit = new Map<string, number>();
  for (const { payload } of decisions) {
    const { unitId } = RejectedFrom.parse(JSON.parse(payload));
    perUnit.set(unitId, (perUnit.get(unitId) ?? 0) + 1);
  }
  return perUnit;
}

async function unitName(db: Db, unitId: string): Promise<string> {
  const unit = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  return unit?.name ?? unitId;
}

function slot<K, E extends object>(map: Map<K, Tally & E>, key: K, extra: E): Tally & E {
  let found = map.get(key);
  if (!found) map.set(key, (found = { ...ZERO, ...extra }));
  return found;
}

function add(into: Tally, tally: Tally): void {
  for (const key of Object.keys(ZERO) as (keyof Tally)[]) into[key] += tally[key];
}

/** A slice's counts with its rates; `transferred` is reported only in the totals. */
function counts({ transferred: _transferred, ...tally }: Tally): SummaryCounts {
  return { ...tally, ...rates(tally) };
}

/** 办结率, 按期办结率 (on time among the unit answers that were due), 满意率; null with nothing to divide. */
function rates(tally: Omit<Tally, 'transferred'>) {
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    closedRate: share(tally.closed, tally.received),
    onTimeRate: share(tally.onTime, tally.onTime + tally.overdue),
    satisfactionRate: share(tally.satisfied, tally.rated),
  };
}
