import { expect } from 'vitest';
import type { Operator } from '../../shared/model';
import { LoginResponse, PullResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { UNIT_API, UnitLoginResponse } from '../../shared/units/protocol';
import { addOperator } from '../../server/auth/operators';
import type { Db } from '../../server/db/open-database';
import { createIntake } from '../../server/requests/create-intake';
import type { jsonClient } from './json-client';
import { decisionMaker } from './make-decision';
import { makeMessage } from './make-message';

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
