import type { LocalRequest, RequestContext, Suggestion } from '../../../shared/api/workstation-api';
import type { DecisionAction } from '../../../shared/model';
import type { Request } from '../../../shared/model';
import { unitNews } from '../../../shared/queue/unit-news';
import {
  fillTemplate,
  relayText,
  templateById,
  type RelayKind,
  type ReplyTemplate,
} from '../../../shared/replies/reply-templates';

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
  /** Passing on what the unit sent back instead: its answer (then closing), progress note or extension request. */
  relay: RelayKind | null;
}

/** What the unit sent back that Enter passes on to the citizen, with its text; null when there is none. */
export function relayOf(request: Request): { kind: RelayKind; text: string } | null {
  const news = unitNews(request);
  if (news === 'answered' && request.unitAnswer !== null) return { kind: news, text: request.unitAnswer };
  if (news === 'progress' && request.unitProgress) return { kind: news, text: request.unitProgress.text };
  if (news === 'extension' && request.extensionRequest) return { kind: news, text: request.extensionRequest.reason };
  return null;
}

/** The unit's text in the centre's words, as the citizen will read it (before the operator's edits). */
export function relayDraft(
  request: Request,
  unitName: (id: string) => string | null,
  templates: readonly ReplyTemplate[],
): string | null {
  const relay = relayOf(request);
  if (!relay) return null;
  const unit = request.unitId ? unitName(request.unitId) : null;
  return relayText(relay.kind, { number: request.number, unit, text: relay.text }, templates);
}

export function planFor(
  request: LocalRequest,
  context: RequestContext | null,
  draft: Draft,
  unitName: (id: string) => string | null,
  /** The centre's templates, in its order. */
  templates: readonly ReplyTemplate[],
): Plan {
  const relay = relayOf(request);
  if (relay) {
    const replyText = pick(draft.replyText, relayDraft(request, unitName, templates));
    return { categoryId: request.categoryId, unitId: request.unitId, templateId: null, replyText, relay: relay.kind };
  }
  const suggestion = context?.suggestion;
  const categoryId = pick(draft.categoryId, request.categoryId ?? prefilled(suggestion, 'category'));
  const unitId = pick(draft.unitId, request.unitId ?? prefilled(suggestion, 'unit'));
  // The template follows the unit: with no unit to name, the plain acknowledgement.
  const suggestedTemplate = suggestion ? (unitId ? suggestion.templateId : 'received') : null;
  const templateId = pick(draft.templateId, suggestedTemplate);
  const template = templateById(templates, templateId);
  const filled = template
    ? fillTemplate(template.text, {
        citizen: request.citizen.name,
        number: request.number,
        unit: unitId ? unitName(unitId) : null,
        deadline: request.deadlines.unitDueAt ?? request.deadlines.answerDueAt,
        answer: request.unitAnswer,
      })
    : null;
  return { categoryId, unitId, templateId, replyText: draft.replyText ?? filled, relay: null };
}

/** The decisions that carry out a plan, leaving out what the request already has. */
export function planActions(request: LocalRequest, plan: Plan): DecisionAction[] {
  const actions: DecisionAction[] = [];
  if (plan.relay) {
    // The unit's answer passed on closes the request; a progress note or extension leaves it with the unit.
    if (plan.replyText) actions.push({ kind: 'reply', text: plan.replyText.slice(0, 2000) });
    if (plan.relay === 'answered') actions.push({ kind: 'close' });
    return actions;
  }
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
