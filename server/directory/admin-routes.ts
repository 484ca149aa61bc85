import type { FastifyPluginAsync } from 'fastify';
import { requireSession } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { sendError } from '../http/send-error';
import { CategoryImportError, importCategories } from './import-categories';

const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** Administration of the directory; admins only. */
export const adminRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post('/api/admin/categories/import', { preHandler: requireSession(db, ['admin']) }, async (request, reply) => {
    if (typeof request.body !== 'string')
      return sendError(reply, 415, 'unsupported-media-type', 'send the CSV as text/csv');
    try {
      return await importCategories(db, request.body);
    } catch (err) {
      if (err instanceof CategoryImportError) return sendError(reply, 400, 'bad-csv', err.message);
      throw err;
    }
  });
};
