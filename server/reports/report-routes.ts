import type { FastifyPluginAsync } from 'fastify';
import { REPORTS_API, Summary, SummaryQuery } from '../../shared/reports/summary';
import { requireSession } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { parseBody } from '../http/parse-body';
import { summarize } from './summarize';

/** The centre's numbers for supervisors and admins (and the city's own systems signed in as one). */
export const reportRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const supervisorsOnly = { preHandler: requireSession(db, ['supervisor', 'admin']) };

  app.get(`${REPORTS_API}/summary`, supervisorsOnly, async (request, reply) => {
    const period = parseBody(SummaryQuery, request.query, reply);
    if (!period) return reply;
    // Validated on the way out too: the city's systems read this shape, so a drift fails here, not there.
    return Summary.parse(await summarize(db, period));
  });
};
