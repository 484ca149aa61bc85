import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The body is not an XML document we accept. The message never quotes citizen text. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Every value stays a string: ids are 64-bit integers that a JS number would round.
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Numeric character references are decoded as XML requires; DOCTYPE is refused before
  // parsing, so no entity can be declared.
  processEntities: true,
  htmlEntities: true,
});

// Outside CDATA, a DOCTYPE or ENTITY declaration is the door to entity-expansion and XXE attacks.
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

/**
 * Parses a channel's XML into fast-xml-parser's object form, every value a string. Refuses
 * DOCTYPE and ENTITY declarations and anything not well-formed.
 */
export function parseSafeXml(body: string): unknown {
  if (DECLARATION.test(outsideCdata(body))) throw new XmlError('DOCTYPE or ENTITY declarations are not accepted');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new XmlError(`malformed XML: ${brief(valid.err.msg)} (line ${valid.err.line})`);
  try {
    return parser.parse(body);
  } catch (error) {
    throw new XmlError(`malformed XML: ${brief((error as Error).message)}`);
  }
}

/** A CDATA section cannot contain `]]>`, so that sequence is split across two sections. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
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
