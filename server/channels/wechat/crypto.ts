import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A safe-mode ciphertext that cannot be ours: bad base64, bad padding, bad length or another AppID. */
export class WechatCryptoError extends Error {
  override readonly name = 'WechatCryptoError';
}

/** WeChat pads to 32-byte blocks (PKCS#7 with K = 32), not AES's 16, so Node's padding is off. */
const PAD_BLOCK = 32;
const AES_BLOCK = 16;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface WechatCipher {
  /** Encrypts one XML message as WeChat does, returning the base64 `Encrypt` text. `random` is for fixed test vectors. */
  encrypt(message: string, random?: Buffer): string;
  /** Decrypts an `Encrypt` text and returns the XML message, after checking it was made for this AppID. */
  decrypt(encrypted: string): string;
}

/**
 * WXBizMsgCrypt: AES-256-CBC with key = base64(EncodingAESKey + '='), IV = the key's first 16 bytes,
 * over random(16) ‖ uint32be(len) ‖ message ‖ AppID.
 */
export function createWechatCipher(encodingAesKey: string, appId: string): WechatCipher {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey))
    throw new WechatCryptoError('EncodingAESKey must be 43 letters and digits');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const iv = key.subarray(0, 16);
  const appIdBytes = Buffer.from(appId, 'utf8');

  return {
    encrypt(message, random = randomBytes(RANDOM_BYTES)) {
      if (random.length !== RANDOM_BYTES)
        throw new WechatCryptoError(`the random prefix must be ${RANDOM_BYTES} bytes`);
      const body = Buffer.from(message, 'utf8');
      const length = Buffer.alloc(LENGTH_BYTES);
      length.writeUInt32BE(body.length);
      const plain = pad(Buffer.concat([random, length, body, appIdBytes]));
      const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
    },

    decrypt(encrypted) {
      if (!BASE64.test(encrypted)) throw new WechatCryptoError('ciphertext is not base64');
      const data = Buffer.from(encrypted, 'base64');
      if (data.length === 0 || data.length % AES_BLOCK !== 0)
        throw new WechatCryptoError('ciphertext length is not a multiple of the AES block');
      const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      const plain = unpad(Buffer.concat([decipher.update(data), decipher.final()]));
      if (plain.length < RANDOM_BYTES + LENGTH_BYTES) throw new WechatCryptoError('plaintext too short');
      const length = plain.readUInt32BE(RANDOM_BYTES);
      const start = RANDOM_BYTES + LENGTH_BYTES;
      if (length > plain.length - start) throw new WechatCryptoError('message length exceeds the plaintext');
      const receivedAppId = plain.subarray(start + length);
      if (!receivedAppId.equals(appIdBytes)) throw new WechatCryptoError('ciphertext was made for another AppID');
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(plain.subarray(start, start + length));
      } catch {
        throw new WechatCryptoError('message is not valid UTF-8');
      }
    },
  };
}

function pad(data: Buffer): Buffer {
  const n = PAD_BLOCK - (data.length % PAD_BLOCK);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

/** Strict PKCS#7: every padding byte must equal the count, so a wrong key or tampering is caught here. */
function unpad(data: Buffer): Buffer {
  const n = data[data.length - 1] ?? 0;
  if (n < 1 || n > PAD_BLOCK || n > data.length) throw new WechatCryptoError('bad padding');
  for (let i = data.length - n; i < data.length; i++) {
    if (data[i] !== n) throw new WechatCryptoError('bad padding');
  }
  return data.subarray(0, data.length - n);
}
