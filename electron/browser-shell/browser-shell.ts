import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { MEDIA_PATH } from '../../shared/api/transport';
import { API_METHODS, BROWSER_SHELL_PATHS, type ApiMethod, type HostEvent } from '../../shared/api/workstation-api';
import { EXPORT_FILE_NAME } from '../host/ledger/export-ledger';
import { pageCsp } from './page-csp';
import type { Host } from '../host/start-host';

/** The line shell-main prints once it listens: this prefix, then the address to open. */
export const HOST_READY_PREFIX = 'YIWANG_HOST_READY ';
const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

const SSE_HEARTBEAT_MS = 15_000;
const EXPORT_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
};

export interface BrowserShellOptions {
  host: Host;
  /** 0 picks a free port. */
  port: number;
  rendererDir?: string;
}

export interface BrowserShell {
  /**
   * The address to open: its fragment (which no request carries) holds a one-time launch code the page trades
   * for the access token, so the address on Chromium's command line or in a log is spent once opened.
   */
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the renderer and the WorkstationApi to a local Chromium on 127.0.0.1. Any web page on
 * this machine could reach the port, so every call needs this launch's random token, other
 * origins are refused, and the Host header must name this address (against DNS rebinding).
 */
export async function startBrowserShell({
  host,
  port,
  rendererDir = DEFAULT_RENDERER_DIR,
}: BrowserShellOptions): Promise<BrowserShell> {
  const token = randomBytes(32).toString('base64url');
  const launchCode = randomBytes(24).toString('base64url');
  let launchSpent = false;
  const app = Fastify({ logger: false, forceCloseConnections: true });
  let allowedHosts = new Set<string>();
  /** The page's policy names its own origin; a request under a foreign Host name is refused, and gets nothing to run. */
  const pageCspFor = (request: FastifyRequest) => {
    const host = request.headers.host ?? '';
    return allowedHosts.has(host) ? pageCsp(`http://${host}`) : "default-src 'none'";
  };

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (
      !allowedHosts.has(request.headers.host ?? '') ||
      (origin !== undefined && !allowedHosts.has(originHost(origin)))
    ) {
      return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: 'foreign origin' } });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    // A media file brings its own stricter policy, and may be cached: it never changes under its address.
    if (!reply.hasHeader('Content-Security-Policy')) {
      reply.header('Content-Security-Policy', pageCspFor(request));
      reply.header('Cache-Control', 'no-store');
    }
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });

  app.post<{ Params: { method: string } }>(`${BROWSER_SHELL_PATHS.call}:method`, async (request, reply) => {
    if (!authorised(request.headers.authorization?.replace(/^Bearer /, ''), token)) return unauthorised(reply);
    const method = request.params.method;
    if (!(API_METHODS as string[]).includes(method)) {
      return reply.code(404).send({ ok: false, error: { code: 'unknown-method', message: method } });
    }
    return host.call(method as ApiMethod, request.body as never);
  });

  // Once only: a second page (or anyone who read the command line) gets nothing from the same code.
  app.post<{ Body: { code?: unknown } }>(BROWSER_SHELL_PATHS.launch, async (request, reply) => {
    const code = typeof request.body?.code === 'string' ? request.body.code : undefined;
    if (launchSpent || !authorised(code, launchCode)) {
      return reply
        .code(401)
        .send({ ok: false, error: { code: 'launch-spent', message: 'this launch address was used already' } });
    }
    launchSpent = true;
    return { ok: true, value: { token } };
  });

  app.get<{ Querystring: { token?: string } }>(BROWSER_SHELL_PATHS.events, (request, reply) => {
    if (!authorised(request.query.token, token)) return unauthorised(reply);
    streamEvents(request, reply, host, pageCspFor(request));
    return reply;
  });

  // A download link cannot carry a header, so the token may come in the query, as for the event stream.
  app.get<{ Params: { file: string }; Querystring: { token?: string } }>(
    `${BROWSER_SHELL_PATHS.exports}:file`,
    async (request, reply) => {
      if (!authorised(tokenGiven(request), token)) return unauthorised(reply);
      const name = request.params.file;
      const path = join(host.exportsDir, name);
      if (!EXPORT_FILE_NAME.test(name) || !existsSync(path)) {
        return reply.code(404).send({ ok: false, error: { code: 'not-found', message: 'no such export' } });
      }
      return reply
        .header('Content-Disposition', `attachment; filename="${name}"`)
        .type(EXPORT_TYPES[extname(name)] ?? 'application/octet-stream')
        .send(createReadStream(path));
    },
  );

  // An <img> or <audio> cannot carry a header either: the token comes in the query.
  app.get<{ Params: { hash: string }; Querystring: { token?: string } }>(
    `${MEDIA_PATH}:hash`,
    async (request, reply) => {
      if (!authorised(tokenGiven(request), token)) return unauthorised(reply);
      const answer = await host.serveMedia(request.params.hash);
      return reply.code(answer.status).headers(answer.headers).send(answer.body);
    },
  );

  if (existsSync(rendererDir)) {
    await app.register(fastifyStatic, { root: rendererDir, index: 'index.html', wildcard: true });
  } else {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain').send(`renderer not built (${rendererDir}): run npm run build`),
    );
  }

  const address = await app.listen({ host: '127.0.0.1', port });
  const { port: actualPort } = new URL(address);
  allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  return {
    url: `http://127.0.0.1:${actualPort}/#launch=${launchCode}`,
    token,
    close: () => app.close(),
  };
}

/** Server-Sent Events: one `data:` line of JSON per HostEvent, current sync status first. */
function streamEvents(request: FastifyRequest, reply: FastifyReply, host: Host, csp: string): void {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
  });
  const send = (event: HostEvent) => out.write(`data: ${JSON.stringify(event)}\n\n`);
  send({ type: 'sync-status', status: host.status() });
  const unsubscribe = host.subscribe(send);
  // Comments keep idle proxies and the browser from dropping a quiet stream.
  const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
  request.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

/** The token from the query (links, images) or the Authorization header. */
function tokenGiven(request: FastifyRequest<{ Querystring: { token?: string } }>): string | undefined {
  return request.query.token ?? request.headers.authorization?.replace(/^Bearer /, '');
}

function authorised(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function unauthorised(reply: FastifyReply): FastifyReply {
  return reply.code(401).send({ ok: false, error: { code: 'unauthorized', message: 'missing or wrong access token' } });
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host : '';
  } catch {
    return '';
  }
}
