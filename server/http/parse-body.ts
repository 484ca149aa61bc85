import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { sendError } from './send-error';

/** Validates a request body against a protocol schema; on failure answers 400 and returns undefined. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, reply: FastifyReply): z.output<S> | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
  sendError(reply, 400, 'bad-request', issues);
  return undefined;
}
