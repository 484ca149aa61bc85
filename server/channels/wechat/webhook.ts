import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { InboundMessage } from '../../../shared/model';
import {
  normalizeWechatMessage,
  WechatMessageError,
  WechatUnsupportedError,
} from '../../../shared/channels/wechat/normalize';
import { parseWechatXml, WechatXmlError, type WechatFields } from '../../../shared/channels/wechat/xml';
import type { WechatAccount } from '../accounts';
import type { Intake } from '../../requests/intake';
import type { NonceCache } from '../nonce-cache';
import { handleWebhookErrors, Refusal, refuse } from '../refusal';
import { checkSignedQuery, echostrOf } from '../signed-query';
import { createWechatCipher, WechatCryptoError } from './crypto';
import { signatureMatches, wechatSignature } from './signature';

export interface WechatWebhookOptions {
  accounts: readonly WechatAccount[];
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
 * The WeChat official-account webhook at /channels/wechat/:accountKey. Register it with
 * `app.register(wechatWebhook, options)` and no prefix: it stays encapsulated, so its catch-all
 * raw-body parser and its error handler apply to its own routes only.
 *
 * GET answers WeChat's URL verification; POST takes a push in plain, compatible or safe (AES) mode,
 * verifies it, hands the message to intake and answers `success` (WeChat's "no passive reply").
 */
export async function wechatWebhook(app: FastifyInstance, options: WechatWebhookOptions): Promise<void> {
  const accounts = new Map(options.accounts.map((account) => [account.key, account]));
  const ciphers = new Map(
    options.accounts.flatMap((a) =>
      a.encodingAesKey ? [[a.key, createWechatCipher(a.encodingAesKey, a.appId)] as const] : [],
    ),
  );
  const now = options.now ?? Date.now;

  // WeChat sends text/xml, but whatever it (or a proxy) labels the body, it is taken as raw text here.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  handleWebhookErrors(app, 'wechat');

  app.get('/channels/wechat/:accountKey', async (request, reply) => {
    try {
      verifiedAccount(request);
      const echostr = echostrOf(request.query as Query);
      return reply.type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(echostr);
    } catch (error) {
      return handleFailure(request, reply, error);
    }
  });

  app.post('/channels/wechat/:accountKey', { bodyLimit: options.maxBodyBytes }, async (request, reply) => {
    let message: InboundMessage;
    try {
      const account = verifiedAccount(request);
      await options.nonces.admit(`wechat:${account.key}`, request.query as SignedQuery, String(request.body ?? ''));
      const fields = messageFields(request, account);
      if (fields.ToUserName !== account.originalId) throw new Refusal(400, 'ToUserName does not match the account');
      message = normalizeWechatMessage(fields);
    } catch (error) {
      if (error instanceof WechatUnsupportedError) {
        // Acknowledged so WeChat does not retry something Yiwang will never take in.
        request.log.warn({ reason: error.message }, 'wechat push ignored');
        return success(reply);
      }
      return handleFailure(request, reply, error);
    }
    const result = await options.intake.receive(message);
    if (result.duplicate) request.log.info({ requestId: result.requestId }, 'wechat push was a retry; already stored');
    return success(reply);
  });

  /** Finds the account and checks `signature` and the timestamp's freshness (replays age out). */
  function verifiedAccount(request: FastifyRequest): WechatAccount {
    const { accountKey } = request.params as { accountKey: string };
    const account = accounts.get(accountKey);
    if (!account) throw new Refusal(404, 'unknown account');
    checkSignedQuery(request.query as Query, account.token, {
      nowMs: now(),
      maxClockSkewSeconds: options.maxClockSkewSeconds,
    });
    return account;
  }

  /** The push's fields: as sent in plain and compatible mode, decrypted after `msg_signature` in safe mode. */
  function messageFields(request: FastifyRequest, account: WechatAccount): WechatFields {
    if (typeof request.body !== 'string' || request.body === '') throw new Refusal(400, 'empty body');
    const outer = parseWechatXml(request.body);
    const query = request.query as Query;
    if (query.encrypt_type === undefined || query.encrypt_type === 'raw') {
      // Safe and compatible mode always encrypt: plaintext to such an account is a downgrade, not WeChat.
      if (account.encodingAesKey) throw new Refusal(400, 'plaintext push to a safe-mode account');
      return outer;
    }
    if (query.encrypt_type !== 'aes') throw new Refusal(400, 'unsupported encrypt_type');
    const cipher = ciphers.get(account.key);
    if (!cipher) throw new Refusal(400, 'encrypted push but no EncodingAESKey configured');
    const encrypt = outer.Encrypt;
    if (!encrypt) throw new Refusal(400, 'Encrypt: missing');
    const expected = wechatSignature(account.token, query.timestamp as string, query.nonce as string, encrypt);
    if (!signatureMatches(expected, query.msg_signature)) throw new Refusal(401, 'bad msg_signature');
    if (outer.ToUserName !== undefined && outer.ToUserName !== account.originalId) {
      throw new Refusal(400, 'ToUserName does not match the account');
    }
    return parseWechatXml(cipher.decrypt(encrypt));
  }
}

function handleFailure(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof Refusal) return refuse('wechat', request, reply, error);
  if (error instanceof WechatXmlError || error instanceof WechatMessageError || error instanceof WechatCryptoError) {
    return refuse('wechat', request, reply, new Refusal(400, error.message));
  }
  throw error;
}

function success(reply: FastifyReply): FastifyReply {
  return reply.type('text/plain; charset=utf-8').send('success');
}
