import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AUDIT_API, auditCsv } from '../../shared/audit/audit-log';
import { audit, auditEntries, operatorActor } from '../audit/audit-log';
import { requireSession } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { sendError } from '../http/send-error';
import { setAccountDisabled } from './account-status';

export const ACCOUNT_PATHS = {
  /** POST, admins: disable or enable an operator or a unit account, ending its sessions. */
  status: '/api/admin/accounts/:kind/:name/:status',
  /** GET, admins: the audit log, newest first (?limit=, ?before=<id>; ?format=csv or ?export=1: all of it, recorded). */
  audit: AUDIT_API,
} as const;

const Params = z.object({
  kind: z.enum(['operator', 'unit']),
  name: z.string().min(1).max(100),
  status: z.enum(['disabled', 'enabled']),
});
const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.string().max(40).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  export: z.enum(['0', '1']).default('0'),
});
/** An export takes the whole log: it is what an auditor asks for. */
const EXPORT_LIMIT = 1_000_000;

/** Account administration and the audit log; admins only. */
export const accountRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const admin = { preHandler: requireSession(db, ['admin']) };

  app.post(ACCOUNT_PATHS.status, admin, async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'bad-request', 'expected /operator|unit/<name>/disabled|enabled');
    const { kind, name, status } = params.data;
    if (kind === 'operator' && name === request.session?.operator.name && status === 'disabled')
      return sendError(reply, 400, 'bad-request', 'an admin cannot disable their own account');
    if (!(await setAccountDisabled(db, kind, name, status === 'disabled')))
      return sendError(reply, 404, 'not-found', `no ${kind} account ${name}`);
    await audit(db, {
      ...operatorActor(request),
      action: status === 'disabled' ? 'account-disabled' : 'account-enabled',
      target: `${kind}:${name}`,
    });
    return { kind, name, status };
  });

  app.get(ACCOUNT_PATHS.audit, admin, async (request, reply) => {
    const query = AuditQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad-request', 'limit 1–1000, before an entry id');
    const { format, limit, before } = query.data;
    const exported = format === 'csv' || query.data.export === '1';
    const entries = await auditEntries(db, exported ? EXPORT_LIMIT : limit, exported ? undefined : before);
    if (exported)
      await audit(db, {
        ...operatorActor(request),
        action: 'audit-exported',
        details: { entries: entries.length, format },
      });
    if (format === 'json') return { entries };
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit-log.csv"')
      .send(auditCsv(entries));
  });
};
