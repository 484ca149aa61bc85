import { afterAll, beforeAll, expect } from 'vitest';
import type { Operator } from '../../shared/model';
import { LoginResponse, PullResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { UNIT_API, UnitLoginResponse } from '../../shared/units/protocol';
import { addOperator } from '../../server/auth/operators';
import { openDatabase, type Db } from '../../server/db/open-database';
import { createIntake } from '../../server/requests/create-intake';
import { addUnitAccount } from '../../server/units/unit-accounts';
import { jsonClient } from './json-client';
import { decisionMaker } from './make-decision';
import { makeMessage } from './make-message';
import { startServer, type ServerProcess } from './server-process';
import type { TestBackend, TestDatabase } from './test-database';

type Client = ReturnType<typeof jsonClient>;

/** An operator at a workstation, for tests that need requests transferred and pulled. */
export async function workstation(db: Db, client: Client, name: string, role: Operator['role'] = 'operator') {
  const operator = await addOperator(db, { name, displayName: name, role, password: 'pa55word' });
  const deviceId = `ws-${name}`;
  const login = await client.post(SYNC_PATHS.login, { name, password: 'pa55word', deviceId });
  expect(login.status).toBe(200);
  const { token } = LoginResponse.parse(login.body);
  const make = decisionMaker(deviceId, operator.id);
  const intake = createIntake(db);

  async function pull(id: string) {
    const response = await client.post(
      SYNC_PATHS.pull,
      { cursor: null, directoryVersion: 1_000_000, limit: 1000 },
      token,
    );
    expect(response.status).toBe(200);
    const found = PullResponse.parse(response.body).requests.find((r) => r.id === id);
    if (!found) throw new Error(`request ${id} not in pull`);
    return found;
  }

  /** A new citizen request (optionally with the given text), transferred to the unit; returns the pulled request. */
  async function transferredTo(unitId: string, text?: string) {
    const { requestId } = await intake.receive(makeMessage(text === undefined ? {} : { text }));
    return transfer(requestId, unitId);
  }

  async function transfer(requestId: string, unitId: string) {
    const current = await pull(requestId);
    const push = await client.post(
      SYNC_PATHS.push,
      { deviceId, decisions: [make(requestId, current.version, { kind: 'transfer', unitId, note: null })] },
      token,
    );
    expect(push.status).toBe(200);
    const [result] = PushResponse.parse(push.body).results;
    expect(result?.outcome).toBe('applied');
    return pull(requestId);
  }

  return { operator, token, pull, transfer, transferredTo, intake };
}

export async function unitLogin(client: Client, name: string, password: string): Promise<string> {
  const response = await client.post(`${UNIT_API}/login`, { name, password });
  expect(response.status).toBe(200);
  return UnitLoginResponse.parse(response.body).token;
}

/** The water bureau, whose account `swj` the supervision fixture signs in. */
export const WATER = 'city-water';

type Workstation = Awaited<ReturnType<typeof workstation>>;

export interface SupervisionFixture {
  database: TestDatabase;
  server: ServerProcess;
  db: Db;
  client: Client;
  /** An operator (zhang.wei) and a supervisor (du.cha), each at a workstation. */
  desk: Workstation;
  supervisor: Workstation;
  /** The water bureau's unit session (account swj). */
  water: string;
}

/**
 * For a describe block on supervision: a server on `backend` (admin password admin-pass) with the water
 * bureau's unit account, an operator and a supervisor signed in; started before the tests, stopped after.
 * Read the fields inside the tests: they are set once beforeAll has run.
 */
export function supervisionFixture(backend: TestBackend): SupervisionFixture {
  const fixture = {} as SupervisionFixture;
  beforeAll(async () => {
    fixture.database = await backend.create();
    fixture.server = await startServer({ DATABASE_URL: fixture.database.url, YIWANG_ADMIN_PASSWORD: 'admin-pass' });
    fixture.db = openDatabase(fixture.database.url);
    fixture.client = jsonClient(fixture.server.url);
    await addUnitAccount(fixture.db, 'swj', 'swj-pass', WATER);
    fixture.desk = await workstation(fixture.db, fixture.client, 'zhang.wei');
    fixture.supervisor = await workstation(fixture.db, fixture.client, 'du.cha', 'supervisor');
    fixture.water = await unitLogin(fixture.client, 'swj', 'swj-pass');
  });
  afterAll(async () => {
    await fixture.db?.destroy();
    await fixture.server?.stop();
    await fixture.database?.drop();
  });
  return fixture;
}
