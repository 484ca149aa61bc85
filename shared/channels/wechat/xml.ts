/** The child elements of a WeChat `<xml>` root, each as its exact text. */
export type WechatFields = Readonly<Record<string, string>>;

/** The body is not a WeChat XML document we accept. The message never names citizen text. */
export class WechatXmlError extends Error {
  override readonly name = 'WechatXmlError';
}

// WeChat's bodies are one flat <xml> element of text fields, so a strict reader of exactly that
// shape is all that is needed: a general parser plus a validator cost more than the rest of a
// delivery. Every scan below is an indexOf or a sticky regex without nested quantifiers: linear.
const NAME = /[A-Za-z_][A-Za-z0-9_.-]{0,63}/y;
const SPACES = /[ \t\r\n]*/y;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/iy;
/** Names that would reach an object's prototype machinery if a consumer ever indexed with them. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

const malformed = (what: string) => new WechatXmlError(`malformed XML: ${what}`);

/**
 * Parses a WeChat push body and returns the fields of its `<xml>` root. Accepts what WeChat sends:
 * an optional XML declaration, comments and processing instructions between elements, and fields
 * of text and CDATA (text trimmed and its character references decoded, CDATA kept as is).
 * Refuses DOCTYPE and entity declarations (no entity beyond XML's five can be named), anything
 * not well-formed, attributes, a root other than `<xml>`, and fields that repeat or nest (WeChat
 * sends neither).
 */
export function parseWechatXml(body: string): WechatFields {
  // XML reads every line end as \n, CDATA included; &#13; still yields \r, being decoded after.
  const reader = new FlatXmlReader(body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body);
  reader.skipMisc();
  const root = reader.openTag();
  if (root.name !== 'xml') throw new WechatXmlError('the document root must be a single <xml> element');
  const fields = new Map<string, string>();
  if (!root.empty) {
    for (reader.skipMisc(); !reader.startsWith('</'); reader.skipMisc()) {
      if (reader.atEnd()) throw malformed('unclosed <xml>');
      if (!reader.startsWith('<') || reader.startsWith('<![CDATA['))
        throw new WechatXmlError('the <xml> root must not contain loose text');
      const field = reader.openTag();
      if (RESERVED.has(field.name) || fields.has(field.name))
        throw new WechatXmlError(`field <${field.name}> must appear once and hold only text`);
      fields.set(field.name, field.empty ? '' : reader.textUntilClose(field.name));
    }
    reader.closeTag('xml');
  }
  reader.skipMisc();
  if (!reader.atEnd())
    throw reader.startsWith('<')
      ? new WechatXmlError('the document root must be a single <xml> element')
      : malformed('text after the root');
  return Object.fromEntries(fields);
}

class FlatXmlReader {
  /** Past the byte-order mark, if any: where the XML declaration may stand. */
  private readonly start: number;
  private at: number;

