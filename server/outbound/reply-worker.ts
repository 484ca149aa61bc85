import type { FastifyBaseLogger } from 'fastify';
import { replyWindow } from '../../shared/replies/reply-window';
import { NO_CONTACT, type Channel, type ReplyContact } from '../../shared/model';
import type { ChannelsConfig } from '../channels/accounts';
import type { PlatformUrls, WorkerTiming } from '../config';
import type { Db } from '../db/open-database';
import { retryDelayMs } from '../platforms/backoff';
import type { SendResult } from '../platforms/send-result';
import { alipaySender } from './senders/alipay-sender';
import type { ReplySender } from './senders/outgoing-reply';
import { wechatSender } from './senders/wechat-sender';
import { weiboSender } from './senders/weibo-sender';
import { settleReply, type OutboundRow, type Settlement } from './settle-reply';
import { pollingWorker, type PollingWorker } from '../platforms/polling-worker';
import type { WechatTokens } from '../platforms/wechat-token';

/** Replies taken per look at the queue; the rest wait for the next. */
const BATCH = 20;
/**
 * A row left 'sending' this long had its server die mid-call (a live call times out well before).
 * Whether the platform took it cannot be known, so it is settled as failed, never sent again.
 */
const ABANDONED_AFTER_MS = 60_000;

export interface ReplyWorkerOptions {
  db: Db;
  channels: ChannelsConfig;
  platforms: PlatformUrls;
  tokens: WechatTokens;
  timing: WorkerTiming;
  log: FastifyBaseLogger;
  now?: () => number;
}

/**
 * Sends queued replies through each channel's API, one at a time, oldest due first.
 * Never twice: a row is claimed ('sending', compare-and-set) and committed before the call, and a
 * call whose outcome is unknown is never repeated. Platform errors that mean "not taken" are
 * retried with back-off; the window is checked again before every attempt.
 */
export function replyWorker({
  db,
  channels,
  platforms,
  tokens,
  timing,
  log,
  now = Date.now,
}: ReplyWorkerOptions): PollingWorker {
  const senders: Record<Channel, ReplySender> = {
    wechat: wechatSender(channels.wechat, platforms.wechat, tokens),
    weibo: weiboSender(channels.weibo, platforms.weibo),
    alipay: alipaySender(channels.alipay, platforms.alipay, now),
  };

  async function tick(stopping: () => boolean): Promise<void> {
    await settleAbandoned();
    const due = await db
      .selectFrom('outbound_replies')
      .selectAll()
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', new Date(now()).toISOString())
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .execute();
    for (const row of due) {
      if (stopping()) return;
      await deliver(row);
    }
  }

  async function deliver(queued: OutboundRow): Promise<void> {
    const claimedAt = new Date(now()).toISOString();
    const claim = await db
      .updateTable('outbound_replies')
      .set({ status: 'sending', attempts: Number(queued.attempts) + 1, updated_at: claimedAt })
      .where('decision_id', '=', queued.decision_id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) return; // another worker took it
    const row: OutboundRow = { ...queued, status: 'sending', attempts: Number(queued.attempts) + 1 };

    const settlement =
      (await closedWindow(row)) ??
      settlementOf(
        row,
        await senders[row.channel as Channel]({ account: row.account, recipient: row.recipient, text: row.text }),
      );
    await settleReply(db, row, settlement, new Date(now()).toISOString());
    log.info(
      {
        decisionId: row.decision_id,
        requestId: row.request_id,
        channel: row.channel,
        attempt: row.attempts,
        status: settlement.status,
        errorCode: settlement.errorCode,
      },
      'reply delivery',
    );
  }

  /** The rule check before each attempt: the window may have closed while the reply waited. */
  async function closedWindow(row: OutboundRow): Promise<Settlement | null> {
    const request = await db
      .selectFrom('requests')
      .select('contact')
      .where('id', '=', row.request_id)
      .executeTakeFirst();
    const contact = request?.contact ? (JSON.parse(request.contact) as ReplyContact) : NO_CONTACT;
    const window = replyWindow(row.channel as Channel, contact, now());
    return window.open ? null : { status: 'not-allowed', errorCode: window.reason };
  }

  function settlementOf(row: OutboundRow, result: SendResult): Settlement {
    if (result.outcome === 'sent') return { status: 'sent', errorCode: null };
    if (result.outcome === 'retry' && row.attempts < timing.maxAttempts) {
      return {
        status: 'queued',
        errorCode: result.errorCode,
        nextAttemptAt: new Date(now() + retryDelayMs(row.attempts, timing)).toISOString(),
      };
    }
    return {
      status: 'failed',
      errorCode: result.outcome === 'unknown' ? `outcome-unknown:${result.errorCode}` : result.errorCode,
    };
  }

  async function settleAbandoned(): Promise<void> {
    const before = new Date(now() - ABANDONED_AFTER_MS).toISOString();
    const abandoned = await db
      .selectFrom('outbound_replies')
      .selectAll()
      .where('status', '=', 'sending')
      .where('updated_at', '<', before)
      .execute();
    for (const row of abandoned) {
      // Every instance looks; the one whose compare-and-set on the row's time wins settles it.
      const mine = await db
        .updateTable('outbound_replies')
        .set({ updated_at: new Date(now()).toISOString() })
        .where('decision_id', '=', row.decision_id)
        .where('status', '=', 'sending')
        .where('updated_at', '=', row.updated_at)
        .executeTakeFirst();
      if (Number(mine.numUpdatedRows) !== 1) continue;
      await settleReply(
        db,
        row,
        { status: 'failed', errorCode: 'outcome-unknown:interrupted' },
        new Date(now()).toISOString(),
      );
      log.warn(
        { decisionId: row.decision_id, requestId: row.request_id },
        'reply delivery interrupted: outcome unknown, not resent',
      );
    }
  }

  return pollingWorker('reply worker', timing.pollMs, log, tick);
}
