import { describe, expect, it } from 'vitest';
import {
  createHolidayCalendar,
  DEFAULT_DEADLINE_POLICY,
  mergeHolidayCalendars,
  PUBLISHED_HOLIDAY_CALENDAR,
  unitDueAt,
} from '../../shared/deadline';
import { ApiError } from '../../shared/sync/protocol';
import {
  ExtensionRequestList,
  OverdueList,
  SUPERVISION_API,
  UNIT_API,
  UnitPerformanceList,
  UnitRequestView,
} from '../../shared/units/protocol';
import { makeMessage } from '../support/make-message';
import { testBackends } from '../support/test-database';
import { supervisionFixture, WATER } from '../support/unit-work';

const TRANSPORT = 'city-transport';

describe.each(testBackends())('supervision API on $name', (backend) => {
  const centre = supervisionFixture(backend);

  /** Moves a request's unit clock into the past, as if it had been transferred weeks ago. */
  async function transferredLongAgo(id: string) {
    await centre.db
      .updateTable('requests')
      .set({ transferred_at: '2025-11-03T01:00:00.000Z', unit_due_at: '2025-11-10T09:30:00.000Z' })
      .where('id', '=', id)
      .execute();
  }

  it('admits supervisors and admins only', async () => {
    for (const path of ['overdue', 'units']) {
      expect((await centre.client.get(`${SUPERVISION_API}/${path}`, centre.desk.token)).status).toBe(403);
      expect((await centre.client.get(`${SUPERVISION_API}/${path}`)).status).toBe(401);
      expect((await centre.client.get(`${SUPERVISION_API}/${path}`, centre.supervisor.token)).status).toBe(200);
    }
    const remind = await centre.client.post(
      `${SUPERVISION_API}/remind`,
      { requestId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', note: '督办' },
      centre.desk.token,
    );
    expect(remind.status).toBe(403);
  });

  it('lists overdue requests and ranks units by overdue count and on-time rate', async () => {
    const late = await centre.desk.transferredTo(WATER);
    const onTime = await centre.desk.transferredTo(WATER);
    const answeredLate = await centre.desk.transferredTo(TRANSPORT);
    await transferredLongAgo(late.id);
    await transferredLongAgo(answeredLate.id);
    expect(
      (await centre.client.post(`${UNIT_API}/requests/${onTime.id}/answer`, { text: '已修复' }, centre.water)).status,
    ).toBe(200);
    await centre.db
      .updateTable('requests')
      .set({ status: 'replied', unit_answered_at: new Date().toISOString() })
      .where('id', '=', answeredLate.id)
      .execute();

    const overdue = OverdueList.parse(
      (await centre.client.get(`${SUPERVISION_API}/overdue`, centre.supervisor.token)).body,
    );
    const listed = overdue.requests.find((r) => r.request.id === late.id);
    expect(listed).toMatchObject({ unitName: '市水务局', clocks: { unit: { state: 'overdue' } } });
    expect(overdue.requests.map((r) => r.request.id)).not.toContain(onTime.id);
    expect(overdue.requests.map((r) => r.request.id)).not.toContain(answeredLate.id);

    const { units } = UnitPerformanceList.parse(
      (await centre.client.get(`${SUPERVISION_API}/units`, centre.supervisor.token)).body,
    );
    expect(units.find((u) => u.unitId === WATER)).toEqual({
      unitId: WATER,
      unitName: '市水务局',
      holding: 1,
      overdue: 1,
      answered: 1,
      answeredOnTime: 1,
      onTimeRate: 1,
      autoReminders: 0,
      escalations: 0,
    });
    expect(units.find((u) => u.unitId === TRANSPORT)).toMatchObject({
      holding: 0,
      overdue: 0,
      answered: 1,
      answeredOnTime: 0,
      onTimeRate: 0,
    });
    expect(units[0]!.unitId).toBe(WATER);
  });

  it('records a reminder (督办) on the request, for the workstation and the unit to see', async () => {
    const request = await centre.desk.transferredTo(WATER);
    const remind = await centre.client.post(
      `${SUPERVISION_API}/remind`,
      { requestId: request.id, note: '请于今日内答复' },
      centre.supervisor.token,
    );
    expect(remind.status).toBe(200);
    expect(await centre.desk.pull(request.id)).toMatchObject({
      reminderCount: 1,
      lastReminder: { text: '请于今日内答复' },
      version: request.version,
    });
    const seen = UnitRequestView.parse(
      (await centre.client.get(`${UNIT_API}/requests/${request.id}`, centre.water)).body,
    );
    expect(seen).toMatchObject({ reminderCount: 1, lastReminder: { text: '请于今日内答复' } });
    const row = await centre.db
      .selectFrom('decisions')
      .selectAll()
      .where('request_id', '=', request.id)
      .where('kind', '=', 'remind')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ actor: 'operator', operator_id: centre.supervisor.operator.id, outcome: 'applied' });
    expect(JSON.parse(row.payload)).toMatchObject({ kind: 'remind', note: '请于今日内答复' });

    const { requestId: fresh } = await centre.desk.intake.receive(makeMessage());
    const notHeld = await centre.client.post(
      `${SUPERVISION_API}/remind`,
      { requestId: fresh, note: '督办' },
      centre.supervisor.token,
    );
    expect(notHeld.status).toBe(409);
    expect(ApiError.parse(notHeld.body).error.code).toBe('invalid-transition');
    const unknown = await centre.client.post(
      `${SUPERVISION_API}/extension-grant`,
      { requestId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', workingDays: 2 },
      centre.supervisor.token,
    );
    expect(unknown.status).toBe(404);
    expect(
      (
        await centre.client.post(
          `${SUPERVISION_API}/remind`,
          { requestId: request.id, note: '' },
          centre.supervisor.token,
        )
      ).status,
    ).toBe(400);
  });

  it('lists extension requests in an inbox, oldest first, and grants or refuses each', async () => {
    const first = await centre.desk.transferredTo(WATER);
    const second = await centre.desk.transferredTo(WATER);
    const ask = (id: string, reason: string) =>
      centre.client.post(`${UNIT_API}/requests/${id}/extension`, { workingDays: 3, reason }, centre.water);
    expect((await ask(first.id, '需协调燃气公司')).status).toBe(200);
    expect((await ask(second.id, '需现场勘查')).status).toBe(200);

    const inbox = async () =>
      ExtensionRequestList.parse(
        (await centre.client.get(`${SUPERVISION_API}/extensions`, centre.supervisor.token)).body,
      ).requests;
    expect((await centre.client.get(`${SUPERVISION_API}/extensions`, centre.desk.token)).status).toBe(403);
    expect(
      (await inbox()).map((item) => [item.request.id, item.unitName, item.request.extensionRequest?.reason]),
    ).toEqual([
      [first.id, '市水务局', '需协调燃气公司'],
      [second.id, '市水务局', '需现场勘查'],
    ]);

    const refuse = await centre.client.post(
      `${SUPERVISION_API}/extension-refuse`,
      { requestId: first.id, reason: '五个工作日足够' },
      centre.supervisor.token,
    );
    expect(refuse.status).toBe(200);
    const granted = await centre.client.post(
      `${SUPERVISION_API}/extension-grant`,
      { requestId: second.id, workingDays: 3 },
      centre.supervisor.token,
    );
    expect(granted.status).toBe(200);
    expect(await inbox()).toEqual([]);

    const refused = await centre.desk.pull(first.id);
    expect(refused).toMatchObject({
      extensionRequest: null,
      extensionRefusal: { text: '五个工作日足够' },
      deadlines: { unitDueAt: first.deadlines.unitDueAt, extensionWorkingDays: 0 },
      version: first.version,
    });
    const seen = UnitRequestView.parse(
      (await centre.client.get(`${UNIT_API}/requests/${first.id}`, centre.water)).body,
    );
    expect(seen.extensionRefusal).toMatchObject({ text: '五个工作日足够' });
    expect((await centre.desk.pull(second.id)).deadlines.extensionWorkingDays).toBe(3);
    const empty = await centre.client.post(
      `${SUPERVISION_API}/extension-refuse`,
      { requestId: second.id, reason: ' ' },
      centre.supervisor.token,
    );
    expect(empty.status).toBe(400);
  });

  it("lets an admin load a holiday schedule, which the next transfer's unit clock follows", async () => {
    const admin = (
      await centre.client.post('/api/sync/login', { name: 'admin', password: 'admin-pass', deviceId: 'ws-admin' })
    ).body as { token: string };
    // The next ten days become holidays, so the unit's five working days start later.
    const days = Array.from({ length: 10 }, (_, i) =>
      new Date(Date.now() + (i + 1) * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10),
    );
    const ics = [
      'BEGIN:VCALENDAR',
      ...days.flatMap((day) => [
        'BEGIN:VEVENT',
        `DTSTART;VALUE=DATE:${day.replaceAll('-', '')}`,
        'SUMMARY:测试假期(休)',
        'END:VEVENT',
      ]),
      'END:VCALENDAR',
    ].join('\r\n');
    const upload = async (body: string, type: string, token: string) =>
      fetch(`${centre.server.url}/api/admin/holidays?source=test.ics`, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
        body,
      });

    expect((await upload(ics, 'text/calendar', centre.supervisor.token)).status).toBe(403);
    expect(
      (
        await upload(
          'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:元旦\r\nEND:VEVENT\r\nEND:VCALENDAR',
          'text/calendar',
          admin.token,
        )
      ).status,
    ).toBe(400);
    expect((await upload('{"holidays": ["2027-02-30"], "workdays": []}', 'application/json', admin.token)).status).toBe(
      400,
    );
    const loaded = await upload(ics, 'text/calendar', admin.token);
    expect(loaded.status).toBe(200);
    expect(await loaded.json()).toMatchObject({ source: 'test.ics' });

    const request = await centre.desk.transferredTo(WATER);
    const calendar = mergeHolidayCalendars(
      PUBLISHED_HOLIDAY_CALENDAR,
      createHolidayCalendar({ holidays: days, workdays: [] }),
    );
    const transferredAt = request.timeline.transferredAt!;
    expect(request.deadlines.unitDueAt).toBe(unitDueAt(transferredAt, DEFAULT_DEADLINE_POLICY, calendar).toISOString());
    expect(request.deadlines.unitDueAt).not.toBe(
      unitDueAt(transferredAt, DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR).toISOString(),
    );
  });
});
