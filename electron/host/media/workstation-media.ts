import { MEDIA_HASH, type MediaCache } from './media-cache';
import { mediaTypeOf } from './media-type';
import type { ServerMedia } from './server-media';

/** An HTTP answer both shells send as is: the browser shell through Fastify, Electron from its app:// handler. */
export interface MediaAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer<ArrayBuffer> | string;
}

export interface WorkstationMediaOptions {
  cache: MediaCache;
  /** Asks the server for the file (server-media.ts), with whoever is signed in. */
  fetchFromServer(hash: string): Promise<ServerMedia>;
}

const failure = (status: number, text: string): MediaAnswer => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  body: text,
});
const NOT_FOUND = failure(404, 'no such media');
const FAILURES: Record<Exclude<ServerMedia, { ok: true }>['reason'], MediaAnswer> = {
  offline: failure(503, 'not available offline'),
  missing: NOT_FOUND,
  refused: failure(502, 'refused by the server'),
};

/**
 * The attachments the renderer shows, by address: from the cache when held and intact, else
 * fetched from the server on demand and kept. Offline, what is not held is "not available offline".
 */
export function workstationMedia({ cache, fetchFromServer }: WorkstationMediaOptions) {
  /** One fetch per address at a time, however many ask. */
  const fetching = new Map<string, Promise<ServerMedia>>();

  async function bytesOf(hash: string): Promise<ServerMedia> {
    const held = await cache.get(hash);
    if (held) return { ok: true, bytes: held };
    let pending = fetching.get(hash);
    if (!pending) {
      pending = fetchFromServer(hash)
        .then(async (fetched) => {
          // A full disk only costs the offline copy; the bytes are shown all the same.
          if (fetched.ok) await cache.put(hash, fetched.bytes).catch(() => undefined);
          return fetched;
        })
        .finally(() => fetching.delete(hash));
      fetching.set(hash, pending);
    }
    return pending;
  }

  // Prefetching runs one file at a time in the background, so it never competes with what is on screen.
  const queued = new Set<string>();
  let prefetching: Promise<void> | null = null;
  let closed = false;
  async function drain(): Promise<void> {
    // A Set visits what is added while it is iterated: hashes queued meanwhile are fetched in this run.
    for (const hash of queued) {
      if (closed) return;
      queued.delete(hash);
      if (!cache.has(hash)) await bytesOf(hash).catch(() => undefined);
    }
  }
  function prefetch(hashes: Iterable<string>): void {
    for (const hash of hashes) if (MEDIA_HASH.test(hash) && !cache.has(hash)) queued.add(hash);
    if (prefetching || queued.size === 0 || closed) return;
    prefetching = drain().finally(() => {
      prefetching = null;
      prefetch([]);
    });
  }

  return {
    async serve(hash: string): Promise<MediaAnswer> {
      if (!MEDIA_HASH.test(hash)) return NOT_FOUND;
      const found = await bytesOf(hash);
      if (!found.ok) return FAILURES[found.reason];
      const type = mediaTypeOf(found.bytes);
      return {
        status: 200,
        headers: {
          'Content-Type': type.contentType,
          'X-Content-Type-Options': 'nosniff',
          'Content-Disposition': type.inline
            ? 'inline'
            : `attachment; filename="yiwang-${hash.slice(0, 12)}.${type.extension}"`,
          // Opened on its own, the file is still no document that could run anything.
          'Content-Security-Policy': "default-src 'none'; sandbox",
          'Cache-Control': 'private, max-age=31536000, immutable',
        },
        body: found.bytes,
      };
    },
    /** Fetches these in the background unless held, so they are there offline later. */
    prefetch,
    async close(): Promise<void> {
      closed = true;
      await prefetching;
      await Promise.allSettled(fetching.values());
    },
  };
}
