/**
 * Why a cache file cannot be used. `corrupt`: SQLite cannot read it or its integrity check fails;
 * `foreign`: a readable SQLite file that some other program wrote; `too-new`: written by a newer
 * Yiwang whose schema this build does not know. The caller decides what to do with the file.
 */
export type CacheErrorReason = 'corrupt' | 'foreign' | 'too-new';

export class CacheError extends Error {
  override readonly name = 'CacheError';

  constructor(
    readonly reason: CacheErrorReason,
    readonly file: string,
    detail: string,
  ) {
    super(`workstation cache ${file} is ${reason}: ${detail}`);
  }
}
