/**
 * Base64 of raw bytes without Buffer or btoa, so model files encode the same in Node and the browser.
 * Works on char codes through lookup tables: a model's megabytes decode in milliseconds.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODE = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const VALUE = new Int8Array(128).fill(-1);
CODE.forEach((code, i) => (VALUE[code] = i));
const PAD = '='.charCodeAt(0);

export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let at = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[at++] = CODE[(n >> 18) & 63]!;
    out[at++] = CODE[(n >> 12) & 63]!;
    out[at++] = i + 1 < bytes.length ? CODE[(n >> 6) & 63]! : PAD;
    out[at++] = i + 2 < bytes.length ? CODE[n & 63]! : PAD;
  }
  return new TextDecoder('latin1').decode(out);
}

export function base64ToBytes(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === PAD) end--;
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? VALUE[code]! : -1;
    if (v < 0) throw new Error(`not base64: ${JSON.stringify(text[i])}`);
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
