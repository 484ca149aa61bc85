import { z } from 'zod';
import { toBeijingIso } from '../deadline/beijing-time';

/**
 * The centre's reply templates (docs/templates.md): kept on the server, edited by administrators, pulled by
 * every workstation like the directory and held in its cache for offline work. Their order is the centre's:
 * the first nine are r 1 … r 9. Replies go to citizens, so the text is Chinese whatever the workstation's
 * language. A template's text names the request's details as fields, filled in when it is used.
 */
export const TEMPLATE_FIELDS = ['citizen', 'number', 'unit', 'deadline', 'answer'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** How the fields are written in a template: {citizen} {number} {unit} {deadline} {answer}. */
export const FIELD_LIST = TEMPLATE_FIELDS.map((field) => `{${field}}`).join(' ');

/** The most templates a centre keeps; only the first nine have keys. */
const MAX_TEMPLATES = 50;
/** What a reply decision carries at most; the channels' own limits are shorter (channel-limits.ts). */
export const MAX_TEMPLATE_TEXT = 2000;

/**
 * The ways a template's text can be wrong, each said in words an administrator can act on: a field that
 * does not exist (a typo such as {citzen}) or a brace left open or alone. Empty when it is right.
 */
export function templateTextProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [, name] of text.matchAll(/\{([^{}]*)\}/g)) {
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(name!))
      problems.push(`unknown field {${name}}: the fields are ${FIELD_LIST}`);
  }
  if (/[{}]/.test(text.replace(/\{[^{}]*\}/g, '')))
    problems.push(`a lone { or }: write a field as ${FIELD_LIST.split(' ')[0]}`);
  return problems;
}

export const TemplateText = z
  .string()
  .trim()
  .min(1, 'a template needs text')
  .max(MAX_TEMPLATE_TEXT)
  .superRefine((text, ctx) => {
    for (const message of templateTextProblems(text)) ctx.addIssue({ code: 'custom', message });
  });

export const ReplyTemplate = z.object({
  /** Stable: suggestions name a template by it ('transferred', 'received'), and the relay by RELAY_TEMPLATE_ID. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an id of lower-case letters, digits and dashes, at most 40 characters'),
  /** A few words for the key list and the admin screen, e.g. 已转办. */
  name: z.string().trim().min(1).max(20),
  text: TemplateText,
});
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;

/** Unit answers are passed on to the citizen wrapped in this template (Enter on 单位已答复); it cannot be removed. */
export const RELAY_TEMPLATE_ID = 'relay-answered';

/** The whole list, in the centre's order, as an administrator saves it. */
export const TemplateList = z
  .array(ReplyTemplate)
  .min(1)
  .max(MAX_TEMPLATES)
  .superRefine((templates, ctx) => {
    const ids = templates.map((template) => template.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) ctx.addIssue({ code: 'custom', message: `two templates have the id ${twice}` });
    if (!ids.includes(RELAY_TEMPLATE_ID))
      ctx.addIssue({ code: 'custom', message: `the relay template ${RELAY_TEMPLATE_ID} cannot be removed` });
  });

/** What workstations pull and cache: the list with the version that changes whenever an administrator saves it. */
export const ReplyTemplates = z.object({ version: z.number().int().nonnegative(), templates: TemplateList });
export type ReplyTemplates = z.infer<typeof ReplyTemplates>;

