import type { FastifyPluginAsync } from 'fastify';
import { LibraryEdit, LibraryEntry } from '../../shared/library/library-entry';
import {
  LIBRARY_API,
  LIBRARY_ENTRY_ROUTE,
  LibraryMatchRequest,
  LibraryPullRequest,
  LibrarySearchQuery,
  PolicyImport,
} from '../../shared/library/protocol';
import { audit, operatorActor } from '../audit/audit-log';
import { requireSession, sessionOf } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { parseBody } from '../http/parse-body';
import { sendError } from '../http/send-error';
import { importPolicy, policyDocuments } from './import-policy';
import { changeEntry, entriesChangedAfter } from './library-store';
import { librarySearch } from './library-search';
import { UnreadableDocumentError } from './read-document';

/** A policy document of up to 20 MB, as base64 in JSON. */
const MAX_IMPORT_BYTES = 28 * 1024 * 1024;

/** The answer library: search and matches for every operator, the workstations' copy, and its keeping for supervisors and admins. */
export const libraryRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const signedIn = { preHandler: requireSession(db) };
  const keepers = { preHandler: requireSession(db, ['supervisor', 'admin']) };
  const search = librarySearch(db);

  app.get(`${LIBRARY_API}/search`, signedIn, async (request, reply) => {
    const query = parseBody(LibrarySearchQuery, request.query, reply);
    if (!query) return reply;
    return { entries: await search.search(query.q, query.limit) };
  });

  app.post(`${LIBRARY_API}/matches`, signedIn, async (request, reply) => {
    const body = parseBody(LibraryMatchRequest, request.body, reply);
    if (!body) return reply;
    return { matches: await search.matches(body.text, body.requestId, body.limit) };
  });

  app.post(`${LIBRARY_API}/pull`, signedIn, async (request, reply) => {
    const body = parseBody(LibraryPullRequest, request.body, reply);
    if (!body) return reply;
    if (body.cursor !== null && !/^\d{1,15}$/.test(body.cursor))
      return sendError(reply, 400, 'bad-cursor', 'unknown library cursor: pull again with null');
    const page = await entriesChangedAfter(db, body.cursor === null ? 0 : Number(body.cursor), body.limit);
    return {
      cursor: page.last === null ? body.cursor : String(page.last),
      entries: page.entries,
      hasMore: page.hasMore,
    };
  });

  app.patch<{ Params: { id: string } }>(LIBRARY_ENTRY_ROUTE, keepers, async (request, reply) => {
    const edit = parseBody(LibraryEdit, request.body, reply);
    if (!edit) return reply;
    const entry = await db
      .transaction()
      .execute((trx) => changeEntry(trx, request.params.id, edit, new Date().toISOString()));
    if (!entry) return sendError(reply, 404, 'not-found', `no library entry ${request.params.id}`);
    await audit(db, { ...operatorActor(request), action: 'library-changed', target: entry.id, details: edit });
    return LibraryEntry.parse(entry);
  });

  app.get(`${LIBRARY_API}/documents`, signedIn, async () => policyDocuments(db));

  app.post(`${LIBRARY_API}/documents`, { ...keepers, bodyLimit: MAX_IMPORT_BYTES }, async (request, reply) => {
    const body = parseBody(PolicyImport, request.body, reply);
    if (!body) return reply;
    try {
      const document = await importPolicy(
        db,
        { ...body, bytes: Buffer.from(body.content, 'base64') },
        sessionOf(request).operator.name,
      );
      await audit(db, {
        ...operatorActor(request),
        action: 'policy-imported',
        target: document.id,
        details: { title: document.title, passages: document.passages },
      });
      return { document };
    } catch (error) {
      if (error instanceof UnreadableDocumentError) return sendError(reply, 400, 'unreadable-document', error.message);
      throw error;
    }
  });
};
