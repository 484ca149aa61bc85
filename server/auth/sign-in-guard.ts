import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit/audit-log';
import type { Db } from '../db/open-database';
import { sendError } from '../http/send-error';
import type { LoginThrottle } from './login-throttle';

declare module 'fastify' {
  interface FastifyInstance {
    /** Failed sign-ins per account and address (config: YIWANG_LOGIN_*), decorated on the app. */
    loginThrottle: LoginThrottle;
  }
}

/**
 * One sign-in attempt, operator or unit account, through the throttle and into the audit log:
 * refused with 429 and Retry-After while the name or the address has failed too often, else checked.
 * Resolves with the account, or null once the refusal is sent (the caller answers a wrong password).
 */
export async function guardedSignIn<T extends { id: string; name: string }>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: 'operator' | 'unit',
  name: string,
  check: () => Promise<T | null>,
): Promise<T | 'wrong' | 'throttled'> {
  const throttle = request.server.loginThrottle;
  const address = request.ip;
  const wait = await throttle.retryAfter(kind, name, address);
  if (wait > 0) {
    await audit(db, { actorKind: 'anonymous', actorName: name, action: 'sign-in-throttled', target: kind, address });
    reply.header('retry-after', String(wait));
    sendError(reply, 429, 'too-many-attempts', `too many failed sign-ins: try again in ${wait} s`);
    return 'throttled';
  }
  const account = await check();
  if (!account) {
    await throttle.failed(kind, name, address);
    await audit(db, { actorKind: 'anonymous', actorName: name, action: 'sign-in-failed', target: kind, address });
    return 'wrong';
  }
  await throttle.succeeded(kind, name);
  await audit(db, { actorKind: kind, actorId: account.id, actorName: account.name, action: 'sign-in', address });
  return account;
}
