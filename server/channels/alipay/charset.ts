import iconv from 'iconv-lite';

/** The charsets Alipay posts in. GB2312 is read as GBK, its superset. */
export type AlipayCharset = 'utf-8' | 'gbk' | 'gb18030';

const NAMES: Readonly<Record<string, AlipayCharset>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
};

/** A body in a charset we do not take, or bytes that are not valid in the declared one. */
export class AlipayCharsetError extends Error {
  override readonly name = 'AlipayCharsetError';
}

/** The charset a `charset` parameter names; Alipay's default when absent is GBK (its historical encoding). */
export function alipayCharset(name: string | undefined): AlipayCharset {
  if (name === undefined) return 'gbk';
  const charset = NAMES[name.trim().toLowerCase()];
  if (!charset) throw new AlipayCharsetError(`unsupported charset: ${name.slice(0, 20).replace(/[^\w.-]/g, '?')}`);
  return charset;
}

/**
 * Decodes strictly: the text must encode back to exactly the same bytes, so bytes that are not
 * valid in the charset are refused, not replaced. (UTF-8 mostly decodes as some GBK text; that
 * mislabelling is caught by the signature, which was made over the real text.)
 */
export function decodeStrict(bytes: Buffer, charset: AlipayCharset): string {
  const text = iconv.decode(bytes, charset);
  if (!iconv.encode(text, charset).equals(bytes))
    throw new AlipayCharsetError(`body is not valid ${charset.toUpperCase()}`);
  return text;
}

export function encodeIn(text: string, charset: AlipayCharset): Buffer {
  return iconv.encode(text, charset);
}
