import type { FastifyReply } from 'fastify';
import type { ApiError } from '../../shared/sync/protocol';

/** Every error the API returns has the protocol's ApiError shape. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  const body: ApiError = { error: { code, message } };
  return reply.code(status).send(body);
}
