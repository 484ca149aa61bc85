import type { FastifyBaseLogger } from 'fastify';
import type { Selectable } from 'kysely';
import type { Attachment } from '../../shared/model';
import { SERVER_MEDIA_PATH } from '../../shared/sync/media-address';
import type { ChannelsConfig } from '../channels/accounts';
import type { PlatformUrls, WorkerTiming } from '../config';
import { CHANGE_SEQ, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';
import type { MediaJobsTable } from '../db/schema';
import { retryDelayMs } from '../platforms/backoff';
import { pollingWorker, type PollingWorker } from '../platforms/polling-worker';
import type { WechatTokens } from '../platforms/wechat-token';
import { wechatMediaFetcher, weiboMediaFetcher, type MediaFetcher } from './media-fetchers';
import type { MediaStore } from './media-store';

const BATCH = 10;
/** Longer than a platform call may take (platform-call.ts gives up after 15 s), with the store's write. */
const FETCH_LEASE_MS = 60_000;

/** Where a workstation reads a stored file (server/media/media-routes.ts). */
export const mediaUrl = (hash: string) => `${SERVER_MEDIA_PATH}${hash}`;

export interface MediaWorkerOptions {
  db: Db;
  store: MediaStore;
  channels: ChannelsConfig;
  platforms: PlatformUrls;
  tokens: WechatTokens;
  timing: WorkerTiming;
  log: FastifyBaseLogger;
}

/**
 * Fetches queued attachments from the platforms' media APIs, stores them content-addressed and
 * fills the attachment's url on the request (which then comes with the next pull). A failed
 * fetch is retried with back-off; until then the attachment shows as pending.
 */
export function mediaWorker({
  db,
  store,
  channels,
  platforms,
  tokens,
  timing,
  log,
}: MediaWorkerOptions): PollingWorker {
  const fetchers: Record<string, MediaFetcher> = {
    wechat: wechatMediaFetcher(channels.wechat, platforms.wechat, tokens),
    weibo: weiboMediaFetcher(channels.weibo, platforms.weiboUpload),
  };

  async function tick(stopping: () => boolean): Promise<void> {
    const due = await db
      .selectFrom('media_jobs')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', new Date().toISOString())
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .execute();
    for (const job of due) {
      if (stopping()) return;
      await fetchOne(job);
    }
  }

  async function fetchOne(job: Selectable<MediaJobsTable>): Promise<void> {
    if (!(await claim(job))) return; // another instance took it
    const fetcher = fetchers[job.channel];
    const fetched = fetcher ? await fetcher(job.account, job.media_id) : ({ ok: false, error: 'unsupported' } as const);
    const attempts = Number(job.attempts) + 1;
    if (!fetched.ok) {
      const giveUp = attempts >= timing.maxAttempts;
      await db
        .updateTable('media_jobs')
        .set({
          status: giveUp ? 'failed' : 'pending',
          attempts,
          error: fetched.error,
          next_attempt_at: new Date(Date.now() + retryDelayMs(attempts, timing)).toISOString(),
        })
        .where('id', '=', job.id)
        .execute();
      log.warn(
        { requestId: job.request_id, channel: job.channel, attempts, error: fetched.error, gaveUp: giveUp },
        'media fetch failed',
      );
      return;
    }
    const hash = await store.put(fetched.bytes);
    await db.transaction().execute(async (trx) => {
      const changeSeq = await nextValue(trx, CHANGE_SEQ);
      await trx
        .updateTable('media_jobs')
        .set({ status: 'fetched', attempts, hash, content_type: fetched.contentType, error: null })
        .where('id', '=', job.id)
        .execute();
      const request = await trx
        .selectFrom('requests')
        .select('attachments')
        .where('id', '=', job.request_id)
        .executeTakeFirst();
      if (!request) return;
      const attachments = (JSON.parse(request.attachments) as Attachment[]).map((a) =>
        (a.kind === 'image' || a.kind === 'voice') && a.mediaId === job.media_id ? { ...a, url: mediaUrl(hash) } : a,
      );
      await trx
        .updateTable('requests')
        .set({ attachments: JSON.stringify(attachments), change_seq: changeSeq })
        .where('id', '=', job.request_id)
        .execute();
    });
  }

  /**
   * Takes the job for one fetch by moving its due time a lease ahead, if no other instance moved it
   * first (compare-and-set on the time read). An instance that dies mid-fetch leaves the job due
   * again when the lease runs out; a fetch repeated then only stores the same file again.
   */
  async function claim(job: Selectable<MediaJobsTable>): Promise<boolean> {
    const taken = await db
      .updateTable('media_jobs')
      .set({ next_attempt_at: new Date(Date.now() + FETCH_LEASE_MS).toISOString() })
      .where('id', '=', job.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', job.next_attempt_at)
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1;
  }

  return pollingWorker('media worker', timing.pollMs, log, tick);
}
