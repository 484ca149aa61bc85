import type { DecisionAction, Request } from '../../shared/model';
import {
  LoginResponse,
  MAX_PULL_PAGE,
  MAX_PUSH_BATCH,
  PullResponse,
  PushResponse,
  SYNC_PATHS,
} from '../../shared/sync/protocol';
import { jsonClient } from '../../tests/support/json-client';
import { decisionMaker } from '../../tests/support/make-decision';

/** One decision to push: made against the version the request will have when its turn comes. */
export interface Step {
  requestId: string;
  baseVersion: number;
  action: DecisionAction;
}

/**
 * A colleague at another workstation (a demo operator, password = name) speaking the sync API as a
 * workstation host would: everything pulled, decisions pushed in full batches. Every decision must apply.
 */
export async function colleagueDesk(serverUrl: string, name: string) {
  const client = jsonClient(serverUrl);
  const deviceId = `ws-${name}`;
  const login = await client.post(SYNC_PATHS.login, { name, password: name, deviceId });
  if (login.status !== 200)
    throw new Error(`cannot sign in as ${name} (${login.status}): is the server in demo mode (YIWANG_DEMO=1)?`);
  const { token, operator } = LoginResponse.parse(login.body);
  const make = decisionMaker(deviceId, operator.id);
  return {
    operator,
    /** Every request as the server has it now. */
    async pullAll(): Promise<Map<string, Request>> {
      const requests = new Map<string, Request>();
      for (let cursor: string | null = null; ;) {
        const page = PullResponse.parse(
          (await client.post(SYNC_PATHS.pull, { cursor, directoryVersion: 0, limit: MAX_PULL_PAGE }, token)).body,
        );
        for (const request of page.requests) requests.set(request.id, request);
        cursor = page.cursor;
        if (!page.hasMore) return requests;
      }
    },
    async push(steps: readonly Step[]): Promise<void> {
      for (let start = 0; start < steps.length; start += MAX_PUSH_BATCH) {
        const decisions = steps
          .slice(start, start + MAX_PUSH_BATCH)
          .map((s) => make(s.requestId, s.baseVersion, s.action));
        const response = await client.post(SYNC_PATHS.push, { deviceId, decisions }, token);
        const refused =
          response.status === 200
            ? PushResponse.parse(response.body).results.find((r) => r.outcome !== 'applied')
            : response.body;
        if (refused) throw new Error(`${name}'s push was not applied: ${JSON.stringify(refused)}`);
      }
    },
  };
}

export type ColleagueDesk = Awaited<ReturnType<typeof colleagueDesk>>;