  constructor(private readonly text: string) {
    this.start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.at = this.start;
  }

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.at);
  }

  /** Skips whitespace, comments and processing instructions (the XML declaration among them). */
  skipMisc(): void {
    for (;;) {
      this.at = matchEnd(SPACES, this.text, this.at)!;
      if (this.startsWith('<!--')) this.skipPast('<!--', '-->', 'comment');
      else if (this.startsWith('<?xml') && this.at > this.start) throw malformed('an XML declaration after the start');
      else if (this.startsWith('<?')) this.skipPast('<?', '?>', 'processing instruction');
      else if (this.startsWith('<!') && !this.startsWith('<![CDATA[')) throw this.declarationError();
      else return;
    }
  }

  /** `<name>` or `<name/>`, with optional whitespace before the end and no attributes. */
  openTag(): { name: string; empty: boolean } {
    if (!this.startsWith('<')) throw malformed(this.atEnd() ? 'no element' : 'text where an element was expected');
    const name = this.name(this.at + 1);
    this.at = matchEnd(SPACES, this.text, this.at + 1 + name.length)!;
    if (this.startsWith('>')) {
      this.at += 1;
      return { name, empty: false };
    }
    if (this.startsWith('/>')) {
      this.at += 2;
      return { name, empty: true };
    }
    throw malformed(`unexpected character in <${name}>`);
  }

  closeTag(name: string): void {
    const closing = this.startsWith('</') ? this.name(this.at + 2, true) : null;
    const end = closing === name ? matchEnd(SPACES, this.text, this.at + 2 + name.length)! : -1;
    if (end < 0 || this.text[end] !== '>') throw malformed(`expected </${name}>`);
    this.at = end + 1;
  }

  /** A field's content up to and including its closing tag: text (trimmed, references decoded) and CDATA (exact). */
  textUntilClose(name: string): string {
    let value = '';
    for (;;) {
      const lt = this.text.indexOf('<', this.at);
      if (lt < 0) throw malformed(`unclosed <${name}>`);
      value += decodeReferences(this.text.slice(this.at, lt).trim());
      this.at = lt;
      if (this.startsWith('<![CDATA[')) {
        const end = this.text.indexOf(']]>', lt + 9);
        if (end < 0) throw malformed('unterminated CDATA');
        value += this.text.slice(lt + 9, end);
        this.at = end + 3;
      } else if (this.startsWith('<!--')) {
        this.skipPast('<!--', '-->', 'comment');
      } else if (this.startsWith('</')) {
        this.closeTag(name);
        return value;
      } else if (this.startsWith('<!')) {
        throw this.declarationError();
      } else {
        throw new WechatXmlError(`field <${name}> must appear once and hold only text`);
      }
    }
  }

  private name(from: number, closing = false): string {
    NAME.lastIndex = from;
    const match = NAME.exec(this.text);
    if (!match) throw malformed(closing ? 'a closing tag without a name' : 'a tag without a valid name');
    const next = this.text[from + match[0].length];
    // A longer name than NAME allows, or a character no tag name has.
    if (next !== '>' && next !== '/' && next !== ' ' && next !== '\t' && next !== '\r' && next !== '\n')
      throw malformed('a tag with an invalid name');
    return match[0];
  }

  private skipPast(start: string, end: string, what: string): void {
    const found = this.text.indexOf(end, this.at + start.length);
    if (found < 0) throw malformed(`unterminated ${what}`);
    this.at = found + end.length;
  }

  /** `<!` that opens neither a comment nor CDATA: a declaration, the door to entity expansion and XXE. */
  private declarationError(): WechatXmlError {
    DECLARATION.lastIndex = this.at;
    return DECLARATION.test(this.text)
      ? new WechatXmlError('DOCTYPE or ENTITY declarations are not accepted')
      : malformed('an unexpected <!');
  }
}

/** The index just past a sticky match at `from`, or null when it does not match there. */
function matchEnd(pattern: RegExp, text: string, from: number): number | null {
  pattern.lastIndex = from;
  return pattern.test(text) ? pattern.lastIndex : null;
}

/** Decodes XML's five predefined entities and character references; any other `&` is malformed. */
function decodeReferences(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let decoded = '';
  let from = 0;
  while (amp >= 0) {
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(text);
    if (!match) throw malformed('a stray & or an unknown entity');
    const [whole, named, decimal, hex] = match;
    decoded +=
      text.slice(from, amp) +
      (named !== undefined
        ? PREDEFINED[named]!
        : character(decimal !== undefined ? Number(decimal) : parseInt(hex!, 16)));
    from = amp + whole.length;
    amp = text.indexOf('&', from);
  }
  return decoded + text.slice(from);
}

/** A character reference must name a character XML allows: not NUL, not a surrogate, within Unicode. */
function character(code: number): string {
  if (code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)
    throw malformed('a character reference to no character');
  return String.fromCodePoint(code);
}

/** Fields WeChat writes as bare numbers; everything else goes in CDATA. */
const NUMERIC_FIELDS = new Set([
  'CreateTime',
  'MsgId',
  'Location_X',
  'Location_Y',
  'Scale',
  'Latitude',
  'Longitude',
  'Precision',
  'TimeStamp',
]);

/** Serialises fields as WeChat does: `<xml>` with each string value in CDATA. Used by the simulator and tests. */
export function buildWechatXml(fields: WechatFields): string {
  const parts = Object.entries(fields).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new WechatXmlError(`invalid field name: ${name}`);
    const text = NUMERIC_FIELDS.has(name) && /^-?\d+(\.\d+)?$/.test(value) ? value : cdata(value);
    return `<${name}>${text}</${name}>`;
  });
  return `<xml>${parts.join('')}</xml>`;
}

/** A CDATA section cannot contain `]]>`, so that sequence is split across two sections. */
function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
