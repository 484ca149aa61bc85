import type { FastifyPluginAsync } from 'fastify';
import { REPLY_TEMPLATES_PATH, SaveTemplates } from '../../shared/replies/reply-templates';
import { audit, operatorActor } from '../audit/audit-log';
import { requireSession, sessionOf } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { parseBody } from '../http/parse-body';
import { loadReplyTemplates, saveReplyTemplates } from './reply-template-store';

/** The centre's reply templates: admins read and replace the list; workstations get it on pull. */
export const replyTemplateRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const admin = { preHandler: requireSession(db, ['admin']) };

  app.get(REPLY_TEMPLATES_PATH, admin, async () => loadReplyTemplates(db));

  app.put(REPLY_TEMPLATES_PATH, admin, async (request, reply) => {
    const body = parseBody(SaveTemplates, request.body, reply);
    if (!body) return reply;
    const saved = await saveReplyTemplates(db, body.templates, sessionOf(request).operator.id);
    await audit(db, {
      ...operatorActor(request),
      action: 'admin-change',
      target: 'reply-templates',
      details: { version: saved.version },
    });
    return saved;
  });
};
