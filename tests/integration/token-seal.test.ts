import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainSeal, type Keychain } from '../../electron/host/cache/token-seal';
import { CACHE_FILE_NAME, openWorkstationCache } from '../../electron/host/cache/workstation-cache';

/** Stands in for Electron's safeStorage (not runnable without its binary): a real cipher under a key the OS would hold. */
function keychain(key = randomBytes(32)): Keychain {
  return {
    encryptString(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const OPERATOR = { id: 'op-1', name: 'lina', displayName: '李娜', role: 'operator' as const };
const TOKEN = 'server-session-token-0123456789abcdef';

describe('session tokens in the cache', () => {
  it('are sealed by the keychain: the file does not hold them, and the same keychain opens them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yiwang-seal-'));
    const box = keychain();
    const cache = openWorkstationCache(dir, 'http://127.0.0.1:9', keychainSeal(box));
    cache.session.save({ operator: OPERATOR, token: TOKEN, serverUrl: 'http://127.0.0.1:9' });
    cache.operatorTokens.save(OPERATOR, TOKEN);
    cache.close();

    for (const file of [CACHE_FILE_NAME, `${CACHE_FILE_NAME}-wal`].map((name) => join(dir, name))) {
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(TOKEN))).toBe(false);
    }

    const again = openWorkstationCache(dir, 'http://127.0.0.1:9', keychainSeal(box));
    expect(again.session.get().token).toBe(TOKEN);
    expect(again.operatorTokens.tokenFor(OPERATOR.id)).toBe(TOKEN);
    again.close();
  });

  it('copied to another computer (another keychain, or none) sign no one in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yiwang-seal-'));
    const cache = openWorkstationCache(dir, 'http://127.0.0.1:9', keychainSeal(keychain()));
    cache.session.save({ operator: OPERATOR, token: TOKEN, serverUrl: 'http://127.0.0.1:9' });
    cache.operatorTokens.save(OPERATOR, TOKEN);
    cache.close();

    const elsewhere = openWorkstationCache(dir, 'http://127.0.0.1:9', keychainSeal(keychain()));
    expect(elsewhere.session.get().token).toBeNull();
    expect(elsewhere.operatorTokens.tokenFor(OPERATOR.id)).toBeNull();
    elsewhere.close();
    const noKeychain = openWorkstationCache(dir, 'http://127.0.0.1:9');
    expect(noKeychain.session.get()).toMatchObject({ operator: OPERATOR, token: null });
    noKeychain.close();
  });

  it('kept plainly before the keychain came are still read, and sealed when saved again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yiwang-seal-'));
    const plain = openWorkstationCache(dir, 'http://127.0.0.1:9');
    plain.operatorTokens.save(OPERATOR, TOKEN);
    plain.close();
    const sealed = openWorkstationCache(dir, 'http://127.0.0.1:9', keychainSeal(keychain()));
    expect(sealed.operatorTokens.tokenFor(OPERATOR.id)).toBe(TOKEN);
    sealed.close();
  });
});
