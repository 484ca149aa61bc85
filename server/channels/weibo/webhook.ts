import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { InboundMessage } from '../../../shared/model';
import { normalizeWeiboPush, WeiboMessageError } from '../../../shared/channels/weibo/normalize';
import { parseWeiboJson, WeiboJsonError } from '../../../shared/channels/weibo/push-json';
import type { WeiboAccount } from '../accounts';
import type { Intake } from '../../requests/intake';
import type { NonceCache } from '../nonce-cache';
import { handleWebhookErrors, Refusal, refuse } from '../refusal';
import { checkSignedQuery, echostrOf } from '../signed-query';

export interface WeiboWebhookOptions {
  accounts: readonly WeiboAccount[];
  intake: Intake;
  maxBodyBytes: number;
  maxClockSkewSeconds: number;
  /** Signed queries seen within the window: the same query with another body is a replay. */
  nonces: NonceCache;
  /** The clock, in milliseconds; tests move it. */
  now?: () => number;
}

type Query = Record<string, unknown>;
/** What checkSignedQuery has made sure of. */
type SignedQuery = { timestamp: string; nonce: string };

/**
 * The Weibo fan-service (粉丝服务平台) push webhook at /channels/weibo/:accountKey, registered like
 * the WeChat one (encapsulated, no prefix).
 *
 * GET answers the URL check; POST takes a JSON push signed in the query with the App Secret, hands
 * it to intake and answers the empty string (Weibo's "no passive reply", which also stops retries).
 * Weibo's optional WeChat-style XML format is not taken: its fields are not documented.
 */
export async function weiboWebhook(app: FastifyInstance, options: WeiboWebhookOptions): Promise<void> {
  const accounts = new Map(options.accounts.map((account) => [account.key, account]));
  const now = options.now ?? Date.now;

  // Whatever the body is labelled, it is read as raw text and parsed here, so every failure is ours to report.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  handleWebhookErrors(app, 'weibo');

  app.get('/channels/weibo/:accountKey', async (request, reply) => {
    try {
      verifiedAccount(request);
      const echostr = echostrOf(request.query as Query);
      return reply.type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(echostr);
    } catch (error) {
      return handleFailure(request, reply, error);
    }
  });

  app.post('/channels/weibo/:accountKey', { bodyLimit: options.maxBodyBytes }, async (request, reply) => {
    let message: InboundMessage | null;
    try {
      const account = verifiedAccount(request);
      if (typeof request.body !== 'string' || request.body === '') throw new Refusal(400, 'empty body');
      await options.nonces.admit(`weibo:${account.key}`, request.query as SignedQuery, request.body);
      message = normalizeWeiboPush(parseWeiboJson(request.body));
      if (message && message.account !== account.uid) throw new Refusal(400, 'receiver_id does not match the account');
    } catch (error) {
      return handleFailure(request, reply, error);
    }
    if (message === null) {
      // Acknowledged so that Weibo does not retry what Yiwang will never take in.
      request.log.warn({ account: accountKeyOf(request) }, 'weibo push ignored: unknown type or event');
      return noReply(reply);
    }
    const result = await options.intake.receive(message);
    if (result.duplicate) request.log.info({ requestId: result.requestId }, 'weibo push was a retry; already stored');
    return noReply(reply);
  });

  function verifiedAccount(request: FastifyRequest): WeiboAccount {
    const found = accounts.get(accountKeyOf(request));
    if (!found) throw new Refusal(404, 'unknown account');
    checkSignedQuery(request.query as Query, found.appSecret, {
      nowMs: now(),
      maxClockSkewSeconds: options.maxClockSkewSeconds,
    });
    return found;
  }
}

function accountKeyOf(request: FastifyRequest): string {
  return (request.params as { accountKey: string }).accountKey;
}

function handleFailure(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof Refusal) return refuse('weibo', request, reply, error);
  if (error instanceof WeiboJsonError || error instanceof WeiboMessageError)
    return refuse('weibo', request, reply, new Refusal(400, error.message));
  throw error;
}

/** Weibo documents the empty string as "no passive reply"; it does not retry after it. */
function noReply(reply: FastifyReply): FastifyReply {
  return reply.code(200).type('text/plain; charset=utf-8').send('');
}
