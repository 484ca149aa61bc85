import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const HASH = /^[0-9a-f]{64}$/;

/**
 * Fetched media under dataDir/media/<sha256>: content-addressed, so the same picture sent twice is
 * stored once and a name can never point anywhere else. Written to a temporary name and renamed,
 * so a crash never leaves half a file under a hash.
 */
export function mediaStore(dataDir: string) {
  const dir = join(dataDir, 'media');
  mkdirSync(dir, { recursive: true });
  return {
    async put(bytes: Buffer): Promise<string> {
      const hash = createHash('sha256').update(bytes).digest('hex');
      const temporary = join(dir, `${hash}.${process.pid}.part`);
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
