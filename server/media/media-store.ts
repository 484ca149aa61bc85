import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const HASH = /^[0-9a-f]{64}$/;

/**
 * Fetched media under <dir>/<sha256> (YIWANG_MEDIA_DIR, dataDir/media by default): content-addressed, so
 * the same picture sent twice is stored once and a name can never point anywhere else. Written to a
 * temporary name and renamed, so a crash never leaves half a file under a hash, and instances sharing
 * the folder (docs/deploy.md) may write the same file at once.
 */
export function mediaStore(dir: string) {
  mkdirSync(dir, { recursive: true });
  return {
    async put(bytes: Buffer): Promise<string> {
      const hash = createHash('sha256').update(bytes).digest('hex');
      const temporary = join(dir, `${hash}.${randomBytes(8).toString('hex')}.part`);
      await writeFile(temporary, bytes);
      await rename(temporary, join(dir, hash));
      return hash;
    },
    /** The bytes stored under a hash, or null for anything that is not one of ours. */
    async get(hash: string): Promise<Buffer | null> {
      if (!HASH.test(hash)) return null;
      return readFile(join(dir, hash)).catch(() => null);
    },
  };
}

export type MediaStore = ReturnType<typeof mediaStore>;