/** The templates a new centre starts with (the five the workstation had built in, and the relay). */
export const DEFAULT_REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  {
    id: 'transferred',
    name: '已转办',
    text: '{citizen}您好，您反映的问题（编号 {number}）已转交{unit}办理，请耐心等待答复。',
  },
  { id: 'received', name: '已收到', text: '{citizen}您好，您的诉求（编号 {number}）已收到，我们会尽快处理并答复您。' },
  {
    id: 'need-details',
    name: '请补充',
    text: '{citizen}您好，为便于办理您的诉求（编号 {number}），请补充具体地址、时间和联系电话。',
  },
  {
    id: 'police',
    name: '紧急报警',
    text: '{citizen}您好，如遇紧急情况请立即拨打 110 报警。您的诉求（编号 {number}）已转交{unit}跟进。',
  },
  { id: 'thanks', name: '感谢建议', text: '{citizen}您好，感谢您的建议（编号 {number}），我们已转{unit}研究参考。' },
  { id: RELAY_TEMPLATE_ID, name: '转达答复', text: '您反映的问题（编号 {number}），经{unit}核实：{answer}' },
];

/** The first nine templates have keys: r 1 … r 9. */
export const TEMPLATE_KEYS = 9;

/** The template r `slot` chooses (1–9), or null where the centre has fewer. */
export function templateInSlot(templates: readonly ReplyTemplate[], slot: number): ReplyTemplate | null {
  return slot >= 1 && slot <= TEMPLATE_KEYS ? (templates[slot - 1] ?? null) : null;
}

export function templateById(templates: readonly ReplyTemplate[], id: string | null): ReplyTemplate | null {
  return templates.find((template) => template.id === id) ?? null;
}

/** A request's details for the fields; what is missing reads naturally in the reply. */
export interface TemplateFields {
  citizen: string | null;
  number: string;
  unit: string | null;
  /** When the unit (or else the centre) must answer by. */
  deadline?: string | null;
  /** The unit's answer, for the relay. */
  answer?: string | null;
}

/** A due time as citizens read it: 12月5日17:30 (Beijing). */
function deadlineWords(instant: string): string {
  const [, month, day, time] = /^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(toBeijingIso(instant))!;
  return `${Number(month)}月${Number(day)}日${time}`;
}

/** The template's text with the request's details in place. */
export function fillTemplate(text: string, fields: TemplateFields): string {
  const values: Record<TemplateField, string> = {
    citizen: fields.citizen ?? '市民朋友',
    number: fields.number,
    unit: fields.unit ?? '相关部门',
    deadline: fields.deadline ? deadlineWords(fields.deadline) : '规定时限内',
    answer: fields.answer ?? '',
  };
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    name in values ? values[name as TemplateField] : whole,
  );
}

/** What came back from a unit that the operator passes on to the citizen (docs/triage.md). */
export type RelayKind = 'answered' | 'progress' | 'extension';

/**
 * How a unit's progress note or extension request is passed on; its answer goes in the centre's relay
 * template (RELAY_TEMPLATE_ID). Editable before it goes (r r).
 */
const RELAY_TEXT: Record<Exclude<RelayKind, 'answered'>, string> = {
  progress: '您反映的问题（编号 {number}）正由{unit}办理，目前进展：{answer}',
  extension: '您反映的问题（编号 {number}）情况较复杂，{unit}需要更多时间办理：{answer}',
};

export function relayText(
  kind: RelayKind,
  fields: { number: string; unit: string | null; text: string },
  templates: readonly ReplyTemplate[],
): string {
  const wrapper =
    kind === 'answered'
      ? (templateById(templates, RELAY_TEMPLATE_ID) ?? templateById(DEFAULT_REPLY_TEMPLATES, RELAY_TEMPLATE_ID)!).text
      : RELAY_TEXT[kind];
  return fillTemplate(wrapper, { citizen: null, number: fields.number, unit: fields.unit, answer: fields.text });
}

/**
 * The admin API:
 *   GET /api/admin/reply-templates                      → ReplyTemplates
 *   PUT /api/admin/reply-templates  SaveTemplates       → ReplyTemplates (the next version)
 * A list with an unknown field, a duplicate id or without the relay template answers 400 saying which.
 */
export const REPLY_TEMPLATES_PATH = '/api/admin/reply-templates';
export const SaveTemplates = z.object({ templates: TemplateList });
export type SaveTemplates = z.infer<typeof SaveTemplates>;
