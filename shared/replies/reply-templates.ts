/**
 * The seeded reply templates: what an operator sends most days, with the request's own details
 * filled in. Replies go to citizens, so the text is Chinese whatever the workstation's language;
 * the slot is the template's key after r (r 1, r 2 …).
 */
export interface ReplyTemplate {
  id: string;
  slot: number;
  text: string;
}

export interface TemplateFields {
  citizen: string | null;
  number: string;
  unit: string | null;
}

export const REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  {
    id: 'transferred',
    slot: 1,
    text: '{citizen}您好，您反映的问题（编号 {number}）已转交{unit}办理，请耐心等待答复。',
  },
  { id: 'received', slot: 2, text: '{citizen}您好，您的诉求（编号 {number}）已收到，我们会尽快处理并答复您。' },
  {
    id: 'need-details',
    slot: 3,
    text: '{citizen}您好，为便于办理您的诉求（编号 {number}），请补充具体地址、时间和联系电话。',
  },
  {
    id: 'police',
    slot: 4,
    text: '{citizen}您好，如遇紧急情况请立即拨打 110 报警。您的诉求（编号 {number}）已转交{unit}跟进。',
  },
  { id: 'thanks', slot: 5, text: '{citizen}您好，感谢您的建议（编号 {number}），我们已转{unit}研究参考。' },
];

export function templateById(id: string | null): ReplyTemplate | null {
  return REPLY_TEMPLATES.find((template) => template.id === id) ?? null;
}

/** The template with the request's details in place; a missing name or unit reads naturally. */
export function fillTemplate(template: ReplyTemplate, fields: TemplateFields): string {
  const values: Record<string, string> = {
    citizen: fields.citizen ?? '市民朋友',
    number: fields.number,
    unit: fields.unit ?? '相关部门',
  };
  return template.text.replace(/\{(citizen|number|unit)\}/g, (_whole, name: string) => values[name]!);
}

/** What came back from a unit that the operator passes on to the citizen (docs/triage.md). */
export type RelayKind = 'answered' | 'progress' | 'extension';

/** How each is passed on: the unit's text wrapped in the centre's words, editable before it goes (r r). */
const RELAY_TEXT: Record<RelayKind, string> = {
  answered: '您反映的问题（编号 {number}），经{unit}核实：{text}',
  progress: '您反映的问题（编号 {number}）正由{unit}办理，目前进展：{text}',
  extension: '您反映的问题（编号 {number}）情况较复杂，{unit}需要更多时间办理：{text}',
};

export function relayText(kind: RelayKind, fields: { number: string; unit: string | null; text: string }): string {
  const values: Record<string, string> = { number: fields.number, unit: fields.unit ?? '相关部门', text: fields.text };
  return RELAY_TEXT[kind].replace(/\{(number|unit|text)\}/g, (_whole, name: string) => values[name]!);
}
