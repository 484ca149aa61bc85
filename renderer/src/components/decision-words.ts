import type { DecisionStamp, Request } from '../../../shared/model';
import { decisionLabel } from '../i18n/decision-label';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { categoryPath, useDirectory } from '../store/directory-store';

/** What a decision did, as far as it is known: a full Decision fits, and so does a stamp's bare kind. */
export interface DecisionGist {
  kind: string;
  unitId?: string | null;
  categoryId?: string | null;
  text?: string;
  intoRequestId?: string;
}

/**
 * What a stamped decision did. The stamp names only the kind; while it is still the request's latest
 * decision, the request's unit or category is where that transfer or classification put it.
 */
export function stampedGist(stamp: DecisionStamp, request: Request | null): DecisionGist {
  if (!request || request.lastDecision?.decisionId !== stamp.decisionId) return { kind: stamp.kind };
  if (stamp.kind === 'transfer') return { kind: stamp.kind, unitId: request.unitId };
  if (stamp.kind === 'classify') return { kind: stamp.kind, categoryId: request.categoryId };
  return { kind: stamp.kind };
}

/** A decision in the operator's words: what, and where to (the unit, the category, the text), e.g. 转派至 市公安局. */
export function useDecisionWords(): (decision: DecisionGist) => string {
  const t = useT();
  const unitsById = useDirectory((s) => s.unitsById);
  const categoriesById = useDirectory((s) => s.categoriesById);
  return (decision) =>
    describeDecision(
      decision,
      t,
      (id) => unitsById.get(id)?.name ?? id,
      (id) => categoryPath(categoriesById, id),
    );
}

function describeDecision(
  decision: DecisionGist,
  t: Translate,
  unitName: (id: string) => string,
  categoryName: (id: string) => string,
): string {
  const what = decisionLabel(t, decision.kind);
  if (decision.kind === 'transfer' && decision.unitId)
    return t('decision.transferTo', { unit: unitName(decision.unitId) });
  if (decision.kind === 'classify' && decision.categoryId)
    return t('decision.classifyAs', { category: categoryName(decision.categoryId) });
  if (decision.kind === 'merge' && decision.intoRequestId)
    return t('decision.mergeInto', { id: decision.intoRequestId });
  if ((decision.kind === 'reply' || decision.kind === 'note') && decision.text)
    return t('decision.withText', { what, text: decision.text });
  return what;
}
