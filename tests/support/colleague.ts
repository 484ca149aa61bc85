import { join } from 'node:path';
import { expect } from '@playwright/test';
import { openDatabase } from '../../server/db/open-database';
import { createIntake } from '../../server/requests/create-intake';
import type { DecisionAction, Request } from '../../shared/model';
import { ClaimResponse, LoginResponse, PullResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { jsonClient } from './json-client';
import { decisionMaker } from './make-decision';
import { makeMessage } from './make-message';

/** Citizens' requests arriving at the server, in this order (intake stores them straight into its database). */
export async function receiveRequests(server: { dataDir: string }, texts: readonly string[]): Promise<string[]> {
  const db = openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
  try {
    const intake = createIntake(db);
    const ids: string[] = [];
    const start = Date.now() - texts.length * 1000;
    for (const [i, text] of texts.entries()) {
      const { requestId } = await intake.receive(
        makeMessage({ text, sentAt: new Date(start + i * 1000).toISOString() }),
      );
      ids.push(requestId);
    }
    return ids;
  } finally {
    await db.destroy();
  }
}

/**
 * Another operator at another workstation (a demo account, password = name), speaking the server's
 * sync API directly: what a second workstation host would send, without a second browser.
 */
export async function colleagueAt(serverUrl: string, name: string) {
  const client = jsonClient(serverUrl);
  const deviceId = `ws-${name}`;
  const login = LoginResponse.parse((await client.post(SYNC_PATHS.login, { name, password: name, deviceId })).body);
  const decision = decisionMaker(deviceId, login.operator.id);
  const pullAll = async () =>
    PullResponse.parse(
      (await client.post(SYNC_PATHS.pull, { cursor: null, directoryVersion: 0, limit: 1000 }, login.token)).body,
    );
  const pull = async (): Promise<Request[]> => (await pullAll()).requests;
  return {
    operator: login.operator,
    /** Who holds a live lease on the request, as the server's pull says; looking takes nothing. */
    async holderOf(requestId: string): Promise<string | null> {
      return (await pullAll()).claims.find((c) => c.requestId === requestId)?.operatorName ?? null;
    },
    /** Opens a request on their screen: takes (or renews) the lease unless someone else holds one. */
    async claim(requestId: string): Promise<ClaimResponse> {
      return ClaimResponse.parse((await client.post(SYNC_PATHS.claim, { requestId }, login.token)).body);
    },
    /** Decides on the request as it stands on the server now; the server must apply it. */
    async decide(requestId: string, action: DecisionAction): Promise<void> {
      const request = (await pull()).find((r) => r.id === requestId);
      expect(request, `request ${requestId} on the server`).toBeTruthy();
      const pushed = PushResponse.parse(
        (
          await client.post(
            SYNC_PATHS.push,
            { deviceId, decisions: [decision(requestId, request!.version, action)] },
            login.token,
          )
        ).body,
      );
      expect(pushed.results[0]?.outcome).toBe('applied');
    },
  };
}
