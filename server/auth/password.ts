import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost at OWASP's Password Storage Cheat Sheet (2025): N=2^15, r=8, p=3 is one of its equal-strength
 * settings (with 2^17/8/1), at 32 MiB per check instead of 128, which a server signing many in at shift start
 * can afford; ~150 ms here. Hashes made at a lower cost are redone at the next sign-in (`needsRehash`).
 */
const PARAMS = { N: 32_768, r: 8, p: 3 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** Hashes a password as `scrypt$N$r$p$<salt b64>$<hash b64>`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64'),
    { N: Number(n), r: Number(r), p: Number(p) },
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/** Whether a stored hash was made at another cost than today's, and should be redone while the password is at hand. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) !== PARAMS.N || Number(r) !== PARAMS.r || Number(p) !== PARAMS.p;
}

/** Compared against when the account is unknown, so a wrong name takes as long as a wrong password. */
let unknownAccountHash: Promise<string> | null = null;

/** Checks a sign-in: false for an unknown account (null hash) too, after the same work as a real check. */
export async function verifySignIn(password: string, stored: string | null): Promise<boolean> {
  unknownAccountHash ??= hashPassword('no such account');
  const passwordOk = await verifyPassword(password, stored ?? (await unknownAccountHash));
  return stored !== null && passwordOk;
}

function derive(password: string, salt: Buffer, options: ScryptOptions, keyBytes = KEY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must cover 128·N·r bytes, which the default 32 MiB only just misses at N=2^15.
    scrypt(password.normalize('NFC'), salt, keyBytes, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}
