import type { Transaction } from 'kysely';
import { monotonicFactory } from 'ulid';
import type { InboundMessage } from '../../shared/model';
import type { Database } from '../db/schema';

const ulid = monotonicFactory();

/**
 * Channels whose media API is known (CHANNELS.md §1.5, §2.2). Alipay's life-account media download
 * is not in the material found, so its attachments stay unfetched (shown as such, by media id).
 */
const FETCHABLE = new Set(['wechat', 'weibo']);

/** Queues a fetch for each image and voice message's media, in the intake transaction; the fetch itself never holds intake up. */
export async function queueMediaFetches(
  trx: Transaction<Database>,
  requestId: string,
  message: InboundMessage,
  now: string,
): Promise<void> {
  if (!FETCHABLE.has(message.channel)) return;
  for (const attachment of message.attachments) {
    if ((attachment.kind !== 'image' && attachment.kind !== 'voice') || !attachment.mediaId) continue;
    await trx
      .insertInto('media_jobs')
      .values({
        id: ulid(),
        request_id: requestId,
        channel: message.channel,
        account: message.account,
        media_id: attachment.mediaId,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        hash: null,
        content_type: null,
        error: null,
      })
      .execute();
  }
}
