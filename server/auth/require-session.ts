import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../../shared/model';
import type { Db } from '../db/open-database';
import { sendError } from '../http/send-error';
import { findSession, type Session } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the requireSession preHandler on authenticated routes. */
    session: Session | null;
  }
}

/** A preHandler that admits only requests carrying a valid bearer token (and, if given, one of the roles). */
export function requireSession(db: Db, roles?: readonly Role[]): preHandlerAsyncHookHandler {
  return async function checkSession(request: FastifyRequest, reply: FastifyReply) {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const session = match?.[1] ? await findSession(db, match[1]) : null;
    if (!session) return sendError(reply, 401, 'unauthorized', 'sign in first: missing or unknown bearer token');
    if (roles && !roles.includes(session.operator.role)) {
      return sendError(reply, 403, 'forbidden', `needs role ${roles.join(' or ')}`);
    }
    request.session = session;
  };
}

/** The session a requireSession preHandler established; routes behind it may rely on it. */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new Error('route is missing the requireSession preHandler');
  return request.session;
}
