import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A media address: the sha256 of the file's bytes, as the server names it (server/media). */
export const MEDIA_HASH = /^[0-9a-f]{64}$/;

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Media fetched from the server, under dataDir/media/<sha256>, at most `maxBytes` in all: the files
 * used longest ago go first. A file is only handed out when its bytes still hash to its name, so a
 * file changed on disk is never shown (it is dropped, to be fetched again).
 */
export function mediaCache(dir: string, maxBytes: number) {
  mkdirSync(dir, { recursive: true });
  /** Size and last use of each file held; the folder is read once, at start. */
  const held = new Map<string, { size: number; usedAt: number }>();
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    // A temporary file left by a crash mid-write is never a cache entry.
    if (!MEDIA_HASH.test(name)) {
      rmSync(path, { force: true });
      continue;
    }
    const stat = statSync(path);
    held.set(name, { size: stat.size, usedAt: stat.mtimeMs });
    total += stat.size;
  }

  async function drop(hash: string): Promise<void> {
    const entry = held.get(hash);
    if (!entry) return;
    held.delete(hash);
    total -= entry.size;
    await unlink(join(dir, hash)).catch(() => undefined);
  }

  async function evictBeyondLimit(keep: string): Promise<void> {
    const oldestFirst = [...held].filter(([hash]) => hash !== keep).sort(([, a], [, b]) => a.usedAt - b.usedAt);
    for (const [hash] of oldestFirst) {
      if (total <= maxBytes) return;
      await drop(hash);
    }
  }

  return {
    has: (hash: string) => held.has(hash),
    /** The bytes under `hash` if held and intact; a file whose bytes no longer match is dropped. */
    async get(hash: string): Promise<Buffer<ArrayBuffer> | null> {
      if (!MEDIA_HASH.test(hash) || !held.has(hash)) return null;
      const bytes = await readFile(join(dir, hash)).catch(() => null);
      if (!bytes || sha256(bytes) !== hash) {
        await drop(hash);
        return null;
      }
      const now = Date.now();
      held.set(hash, { size: bytes.length, usedAt: now });
      // The file's time carries the last use across restarts.
      await utimes(join(dir, hash), now / 1000, now / 1000).catch(() => undefined);
      return bytes;
    },
    /** Keeps bytes already checked to hash to `hash`; written aside and renamed, so no half file ever carries the name. */
    async put(hash: string, bytes: Buffer): Promise<void> {
      if (!MEDIA_HASH.test(hash) || sha256(bytes) !== hash) throw new Error(`media bytes do not match ${hash}`);
      if (!held.has(hash)) {
        const temporary = join(dir, `${hash}.${process.pid}.part`);
        await writeFile(temporary, bytes);
        await rename(temporary, join(dir, hash));
        total += bytes.length;
      }
      held.set(hash, { size: bytes.length, usedAt: Date.now() });
      await evictBeyondLimit(hash);
    },
    /** Bytes held, for the limit. */
    size: () => total,
  };
}

export type MediaCache = ReturnType<typeof mediaCache>;
