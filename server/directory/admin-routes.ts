import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { DIRECTORY_VERSION, nextValue } from '../db/counters';
import { parseBody } from '../http/parse-body';
import { requireSession } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { sendError } from '../http/send-error';
import { CategoryImportError, importCategories } from './import-categories';

const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** The short forms staff type for a unit (城管, 住建局): its aliases, in full; each is matched by its pinyin initials too. */
const UnitAliases = z.object({ aliases: z.array(z.string().trim().min(1).max(40)).max(50) });

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

  // Staff's own abbreviations: the next pull brings them to every workstation's type-ahead.
  app.put<{ Params: { id: string } }>(
    '/api/admin/units/:id/aliases',
    { preHandler: requireSession(db, ['admin']) },
    async (request, reply) => {
      const body = parseBody(UnitAliases, request.body, reply);
      if (!body) return;
      const aliases = [...new Set(body.aliases)];
      const directoryVersion = await db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('units')
          .set({ aliases: JSON.stringify(aliases) })
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        return Number(updated.numUpdatedRows) === 0 ? null : nextValue(trx, DIRECTORY_VERSION);
      });
      if (directoryVersion === null) return sendError(reply, 404, 'unknown-unit', `no unit ${request.params.id}`);
      return { id: request.params.id, aliases, directoryVersion };
    },
  );
};
