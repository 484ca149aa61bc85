import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseAlipayBizContent, type AlipayFields } from '../../../shared/channels/alipay/biz-content';
import { alipaySender, AlipayMessageError, normalizeAlipayMessage } from '../../../shared/channels/alipay/normalize';
import { XmlError } from '../../../shared/channels/safe-xml';
import type { InboundMessage } from '../../../shared/model';
import type { AlipayAccount } from '../accounts';
import type { Intake } from '../../requests/intake';
import { handleWebhookErrors, logRefusal, Refusal, refuse } from '../refusal';
import { AlipayCharsetError } from './charset';
import { AlipayFormError, parseAlipayForm } from './form';
import { ackContent, signedResponse, verifygwContent } from './response';
import { verifyAlipayParams } from './rsa2';

export interface AlipayGatewayOptions {
  accounts: readonly AlipayAccount[];
  intake: Intake;
  maxBodyBytes: number;
  /** The clock, in milliseconds, for the ack's CreateTime. */
  now?: () => number;
}

const GATEWAY_CHECK = 'alipay.service.check';
const MESSAGE_NOTIFY = 'alipay.mobile.public.message.notify';

/**
 * The Alipay life-account gateway (应用网关) at POST /channels/alipay/:accountKey, registered like
 * the WeChat webhook (encapsulated, no prefix).
 *
 * Alipay posts a form (often GBK) signed RSA2 with its key. `alipay.service.check` is answered
 * with the signed verifygw XML; `alipay.mobile.public.message.notify` is handed to intake and
 * answered with a signed ack. Notifies carry no timestamp to check: replays are recognised by
 * their MsgId (or sender, time and event) and stored once.
 */
export async function alipayGateway(app: FastifyInstance, options: AlipayGatewayOptions): Promise<void> {
  const accounts = new Map(options.accounts.map((account) => [account.key, account]));
  // Parsed once: parsing a PEM key costs more than the RSA operation itself.
  const keys = new Map(
    options.accounts.map((a) => [
      a.key,
      { alipayPublic: createPublicKey(a.alipayPublicKey), appPrivate: createPrivateKey(a.appPrivateKey) },
    ]),
  );
  const now = options.now ?? Date.now;

  // The raw bytes: the form's charset is only known once it has been read.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  handleWebhookErrors(app, 'alipay');

  app.post('/channels/alipay/:accountKey', { bodyLimit: options.maxBodyBytes }, async (request, reply) => {
    let account: AlipayAccount;
    let key: { alipayPublic: KeyObject; appPrivate: KeyObject };
    let fields: AlipayFields;
    let message: InboundMessage | null;
    try {
      account = accountOf(request);
      key = keys.get(account.key)!;
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new Refusal(400, 'empty body');
      const { params, charset } = parseAlipayForm(request.body);
      const service = params.service ?? '';
      if (service !== GATEWAY_CHECK && service !== MESSAGE_NOTIFY) throw new Refusal(400, 'unsupported service');
      if ((params.sign_type ?? 'RSA2') !== 'RSA2') throw new Refusal(400, 'unsupported sign_type (RSA2 only)');
      if (!verifyAlipayParams(params, charset, key.alipayPublic)) {
        if (service !== GATEWAY_CHECK) throw new Refusal(401, 'bad signature');
        // The gateway check's failure is answered in Alipay's own form, so its back office shows why.
        logRefusal('alipay', request, new Refusal(401, 'bad signature'));
        return signedXml(reply.code(401), key.appPrivate, verifygwContent(false, account.appPublicKey));
      }
      fields = parseAlipayBizContent(params.biz_content ?? '');
      if (fields.AppId !== account.appId) throw new Refusal(400, 'AppId does not match the account');
      if (service === GATEWAY_CHECK) {
        if (fields.EventType !== 'verifygw') throw new Refusal(400, 'service check without EventType verifygw');
        return signedXml(reply, key.appPrivate, verifygwContent(true, account.appPublicKey));
      }
      message = normalizeAlipayMessage(fields);
    } catch (error) {
      return handleFailure(request, reply, error);
    }

    if (message === null) {
      // Acknowledged so that Alipay does not retry what Yiwang will never take in.
      request.log.warn({ account: account.key }, 'alipay push ignored: unsupported message or event');
    } else {
      const result = await options.intake.receive(message);
      if (result.duplicate)
        request.log.info({ requestId: result.requestId }, 'alipay push was a retry; already stored');
    }
    return signedXml(reply, key.appPrivate, ackContent(alipaySender(fields) ?? '', account.appId, now()));
  });

  function accountOf(request: FastifyRequest): AlipayAccount {
    const { accountKey } = request.params as { accountKey: string };
    const account = accounts.get(accountKey);
    if (!account) throw new Refusal(404, 'unknown account');
    return account;
  }
}

/** Sends `content` in Alipay's signed GBK envelope. */
function signedXml(reply: FastifyReply, appPrivateKey: KeyObject, content: string): FastifyReply {
  return reply.type('text/xml; charset=GBK').send(signedResponse(content, appPrivateKey));
}

function handleFailure(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof Refusal) return refuse('alipay', request, reply, error);
  if (
    error instanceof AlipayFormError ||
    error instanceof AlipayCharsetError ||
    error instanceof XmlError ||
    error instanceof AlipayMessageError
  ) {
    return refuse('alipay', request, reply, new Refusal(400, error.message));
  }
  throw error;
}
