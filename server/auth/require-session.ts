import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../../shared/model';
import type { Db } from '../db/open-database';
import { sendError } from '../http/send-error';
import { findSession, type Session, type SessionLifetime } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the requireSession preHandler on authenticated routes. */
    session: Session | null;
  }
  interface FastifyInstance {
    /** How long sessions live (config: YIWANG_SESSION_IDLE_MINUTES, YIWANG_SESSION_MAX_HOURS), decorated on the app. */
    sessionLifetime: SessionLifetime;
  }
}

/** The bearer token of a request, if it carries one. */
export function bearerToken(request: FastifyRequest): string | null {
  return /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/** A preHandler that admits only requests carrying a live bearer token (and, if given, one of the roles). */
export function requireSession(db: Db, roles?: readonly Role[]): preHandlerAsyncHookHandler {
  return async function checkSession(request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request);
    const session = token ? await findSession(db, token, request.server.sessionLifetime) : null;
    if (!session) return sendError(reply, 401, 'unauthorized', 'sign in first: missing, ended or expired session');
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
