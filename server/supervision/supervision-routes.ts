import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { SupervisorAction } from '../../shared/model';
import {
  ExtensionGrantRequest,
  ExtensionRefuseRequest,
  RemindRequest,
  SUPERVISION_API,
} from '../../shared/units/protocol';
import { requireSession, sessionOf } from '../auth/require-session';
import type { Session } from '../auth/sessions';
import type { Db } from '../db/open-database';
import type { DeadlineClock } from '../deadlines/deadline-clock';
import { parseBody } from '../http/parse-body';
import { sendError } from '../http/send-error';
import { actOnRequest } from '../requests/act-on-request';
import { extensionRequests } from './extension-requests';
import { overdueRequests } from './overdue-requests';
import { unitPerformance } from './unit-performance';

/**
 * The supervisors' API (督查室): what is overdue, how units perform, reminders (督办) to the unit holding any
 * transferred request, whether overdue or not, and units' extension requests granted or refused.
 */
export const supervisionRoutes: FastifyPluginAsync<{ db: Db; clock: DeadlineClock }> = async (app, { db, clock }) => {
  const supervisorsOnly = { preHandler: requireSession(db, ['supervisor', 'admin']) };

  app.get(`${SUPERVISION_API}/overdue`, supervisorsOnly, async () => overdueRequests(db, new Date()));

  app.get(`${SUPERVISION_API}/units`, supervisorsOnly, async () => unitPerformance(db, new Date()));

  app.get(`${SUPERVISION_API}/extensions`, supervisorsOnly, async () => extensionRequests(db, new Date()));

  app.post(`${SUPERVISION_API}/remind`, supervisorsOnly, async (request, reply) => {
    const body = parseBody(RemindRequest, request.body, reply);
    if (!body) return reply;
    return act(reply, sessionOf(request), body.requestId, { kind: 'remind', note: body.note });
  });

  app.post(`${SUPERVISION_API}/extension-grant`, supervisorsOnly, async (request, reply) => {
    const body = parseBody(ExtensionGrantRequest, request.body, reply);
    if (!body) return reply;
    return act(reply, sessionOf(request), body.requestId, { kind: 'extension-grant', workingDays: body.workingDays });
  });

  app.post(`${SUPERVISION_API}/extension-refuse`, supervisorsOnly, async (request, reply) => {
    const body = parseBody(ExtensionRefuseRequest, request.body, reply);
    if (!body) return reply;
    return act(reply, sessionOf(request), body.requestId, { kind: 'extension-refuse', reason: body.reason });
  });

  async function act(reply: FastifyReply, session: Session, requestId: string, action: SupervisorAction) {
    const actor = { kind: 'operator' as const, id: session.operator.id, name: session.operator.displayName };
    const outcome = await actOnRequest(db, clock, actor, requestId, action, () => true);
    if (outcome.outcome === 'not-found') return sendError(reply, 404, 'not-found', `no request ${requestId}`);
    if (outcome.outcome === 'rejected') return sendError(reply, 409, outcome.rejection.code, outcome.rejection.message);
    return outcome.request;
  }
};
