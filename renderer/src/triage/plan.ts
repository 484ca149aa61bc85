import type { LocalRequest, RequestContext, Suggestion } from '../../../shared/api/workstation-api';
import type { DecisionAction } from '../../../shared/model';
import { fillTemplate, templateById } from '../../../shared/replies/reply-templates';

/** What the operator changed of the suggestion; an absent field keeps the suggestion, null clears it. */
export interface Draft {
  categoryId?: string | null;
  unitId?: string | null;
  templateId?: string | null;
  /** Reply text typed by hand, instead of the template's. */
  replyText?: string | null;
}

/** The suggestion with the operator's changes: what one key (Enter) will do. */
export interface Plan {
  categoryId: string | null;
  unitId: string | null;
  templateId: string | null;
  replyText: string | null;
}

export function planFor(
  request: LocalRequest,
  context: RequestContext | null,
  draft: Draft,
  unitName: (id: string) => string | null,
): Plan {
  const suggestion = context?.suggestion;
  const categoryId = pick(draft.categoryId, request.categoryId ?? prefilled(suggestion, 'category'));
  const unitId = pick(draft.unitId, request.unitId ?? prefilled(suggestion, 'unit'));
  // The template follows the unit: with no unit to name, the plain acknowledgement.
  const suggestedTemplate = suggestion ? (unitId ? suggestion.templateId : 'received') : null;
  const templateId = pick(draft.templateId, suggestedTemplate);
  const template = templateById(templateId);
  const filled = template
    ? fillTemplate(template, {
        citizen: request.citizen.name,
        number: request.number,
        unit: unitId ? unitName(unitId) : null,
      })
    : null;
  return { categoryId, unitId, templateId, replyText: draft.replyText ?? filled };
}

/** The decisions that carry out a plan, leaving out what the request already has. */
export function planActions(request: LocalRequest, plan: Plan): DecisionAction[] {
  const actions: DecisionAction[] = [];
  if (request.status === 'new') actions.push({ kind: 'accept' });
  if (plan.categoryId && plan.categoryId !== request.categoryId)
    actions.push({ kind: 'classify', categoryId: plan.categoryId });
  if (plan.unitId && plan.unitId !== request.unitId)
    actions.push({ kind: 'transfer', unitId: plan.unitId, note: null });
  if (plan.replyText) actions.push({ kind: 'reply', text: plan.replyText.slice(0, 2000) });
  return actions;
}

/** The best guess, unless the host found it too unsure to pre-fill (the panel then says so). */
function prefilled(suggestion: Suggestion | undefined, kind: 'category' | 'unit'): string | null {
  if (!suggestion || suggestion.lowConfidence[kind]) return null;
  return suggestion[kind][0]?.id ?? null;
}

function pick<T>(changed: T | undefined, otherwise: T): T {
  return changed === undefined ? otherwise : changed;
}
