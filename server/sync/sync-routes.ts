import type { FastifyPluginAsync } from 'fastify';
import { LoginRequest, PullRequest, PushRequest, SYNC_PATHS, type PushResponse, type PushResult } from '../../shared/sync/protocol';
import { requireSession, sessionOf } from '../auth/require-session';
import type { Db } from '../db/open-database';
import type { DeadlineClock } from '../deadlines/deadline-clock';
import { parseBody } from '../http/parse-body';
import { sendError } from '../http/send-error';
import { login } from './login';
import { BadCursorError, pull } from './pull';
import { pushDecision } from './push';

/** The workstation sync API: POST login, pull and push (shared/sync/protocol.ts). */
export const syncRoutes: FastifyPluginAsync<{ db: Db; clock: DeadlineClock }> = async (app, { db, clock }) => {
  app.post(SYNC_PATHS.login, async (request, reply) => {
    const body = parseBody(LoginRequest, request.body, reply);
    if (!body) return reply;
    const session = await login(db, body);
    if (!session) return sendError(reply, 401, 'bad-credentials', 'wrong operator name or password');
    return session;
  });

  app.post(SYNC_PATHS.pull, { preHandler: requireSession(db) }, async (request, reply) => {
    const body = parseBody(PullRequest, request.body, reply);
    if (!body) return reply;
    try {
      return await pull(db, body);
    } catch (err) {
      if (err instanceof BadCursorError) return sendError(reply, 400, 'bad-cursor', err.message);
      throw err;
    }
  });

  app.post(SYNC_PATHS.push, { preHandler: requireSession(db) }, async (request, reply) => {
    const body = parseBody(PushRequest, request.body, reply);
    if (!body) return reply;
    const session = sessionOf(request);
    if (body.deviceId !== session.deviceId) {
      return sendError(reply, 403, 'forbidden', `this session belongs to device ${session.deviceId}, not ${body.deviceId}`);
    }
    // In order, each in its own transaction: a later decision may build on an earlier one.
    const results: PushResult[] = [];
    for (const decision of body.decisions) results.push(await pushDecision(db, clock, session, decision));
    const response: PushResponse = { results };
    return response;
  });
};
