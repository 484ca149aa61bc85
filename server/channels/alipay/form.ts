import { alipayCharset, decodeStrict, type AlipayCharset } from './charset';

/** The body is not a form we can read. The message never quotes what was sent. */
export class AlipayFormError extends Error {
  override readonly name = 'AlipayFormError';
}

export interface AlipayForm {
  /** Each parameter once, decoded in the form's charset. */
  params: Readonly<Record<string, string>>;
  charset: AlipayCharset;
}

/**
 * Reads an application/x-www-form-urlencoded body whose percent-escapes are bytes in the charset
 * the form's own `charset` parameter names (GBK, usually). URLSearchParams would assume UTF-8, so
 * the escapes are turned into bytes first, the charset is read from those (its name is ASCII),
 * and then every name and value is decoded in it.
 */
export function parseAlipayForm(body: Buffer): AlipayForm {
  const pairs = body
    .toString('latin1')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [bytes(pair), Buffer.alloc(0)] : [bytes(pair.slice(0, eq)), bytes(pair.slice(eq + 1))];
    });
  const charsetParam = pairs.find(([name]) => name!.toString('latin1') === 'charset');
  const charset = alipayCharset(charsetParam?.[1]!.toString('latin1'));
  const params: Record<string, string> = Object.create(null);
  for (const [name, value] of pairs) {
    const key = decodeStrict(name!, charset);
    if (key in params) throw new AlipayFormError(`parameter repeated: ${key.slice(0, 20).replace(/[^\w.-]/g, '?')}`);
    params[key] = decodeStrict(value!, charset);
  }
  return { params, charset };
}

/** Percent-escapes and '+' to the bytes they stand for; latin1 keeps every other byte as it came. */
function bytes(text: string): Buffer {
  const raw = text.replaceAll('+', ' ');
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) throw new AlipayFormError('malformed percent-escape');
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '%') {
      out.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(raw.charCodeAt(i));
    }
  }
  return Buffer.from(out);
}
