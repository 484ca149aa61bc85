import type { FastifyPluginAsync } from 'fastify';
import {
  ClaimRequest,
  LoginRequest,
  PullRequest,
  PushRequest,
  SignOutRequest,
  SYNC_PATHS,
  type PushResponse,
  type ReleaseResponse,
  type SignOutResponse,
} from '../../shared/sync/protocol';
import type { Decision } from '../../shared/model';
import { bearerToken, requireSession, sessionOf } from '../auth/require-session';
import { endSession } from '../auth/sessions';
import { guardedSignIn } from '../auth/sign-in-guard';
import { audit, operatorActor } from '../audit/audit-log';
import type { Db } from '../db/open-database';
import type { DeadlineClock } from '../deadlines/deadline-clock';
import { parseBody } from '../http/parse-body';
import { sendError } from '../http/send-error';
import { claims as claimStore } from './claims';
import { checkOperatorSignIn, login } from './login';
import { deviceSeq } from './device-seq';
import { BadCursorError, pull } from './pull';
import { pushDecisions } from './push';
import { shifts as shiftStore } from './shifts';

export interface SyncRoutesOptions {
  db: Db;
  clock: DeadlineClock;
  claimLeaseMs: number;
  /** Told of the decisions each push applied (the suggestion models learn from them). */
  onApplied?: (decisions: Decision[]) => void;
}

/** The workstation sync API (shared/sync/protocol.ts): login, pull, push, claims and shift sign-out. */
export const syncRoutes: FastifyPluginAsync<SyncRoutesOptions> = async (
  app,
  { db, clock, claimLeaseMs, onApplied },
) => {
  const claims = claimStore(db, claimLeaseMs);
  const shifts = shiftStore(db);
  const signedIn = { preHandler: requireSession(db) };

  app.post(SYNC_PATHS.login, async (request, reply) => {
    const body = parseBody(LoginRequest, request.body, reply);
    if (!body) return reply;
    const row = await guardedSignIn(db, request, reply, 'operator', body.name, () =>
      checkOperatorSignIn(db, body.name, body.password),
    );
    if (row === 'throttled') return reply;
    if (row === 'wrong') return sendError(reply, 401, 'bad-credentials', 'wrong operator name or password');
    return login(db, shifts, row, body.deviceId);
  });

  app.post(SYNC_PATHS.pull, signedIn, async (request, reply) => {
    const body = parseBody(PullRequest, request.body, reply);
    if (!body) return reply;
    try {
      return await pull(db, claims, body, sessionOf(request).deviceId);
    } catch (err) {
      if (err instanceof BadCursorError) return sendError(reply, 400, 'bad-cursor', err.message);
      throw err;
    }
  });

  app.post(SYNC_PATHS.push, signedIn, async (request, reply) => {
    const body = parseBody(PushRequest, request.body, reply);
    if (!body) return reply;
    const session = sessionOf(request);
    if (body.deviceId !== session.deviceId) {
      return sendError(
        reply,
        403,
        'forbidden',
        `this session belongs to device ${session.deviceId}, not ${body.deviceId}`,
      );
    }
    const results = await pushDecisions(db, clock, session, body.decisions);
    const response: PushResponse = { results, deviceSeq: await deviceSeq(db, session.deviceId) };
    const applied = new Set(response.results.filter((r) => r.outcome === 'applied').map((r) => r.decisionId));
    onApplied?.(body.decisions.filter((d) => applied.has(d.id)));
    return response;
  });

  app.post(SYNC_PATHS.claim, signedIn, async (request, reply) => {
    const body = parseBody(ClaimRequest, request.body, reply);
    if (!body) return reply;
    const known = await db.selectFrom('requests').select('id').where('id', '=', body.requestId).executeTakeFirst();
    if (!known) return sendError(reply, 404, 'unknown-request', `no request ${body.requestId}`);
    return claims.claim(sessionOf(request), body.requestId);
  });

  app.post(SYNC_PATHS.release, signedIn, async (request, reply) => {
    const body = parseBody(ClaimRequest, request.body, reply);
    if (!body) return reply;
    const response: ReleaseResponse = { released: await claims.release(sessionOf(request), body.requestId) };
    return response;
  });

  app.post(SYNC_PATHS.signOut, signedIn, async (request, reply) => {
    const body = parseBody(SignOutRequest, request.body, reply);
    if (!body) return reply;
    const response: SignOutResponse = { endedAt: await shifts.end(sessionOf(request), body.handoverNote) };
    // Signing out ends the session: its token is refused from now on.
    await endSession(db, bearerToken(request)!);
    await audit(db, { ...operatorActor(request), action: 'sign-out' });
    return response;
  });
};
