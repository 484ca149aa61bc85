/**
 * How the server's session tokens are kept in the cache file: sealed by the OS keychain where the shell
 * has one (Electron's safeStorage: DPAPI, Keychain, libsecret), so a copied cache file signs no one in;
 * otherwise as they are, in the private folder (0600). A token sealed on another computer or by a
 * keychain that is gone opens as null: its operator signs in again, nothing else is lost.
 */
export interface TokenSeal {
  seal(token: string): string;
  open(stored: string): string | null;
}

/** What Electron's safeStorage offers, without importing Electron here. */
export interface Keychain {
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}

const SEALED = 'sealed:';

export function keychainSeal(keychain: Keychain): TokenSeal {
  return {
    seal: (token) => SEALED + keychain.encryptString(token).toString('base64'),
    open(stored) {
      if (!stored.startsWith(SEALED)) return stored; // kept before the keychain was there
      try {
        return keychain.decryptString(Buffer.from(stored.slice(SEALED.length), 'base64'));
      } catch {
        return null;
      }
    },
  };
}

export const NO_SEAL: TokenSeal = {
  seal: (token) => token,
  open: (stored) => (stored.startsWith(SEALED) ? null : stored),
};
