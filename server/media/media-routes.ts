import type { FastifyPluginAsync } from 'fastify';
import { SERVER_MEDIA_PATH } from '../../shared/sync/media-address';
import { requireSession } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { sendError } from '../http/send-error';
import type { MediaStore } from './media-store';

/** Only these are served as what they are; anything else the platform sent goes out as bytes to download. */
const SHOWN = /^(image\/(jpeg|png|gif|webp)|audio\/(amr|mpeg|mp3|ogg|speex|x-speex|wav))$/;

/** GET /api/media/:hash — a fetched attachment, for signed-in workstations only. */
export const mediaRoutes: FastifyPluginAsync<{ db: Db; store: MediaStore }> = async (app, { db, store }) => {
  app.get(`${SERVER_MEDIA_PATH}:hash`, { preHandler: requireSession(db) }, async (request, reply) => {
    const { hash } = request.params as { hash: string };
    const bytes = await store.get(hash);
    if (!bytes) return sendError(reply, 404, 'not-found', 'no such media');
    const job = await db.selectFrom('media_jobs').select('content_type').where('hash', '=', hash).executeTakeFirst();
    const type = job?.content_type && SHOWN.test(job.content_type) ? job.content_type : 'application/octet-stream';
    return reply
      .type(type)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(bytes);
  });
};
