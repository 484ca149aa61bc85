import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerDueAt,
  acknowledgeDueAt,
  DEFAULT_DEADLINE_POLICY,
  PUBLISHED_HOLIDAY_CALENDAR,
  unitDueAt,
} from '../../shared/deadline';
import { ApiError } from '../../shared/sync/protocol';
import { UNIT_API, UnitRequestList, UnitRequestView } from '../../shared/units/protocol';
import { openDatabase, type Db } from '../../server/db/open-database';
import { addUnitAccount } from '../../server/units/unit-accounts';
import { jsonClient } from '../support/json-client';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { unitLogin, workstation } from '../support/unit-work';

const POLICE = 'city-public-security';
const HOUSING = 'city-housing';

describe.each(testBackends())('units API and page on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let db: Db;
  let client: ReturnType<typeof jsonClient>;
  let desk: Awaited<ReturnType<typeof workstation>>;
  let police: string;
  let housing: string;
  let district: string;
  let districtPolice: string;

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url });
    db = openDatabase(database.url);
    client = jsonClient(server.url);
    await addUnitAccount(db, 'gaj', 'gaj-pass', POLICE);
    await addUnitAccount(db, 'zjj', 'zjj-pass', HOUSING);
    await addUnitAccount(db, 'frq', 'frq-pass', 'district-furong');
    await addUnitAccount(db, 'frgaj', 'frgaj-pass', 'district-furong.police');
    desk = await workstation(db, client, 'zhang.wei');
    police = await unitLogin(client, 'gaj', 'gaj-pass');
    housing = await unitLogin(client, 'zjj', 'zjj-pass');
    district = await unitLogin(client, 'frq', 'frq-pass');
    districtPolice = await unitLogin(client, 'frgaj', 'frgaj-pass');
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  const view = (body: unknown) => UnitRequestView.parse(body);
  const list = async (token: string, state = 'open') => {
    const response = await client.get(`${UNIT_API}/requests?state=${state}`, token);
    expect(response.status).toBe(200);
    return UnitRequestList.parse(response.body).requests.map((r) => r.id);
  };

  it('signs a unit account in and refuses wrong credentials and missing tokens', async () => {
    for (const [name, password] of [
      ['gaj', 'wrong'],
      ['nobody', 'gaj-pass'],
    ]) {
      const response = await client.post(`${UNIT_API}/login`, { name, password });
      expect(response.status).toBe(401);
      expect(ApiError.parse(response.body).error.code).toBe('bad-credentials');
    }
    expect((await client.get(`${UNIT_API}/requests`)).status).toBe(401);
    // An operator's token is not a unit's.
    expect((await client.get(`${UNIT_API}/requests`, desk.token)).status).toBe(401);
  });

  it('computes the acknowledgement and answer clocks at intake and the unit clock at transfer', async () => {
    const request = await desk.transferredTo(POLICE);
    const { receivedAt } = request;
    expect(request.deadlines).toMatchObject({
      acknowledgeDueAt: acknowledgeDueAt(receivedAt, DEFAULT_DEADLINE_POLICY).toISOString(),
      answerDueAt: answerDueAt(receivedAt, DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR).toISOString(),
      unitDueAt: unitDueAt(
        request.timeline.transferredAt!,
        DEFAULT_DEADLINE_POLICY,
        PUBLISHED_HOLIDAY_CALENDAR,
      ).toISOString(),
    });
    expect(request.timeline.firstResponseAt).toBe(request.timeline.transferredAt);
    const seen = view((await client.get(`${UNIT_API}/requests/${request.id}`, police)).body);
    expect(seen.clocks.unit).toMatchObject({ state: 'running', dueAt: request.deadlines.unitDueAt });
    expect(seen.clocks.answer.state).toBe('met');
    expect(seen).not.toHaveProperty('citizen');
  });

  it("shows a unit its own and its sub-units' requests only, and refuses the rest as not found", async () => {
    const forPolice = await desk.transferredTo(POLICE);
    const forDistrictPolice = await desk.transferredTo('district-furong.police');
    const forDistrict = await desk.transferredTo('district-furong');

    expect(await list(police)).toContain(forPolice.id);
    expect(await list(housing)).not.toContain(forPolice.id);
    expect(await list(district)).toEqual(expect.arrayContaining([forDistrictPolice.id, forDistrict.id]));
    expect(await list(district)).not.toContain(forPolice.id);
    expect(await list(districtPolice)).toContain(forDistrictPolice.id);
    expect(await list(districtPolice)).not.toContain(forDistrict.id);

    for (const [token, id] of [
      [housing, forPolice.id],
      [districtPolice, forDistrict.id],
      [police, '01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ] as const) {
      expect((await client.get(`${UNIT_API}/requests/${id}`, token)).status).toBe(404);
      for (const [action, body] of [
        ['answer', { text: '越权答复' }],
        ['return', { reason: '越权退单' }],
        ['progress', { text: 'x' }],
      ] as const) {
        const response = await client.post(`${UNIT_API}/requests/${id}/${action}`, body, token);
        expect(response.status, `${action} ${id}`).toBe(404);
      }
    }
    expect(await desk.pull(forPolice.id)).toMatchObject({
      status: 'transferred',
      unitAnswer: null,
      returnCount: 0,
      version: forPolice.version,
    });
    // The district answers for its bureau.
    const answered = await client.post(
      `${UNIT_API}/requests/${forDistrictPolice.id}/answer`,
      { text: '区里已处理' },
      district,
    );
    expect(answered.status).toBe(200);
  });

  it('takes progress notes and an answer, which reach the workstation through pull', async () => {
    const request = await desk.transferredTo(POLICE);
    const progress = await client.post(`${UNIT_API}/requests/${request.id}/progress`, { text: '已派民警核实' }, police);
    expect(progress.status).toBe(200);
    expect(view(progress.body)).toMatchObject({
      status: 'transferred',
      unitProgress: { text: '已派民警核实' },
      version: request.version,
    });

    const answer = await client.post(
      `${UNIT_API}/requests/${request.id}/answer`,
      { text: '已处理完毕，感谢反映' },
      police,
    );
    expect(answer.status).toBe(200);
    expect(view(answer.body).clocks.unit.state).toBe('met');
    const pulled = await desk.pull(request.id);
    expect(pulled).toMatchObject({
      status: 'replied',
      unitId: POLICE,
      unitAnswer: '已处理完毕，感谢反映',
      version: request.version + 1,
    });
    expect(pulled.timeline.unitAnsweredAt).not.toBeNull();
    expect(pulled.lastDecision).toMatchObject({ kind: 'unit-answer', operatorName: '市公安局（gaj）' });
    expect(await list(police)).not.toContain(request.id);
    expect(await list(police, 'answered')).toContain(request.id);

    const again = await client.post(`${UNIT_API}/requests/${request.id}/answer`, { text: '再答一次' }, police);
    expect(again.status).toBe(409);
    expect(ApiError.parse(again.body).error.code).toBe('invalid-transition');
    const rows = await db
      .selectFrom('decisions')
      .select(['kind', 'actor', 'outcome'])
      .where('request_id', '=', request.id)
      .orderBy('applied_at')
      .execute();
    expect(rows.map((r) => [r.kind, r.actor, r.outcome])).toEqual([
      ['transfer', 'operator', 'applied'],
      ['unit-progress', 'unit', 'applied'],
      ['unit-answer', 'unit', 'applied'],
      ['unit-answer', 'unit', 'rejected'],
    ]);
  });

  it('validates action bodies', async () => {
    const request = await desk.transferredTo(POLICE);
    for (const [action, body] of [
      ['answer', { text: '   ' }],
      ['return', {}],
      ['extension', { workingDays: 0, reason: '理由' }],
      ['extension', { workingDays: 2.5, reason: '理由' }],
    ] as const) {
      expect((await client.post(`${UNIT_API}/requests/${request.id}/${action}`, body, police)).status, action).toBe(
        400,
      );
    }
    expect((await client.post(`${UNIT_API}/requests/${request.id}/teleport`, {}, police)).status).toBe(404);
  });

  it('puts a returned request back in the queue with the reason, and flags it on the third return', async () => {
    let request = await desk.transferredTo(POLICE);
    for (let n = 1; n <= 3; n++) {
      const returned = await client.post(
        `${UNIT_API}/requests/${request.id}/return`,
        { reason: `不属于公安职责 ${n}` },
        police,
      );
      expect(returned.status).toBe(200);
      const pulled = await desk.pull(request.id);
      expect(pulled).toMatchObject({
        status: 'new',
        unitId: null,
        returnCount: n,
        flagged: n > 2,
        lastReturnReason: `不属于公安职责 ${n}`,
      });
      expect(pulled.deadlines.unitDueAt).toBeNull();
      expect((await client.get(`${UNIT_API}/requests/${request.id}`, police)).status).toBe(404);
      if (n < 3) request = await desk.transfer(request.id, POLICE);
    }
  });

  it('lets a unit ask for an extension, which a supervisor grant turns into a later unit due time', async () => {
    const supervisor = await workstation(db, client, 'du.cha', 'supervisor');
    const request = await desk.transferredTo(POLICE);
    const asked = await client.post(
      `${UNIT_API}/requests/${request.id}/extension`,
      { workingDays: 3, reason: '需要现场勘查' },
      police,
    );
    expect(asked.status).toBe(200);
    expect(view(asked.body).extensionRequest).toMatchObject({ workingDays: 3, reason: '需要现场勘查' });

    const granted = await client.post(
      '/api/supervision/extension-grant',
      { requestId: request.id, workingDays: 3 },
      supervisor.token,
    );
    expect(granted.status).toBe(200);
    const pulled = await desk.pull(request.id);
    const expected = unitDueAt(request.timeline.transferredAt!, DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR, {
      extensionWorkingDays: 3,
    });
    expect(pulled.deadlines).toMatchObject({ unitDueAt: expected.toISOString(), extensionWorkingDays: 3 });
    expect(Date.parse(pulled.deadlines.unitDueAt!)).toBeGreaterThan(Date.parse(request.deadlines.unitDueAt!));
    expect(pulled.extensionRequest).toBeNull();
  });

  describe('the web page', () => {
    /** A browser: keeps cookies, does not follow redirects, posts forms. */
    function browser() {
      const jar = new Map<string, string>();
      async function go(method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
        const response = await fetch(server.url + path, {
          method,
          redirect: 'manual',
          headers: {
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          body: form ? new URLSearchParams(form).toString() : undefined,
        });
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const [name, value] = pair!.split('=');
          if (/Max-Age=0/.test(line)) jar.delete(name!);
          else jar.set(name!, value!);
        }
        return { status: response.status, headers: response.headers, text: await response.text() };
      }
      const csrf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
      return { go, csrf, jar };
    }

    it('signs in with a CSRF-protected form, under a strict CSP and with safe cookies', async () => {
      const b = browser();
      const first = await b.go('GET', '/units/');
      expect(first.status).toBe(200);
      expect(first.text).toContain('单位账号登录');
      expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(first.headers.get('content-security-policy')).not.toContain('unsafe');
      expect(first.headers.getSetCookie().join('\n')).toMatch(/yw_csrf=.*HttpOnly; SameSite=Strict/);

      expect((await b.go('POST', '/units/login', { name: 'gaj', password: 'gaj-pass', csrf: 'forged' })).status).toBe(
        403,
      );
      expect(
        (await b.go('POST', '/units/login', { name: 'gaj', password: 'wrong', csrf: b.csrf(first.text) })).status,
      ).toBe(401);
      const signedIn = await b.go('POST', '/units/login', {
        name: 'gaj',
        password: 'gaj-pass',
        csrf: b.csrf(first.text),
      });
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.getSetCookie().join('\n')).toMatch(/yw_unit=.*HttpOnly; SameSite=Strict/);
      expect((await b.go('GET', '/units/')).text).toContain('市公安局的诉求');
    });

    it("escapes a hostile citizen's text, and answers through the form", async () => {
      const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & \'single\'';
      const request = await desk.transferredTo(POLICE, hostile);
      const b = browser();
      const login = await b.go('GET', '/units/');
      await b.go('POST', '/units/login', { name: 'gaj', password: 'gaj-pass', csrf: b.csrf(login.text) });

      for (const path of ['/units/', `/units/requests/${request.id}`]) {
        const page = await b.go('GET', path);
        expect(page.status).toBe(200);
        expect(page.text).not.toContain('<script>');
        expect(page.text).not.toContain('<img src=x');
        expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      }
      const detail = await b.go('GET', `/units/requests/${request.id}`);
      expect(detail.text).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');

      expect(
        (await b.go('POST', `/units/requests/${request.id}/answer`, { text: '已处理', csrf: 'forged' })).status,
      ).toBe(403);
      const answered = await b.go('POST', `/units/requests/${request.id}/answer`, {
        text: '<b>已处理</b>',
        csrf: b.csrf(detail.text),
      });
      expect(answered.status).toBe(303);
      expect(answered.headers.get('location')).toBe(`/units/requests/${request.id}?done=answer`);
      const after = await b.go('GET', `/units/requests/${request.id}?done=answer`);
      expect(after.text).toContain('答复已提交');
      expect(after.text).toContain('&lt;b&gt;已处理&lt;/b&gt;');
      expect(await desk.pull(request.id)).toMatchObject({ status: 'replied', unitAnswer: '<b>已处理</b>' });

      const otherUnit = await desk.transferredTo(HOUSING);
      expect((await b.go('GET', `/units/requests/${otherUnit.id}`)).status).toBe(404);
      expect(
        (await b.go('POST', `/units/requests/${otherUnit.id}/return`, { reason: 'x', csrf: b.csrf(detail.text) }))
          .status,
      ).toBe(404);
    });
  });
});
