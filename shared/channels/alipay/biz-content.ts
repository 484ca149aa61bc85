import { cdata, parseSafeXml, XmlError } from '../safe-xml';

/**
 * The fields of a life-account `biz_content` `<XML>` document, each as its exact text. Alipay
 * nests one level for some types (`<Text><Content>`); those fields are named with a dot: `Text.Content`.
 */
export type AlipayFields = Readonly<Record<string, string>>;

/** Parses biz_content. Refuses any other root, repeated fields and nesting deeper than one level. */
export function parseAlipayBizContent(xml: string): AlipayFields {
  const doc = parseSafeXml(xml) as Record<string, unknown>;
  const keys = Object.keys(doc);
  if (keys.length !== 1 || keys[0]!.toUpperCase() !== 'XML')
    throw new XmlError('biz_content must be a single <XML> element');
  const fields: [string, string][] = [];
  flatten(doc[keys[0]!], '', fields);
  return Object.fromEntries(fields);
}

function flatten(node: unknown, prefix: string, out: [string, string][]): void {
  // An empty element parses to ''.
  if (node === '') return;
  if (typeof node !== 'object' || node === null || Array.isArray(node))
    throw new XmlError(`<${prefix || 'XML'}> must contain only field elements`);
  for (const [name, value] of Object.entries(node)) {
    if (name === '#text') throw new XmlError(`<${prefix || 'XML'}> must not contain loose text`);
    if (typeof value === 'string') out.push([`${prefix}${name}`, value]);
    else if (prefix === '' && typeof value === 'object' && value !== null && !Array.isArray(value))
      flatten(value, `${name}.`, out);
    else throw new XmlError(`field <${name}> must appear once and hold only text`);
  }
}

/** Serialises fields as Alipay does, a dotted name as one level of nesting. For the simulator and tests. */
export function buildAlipayBizContent(fields: AlipayFields): string {
  const elements = new Map<string, string | Map<string, string>>();
  for (const [name, value] of Object.entries(fields)) {
    if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/.test(name)) throw new XmlError(`invalid field name: ${name}`);
    const [outer, inner] = name.split('.') as [string, string | undefined];
    if (inner === undefined) elements.set(outer, value);
    else {
      const group = elements.get(outer);
      elements.set(outer, (group instanceof Map ? group : new Map<string, string>()).set(inner, value));
    }
  }
  const element = (tag: string, value: string | Map<string, string>): string =>
    `<${tag}>${typeof value === 'string' ? cdata(value) : [...value].map(([t, v]) => element(t, v)).join('')}</${tag}>`;
  return `<XML>${[...elements].map(([tag, value]) => element(tag, value)).join('')}</XML>`;
}
