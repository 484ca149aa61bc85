import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The child elements of a WeChat `<xml>` root, each as its exact text. */
export type WechatFields = Readonly<Record<string, string>>;

/** The body is not a WeChat XML document we accept. The message never names citizen text. */
export class WechatXmlError extends Error {
  override readonly name = 'WechatXmlError';
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Every value stays a string: MsgId is a 64-bit integer that a JS number would round.
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Decodes numeric character references as XML requires; DOCTYPE is refused before parsing,
  // so no entity can be declared.
  processEntities: true,
  htmlEntities: true,
});

// Outside CDATA, a DOCTYPE or ENTITY declaration is the door to entity-expansion and XXE attacks.
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

/**
 * Parses a WeChat push body and returns the fields of its `<xml>` root. Refuses documents with a
 * DOCTYPE or entity declaration, anything not well-formed, a root other than `<xml>`, and fields
 * that repeat or nest (WeChat sends neither).
 */
export function parseWechatXml(body: string): WechatFields {
  if (DECLARATION.test(outsideCdata(body))) throw new WechatXmlError('DOCTYPE or ENTITY declarations are not accepted');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new WechatXmlError(`malformed XML: ${brief(valid.err.msg)} (line ${valid.err.line})`);
  let doc: unknown;
  try {
    doc = parser.parse(body);
  } catch (error) {
    throw new WechatXmlError(`malformed XML: ${brief((error as Error).message)}`);
  }
  const keys = Object.keys(doc as object);
  if (keys.length !== 1 || keys[0] !== 'xml') throw new WechatXmlError('the document root must be a single <xml> element');
  const root = (doc as { xml: unknown }).xml;
  // `<xml></xml>` parses to '' — no fields; an array means several <xml> roots.
  if (root === '') return {};
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new WechatXmlError('the <xml> root must contain only field elements');
  }
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(root)) {
    if (name === '#text') throw new WechatXmlError('the <xml> root must not contain loose text');
    if (typeof value !== 'string') throw new WechatXmlError(`field <${name}> must appear once and hold only text`);
    fields.push([name, value]);
  }
  return Object.fromEntries(fields);
}

/** The text outside CDATA sections, found in one linear pass (a regex could be made to backtrack). */
function outsideCdata(body: string): string {
  let outside = '';
  let from = 0;
  for (;;) {
    const start = body.indexOf('<![CDATA[', from);
    if (start < 0) return outside + body.slice(from);
    outside += body.slice(from, start);
    const end = body.indexOf(']]>', start + 9);
    // Unterminated: the validator refuses the document anyway.
    if (end < 0) return outside;
    from = end + 3;
  }
}

/** Parser messages quote the input; they go to logs and answers, so only their start is kept. */
function brief(message: string): string {
  return message.length > 80 ? `${message.slice(0, 80)}…` : message;
}

/** Fields WeChat writes as bare numbers; everything else goes in CDATA. */
const NUMERIC_FIELDS = new Set(['CreateTime', 'MsgId', 'Location_X', 'Location_Y', 'Scale', 'Latitude', 'Longitude', 'Precision', 'TimeStamp']);

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
