import { randomFillSync } from 'node:crypto';
import { monotonicFactory, type ULIDFactory } from 'ulid';

const POOL_BYTES = 4096;

/**
 * A monotonic ULID factory whose randomness comes from a pooled crypto buffer: ulid's own draws
 * one byte per character from the system, which on intake's path cost more than the id is worth.
 * The bytes are as random; they are only fetched 4 KiB at a time.
 */
export function monotonicUlid(): ULIDFactory {
  const pool = new Uint8Array(POOL_BYTES);
  let next = POOL_BYTES;
  return monotonicFactory(() => {
    if (next === POOL_BYTES) {
      randomFillSync(pool);
      next = 0;
    }
    return pool[next++]! / 256;
  });
}
