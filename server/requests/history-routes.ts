import type { FastifyPluginAsync } from 'fastify';
import { REQUEST_HISTORY_ROUTE } from '../../shared/sync/protocol';
import { requireSession } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { sendError } from '../http/send-error';
import { requestHistory } from './request-history';

/** GET a request's timeline (shared/sync/protocol.ts), for any signed-in operator. */
export const historyRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<{ Params: { id: string } }>(
    REQUEST_HISTORY_ROUTE,
    { preHandler: requireSession(db) },
    async (request, reply) => {
      const history = await requestHistory(db, request.params.id);
      if (!history) return sendError(reply, 404, 'not-found', `no request ${request.params.id}`);
      return history;
    },
  );
};
