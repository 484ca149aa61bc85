import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../../shared/deadline';
import {
  OverdueList,
  SUPERVISION_API,
  UNIT_API,
  UnitPerformanceList,
  UnitRequestView,
} from '../../shared/units/protocol';
import { createDeadlineClock } from '../../server/deadlines/deadline-clock';
import { escalationLadder } from '../../server/deadlines/escalation-ladder';
import { testBackends } from '../support/test-database';
import { supervisionFixture, WATER } from '../support/unit-work';

/** Remind at once when overdue, escalate 4 working hours later (09:00–12:00 and 13:30–17:30 Beijing). */
const POLICY: DeadlinePolicy = {
  ...DEFAULT_DEADLINE_POLICY,
  escalation: { remindWhenOverdue: true, escalateAfterWorkingHours: 4 },
};

describe.each(testBackends())('the escalation ladder on $name', (backend) => {
  const centre = supervisionFixture(backend);
  const warnings: unknown[] = [];
  const log = { warn: (what: unknown) => warnings.push(what), error: (what: unknown) => warnings.push(what) };
  let fakeNow = new Date(0);
  /** A ladder as a server (re)start makes it, on the fake clock. */
  const ladder = () =>
    escalationLadder({
      db: centre.db,
      clock: createDeadlineClock(centre.db, POLICY),
      log,
      pollMs: 0,
      now: () => fakeNow,
    });
  const at = async (iso: string, climber = ladder()) => {
    fakeNow = new Date(iso);
    return climber.climb();
  };

  /** A request held by the water bureau since `transferredAt`, its unit clock due at `unitDueAt` (as the clock sets it). */
  async function heldSince(transferredAt: string, unitDueAt: string): Promise<string> {
    const { id } = await centre.desk.transferredTo(WATER);
    await centre.db
      .updateTable('requests')
      .set({ transferred_at: transferredAt, unit_due_at: unitDueAt })
      .where('id', '=', id)
      .execute();
    return id;
  }

  it('climbs across a 调休 working Saturday, and waits out the Spring Festival', async () => {
    // Transferred Fri 2026-02-06: due Fri 02-13 17:30 Beijing. Escalated 4 working hours later: Sat 02-14
    // (a 调休 working day) 14:30, not after the festival.
    const friday = await heldSince('2026-02-06T02:00:00.000Z', '2026-02-13T09:30:00.000Z');
    // Transferred Mon 02-09: its fifth working day is Sat 02-14, due 17:30. Escalated on Tue 02-24 14:30, the
    // festival (02-15 … 02-23) in between.
    const saturday = await heldSince('2026-02-09T02:00:00.000Z', '2026-02-14T09:30:00.000Z');

    expect(await at('2026-02-13T09:29:00.000Z')).toEqual({ reminded: [], escalated: [] });
    expect(await at('2026-02-13T09:31:00.000Z')).toEqual({ reminded: [friday], escalated: [] });
    expect(await at('2026-02-14T06:29:00.000Z')).toEqual({ reminded: [], escalated: [] });
    expect(await at('2026-02-14T06:30:00.000Z')).toEqual({ reminded: [], escalated: [friday] });
    expect(await at('2026-02-14T09:31:00.000Z')).toEqual({ reminded: [saturday], escalated: [] });
    expect(await at('2026-02-23T15:59:00.000Z')).toEqual({ reminded: [], escalated: [] });
    expect(await at('2026-02-24T06:29:00.000Z')).toEqual({ reminded: [], escalated: [] });
    expect(await at('2026-02-24T06:30:00.000Z')).toEqual({ reminded: [], escalated: [saturday] });
  });

  it('climbs across a weekend once per rung, through restarts and two ladders at once', async () => {
    // Transferred Fri 2026-11-06: due Fri 11-13 17:30 Beijing; escalated Mon 11-16 14:30 (3 h + 1 h).
    const id = await heldSince('2026-11-06T02:00:00.000Z', '2026-11-13T09:30:00.000Z');
    const answered = await heldSince('2026-11-06T02:00:00.000Z', '2026-11-13T09:30:00.000Z');

    expect(await at('2026-11-13T09:29:59.000Z')).toEqual({ reminded: [], escalated: [] });
    const [first, second] = [ladder(), ladder()];
    fakeNow = new Date('2026-11-13T09:31:00.000Z');
    const both = await Promise.all([first.climb(), second.climb()]);
    expect(both.flatMap((climb) => climb.reminded).sort()).toEqual([id, answered].sort());
    // The unit answers one of them over the weekend: it climbs no further.
    expect(
      (await centre.client.post(`${UNIT_API}/requests/${answered}/answer`, { text: '已处理' }, centre.water)).status,
    ).toBe(200);

    for (const weekend of ['2026-11-14T02:00:00.000Z', '2026-11-15T12:00:00.000Z', '2026-11-16T01:00:00.000Z']) {
      expect(await at(weekend), weekend).toEqual({ reminded: [], escalated: [] });
    }
    expect(await at('2026-11-16T06:29:00.000Z')).toEqual({ reminded: [], escalated: [] });
    expect(await at('2026-11-16T06:30:00.000Z')).toEqual({ reminded: [], escalated: [id] });
    expect(await at('2026-11-17T06:30:00.000Z')).toEqual({ reminded: [], escalated: [] });

    const decisions = await centre.db
      .selectFrom('decisions')
      .select(['kind', 'actor', 'device_id', 'outcome', 'made_at'])
      .where('request_id', '=', id)
      .where('kind', 'in', ['remind', 'escalate'])
      .orderBy('made_at')
      .execute();
    expect(decisions).toEqual([
      { kind: 'remind', actor: 'system', device_id: 'system', outcome: 'applied', made_at: '2026-11-13T09:31:00.000Z' },
      {
        kind: 'escalate',
        actor: 'system',
        device_id: 'system',
        outcome: 'applied',
        made_at: '2026-11-16T06:30:00.000Z',
      },
    ]);
  });

  it("shows the reminder on the unit's API, the escalation in the supervisors' view, and counts both per unit", async () => {
    const id = await heldSince('2026-11-06T02:00:00.000Z', '2026-11-13T09:30:00.000Z');
    warnings.length = 0; // two ladders at once may have met on a rung above (PostgreSQL): that was logged, not done
    expect(await at('2026-11-16T06:30:00.000Z')).toEqual({ reminded: [id], escalated: [id] });

    const seen = UnitRequestView.parse((await centre.client.get(`${UNIT_API}/requests/${id}`, centre.water)).body);
    expect(seen.reminderCount).toBe(1);
    expect(seen.lastReminder?.text).toContain('系统自动督办');

    const overdue = OverdueList.parse(
      (await centre.client.get(`${SUPERVISION_API}/overdue`, centre.supervisor.token)).body,
    );
    expect(overdue.requests.find((r) => r.request.id === id)?.request).toMatchObject({
      escalated: true,
      reminderCount: 1,
    });
    const { units } = UnitPerformanceList.parse(
      (await centre.client.get(`${SUPERVISION_API}/units`, centre.supervisor.token)).body,
    );
    // Four reminders (two in February, two in November) and three escalations before this one's pair.
    expect(units.find((u) => u.unitId === WATER)).toMatchObject({ autoReminders: 5, escalations: 4 });
    expect(warnings).toEqual([]);
  });
});
