import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DB_FAULT_TEXT, dbFault, logDbFault, RETRY_AFTER_SECONDS } from '../db/db-fault';

/** A delivery refused with a 4xx: logged once with its reason, never stored. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** One warn line `<channel> push refused` with the reason and the account, never what was sent. */
export function logRefusal(channel: string, request: FastifyRequest, refusal: Refusal): void {
  const { accountKey } = (request.params ?? {}) as { accountKey?: string };
  request.log.warn({ account: accountKey, status: refusal.status, reason: refusal.message }, `${channel} push refused`);
}

/** Logs the refusal and answers its status with the reason as plain text. */
export function refuse(channel: string, request: FastifyRequest, reply: FastifyReply, refusal: Refusal): FastifyReply {
  logRefusal(channel, request, refusal);
  return reply.code(refusal.status).type('text/plain; charset=utf-8').send(refusal.message);
}

/**
 * For a webhook plugin's own encapsulated context: framework refusals (body too large → 413, bad
 * Content-Length …) get the same single warn line as the webhook's; faults are a 500 that says nothing.
 */
export function handleWebhookErrors(app: FastifyInstance, channel: string): void {
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    // The platforms retry a 503 (within their window): the delivery is not lost to a full disk.
    const fault = dbFault(error);
    if (fault) {
      logDbFault(request.log, fault, error);
      return reply
        .code(503)
        .header('Retry-After', String(RETRY_AFTER_SECONDS))
        .type('text/plain; charset=utf-8')
        .send(DB_FAULT_TEXT[fault]);
    }
    if (status >= 500) {
      request.log.error({ err: error }, `${channel} webhook failed`);
      return reply.code(500).type('text/plain; charset=utf-8').send('internal error');
    }
    return refuse(channel, request, reply, new Refusal(status, error.message));
  });
}
