import { sql } from 'kysely';
import type { UnitPerformance, UnitPerformanceList } from '../../shared/units/protocol';
import type { Db } from '../db/open-database';

/**
 * Units ranked for the supervisors: most overdue first, then the lowest on-time rate. A unit's answers
 * count for it while the request stays with it; a request it returned counts for nobody. The escalation
 * ladder's rungs count for the unit that held the request when each was taken.
 */
export async function unitPerformance(db: Db, now: Date): Promise<UnitPerformanceList> {
  const at = now.toISOString();
  const count = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('requests')
    .innerJoin('units', 'units.id', 'requests.unit_id')
    .select([
      'requests.unit_id',
      'units.name',
      count(sql`requests.status = 'transferred'`).as('holding'),
      count(
        sql`requests.status = 'transferred' and requests.unit_answered_at is null and requests.unit_due_at < ${at}`,
      ).as('overdue'),
      count(sql`requests.unit_answered_at is not null`).as('answered'),
      count(sql`requests.unit_answered_at is not null and requests.unit_answered_at <= requests.unit_due_at`).as(
        'answered_on_time',
      ),
    ])
    .groupBy(['requests.unit_id', 'units.name'])
    .execute();
  const rungs = await db
    .selectFrom('ladder_steps')
    .select(['unit_id', 'rung', (eb) => eb.fn.countAll<number>().as('taken')])
    .groupBy(['unit_id', 'rung'])
    .execute();
  const ladder = (unitId: string, rung: string) =>
    Number(rungs.find((r) => r.unit_id === unitId && r.rung === rung)?.taken ?? 0);
  const units = rows.map((row): UnitPerformance => {
    const answered = Number(row.answered);
    const answeredOnTime = Number(row.answered_on_time);
    return {
      unitId: row.unit_id!,
      unitName: row.name,
      holding: Number(row.holding),
      overdue: Number(row.overdue),
      answered,
      answeredOnTime,
      onTimeRate: answered ? answeredOnTime / answered : null,
      autoReminders: ladder(row.unit_id!, 'remind'),
      escalations: ladder(row.unit_id!, 'escalate'),
    };
  });
  units.sort(
    (a, b) =>
      b.overdue - a.overdue || (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) || a.unitName.localeCompare(b.unitName, 'zh'),
  );
  return { units, serverTime: at };
}
