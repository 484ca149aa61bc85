import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { UnitAction } from '../../shared/model';
import {
  UNIT_ACTION_PATHS,
  UNIT_API,
  UnitLoginRequest,
  UnitRequestState,
  type UnitAccount,
  type UnitActionPath,
  type UnitLoginResponse,
  type UnitRequestList,
} from '../../shared/units/protocol';
import type { Db } from '../db/open-database';
import type { DeadlineClock } from '../deadlines/deadline-clock';
import { parseBody } from '../http/parse-body';
import { sendError } from '../http/send-error';
import type { ActOutcome } from '../requests/act-on-request';
import { guardedSignIn } from '../auth/sign-in-guard';
import { checkUnitSignIn } from './unit-accounts';
import { actAsUnit } from './unit-actions';
import { findUnitRequest, listUnitRequests, toUnitView } from './unit-requests';
import { unitScope } from './unit-scope';
import { createUnitSession, findUnitSession } from './unit-sessions';

interface UnitCaller {
  account: UnitAccount;
  scope: string[];
}

/** The units' API for their own systems (shared/units/protocol.ts); bearer token, own unit and sub-units only. */
export const unitApiRoutes: FastifyPluginAsync<{ db: Db; clock: DeadlineClock }> = async (app, { db, clock }) => {
  /** The signed-in unit account, or null after answering 401. */
  async function caller(request: FastifyRequest, reply: FastifyReply): Promise<UnitCaller | null> {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const account = match?.[1] ? await findUnitSession(db, match[1], request.server.sessionLifetime) : null;
    if (!account) {
      sendError(reply, 401, 'unauthorized', 'sign in as a unit account first: missing, ended or expired session');
      return null;
    }
    return { account, scope: await unitScope(db, account.unitId) };
  }

  app.post(`${UNIT_API}/login`, async (request, reply) => {
    const body = parseBody(UnitLoginRequest, request.body, reply);
    if (!body) return reply;
    const account = await guardedSignIn(db, request, reply, 'unit', body.name, () =>
      checkUnitSignIn(db, body.name, body.password),
    );
    if (account === 'throttled') return reply;
    if (account === 'wrong') return sendError(reply, 401, 'bad-credentials', 'wrong unit account name or password');
    const response: UnitLoginResponse = { token: await createUnitSession(db, account.id), account };
    return response;
  });

  app.get<{ Querystring: { state?: string } }>(`${UNIT_API}/requests`, async (request, reply) => {
    const unit = await caller(request, reply);
    if (!unit) return reply;
    const state = UnitRequestState.safeParse(request.query.state ?? 'open');
    if (!state.success) return sendError(reply, 400, 'bad-request', 'state must be open, answered or all');
    const now = new Date();
    const list: UnitRequestList = {
      requests: (await listUnitRequests(db, unit.scope, state.data)).map((r) => toUnitView(r, now)),
      serverTime: now.toISOString(),
    };
    return list;
  });

  app.get<{ Params: { id: string } }>(`${UNIT_API}/requests/:id`, async (request, reply) => {
    const unit = await caller(request, reply);
    if (!unit) return reply;
    const found = await findUnitRequest(db, unit.scope, request.params.id);
    if (!found) return notFound(reply, request.params.id);
    return toUnitView(found, new Date());
  });

  app.post<{ Params: { id: string; action: string } }>(`${UNIT_API}/requests/:id/:action`, async (request, reply) => {
    const unit = await caller(request, reply);
    if (!unit) return reply;
    const kind = UNIT_ACTION_PATHS[request.params.action as UnitActionPath] as string | undefined;
    if (!kind) return sendError(reply, 404, 'not-found', `no unit action ${request.params.action}`);
    const action = parseBody(UnitAction, { ...(request.body as object), kind }, reply);
    if (!action) return reply;
    return answerOutcome(
      reply,
      request.params.id,
      await actAsUnit(db, clock, unit.account, unit.scope, request.params.id, action),
    );
  });
};

function answerOutcome(reply: FastifyReply, id: string, outcome: ActOutcome) {
  if (outcome.outcome === 'not-found') return notFound(reply, id);
  if (outcome.outcome === 'rejected') return sendError(reply, 409, outcome.rejection.code, outcome.rejection.message);
  return toUnitView(outcome.request, new Date());
}

/** The same answer whether the request does not exist or belongs to another unit, so ids reveal nothing. */
function notFound(reply: FastifyReply, id: string) {
  return sendError(reply, 404, 'not-found', `no request ${id} for this unit`);
}
