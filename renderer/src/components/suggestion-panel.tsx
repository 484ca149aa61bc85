import type { LocalRequest, RequestContext } from '../../../shared/api/workstation-api';
import { useT } from '../i18n/use-t';
import { categoryPath, useDirectory } from '../store/directory-store';
import { useTemplates } from '../store/templates-store';
import { useTriage } from '../store/triage-store';
import { planFor } from '../triage/plan';

/** What Enter will do: category, unit and reply, each as suggested or as the operator changed it. */
export function SuggestionPanel({ request, context }: { request: LocalRequest; context: RequestContext | null }) {
  const t = useT();
  const draft = useTriage((s) => s.drafts.get(request.id));
  const categoriesById = useDirectory((s) => s.categoriesById);
  const unitsById = useDirectory((s) => s.unitsById);
  const templates = useTemplates((s) => s.templates);
  const plan = planFor(request, context, draft ?? {}, (id) => unitsById.get(id)?.name ?? null, templates);
  const confidence = (kind: 'category' | 'unit', id: string | null) => {
    const choice = context?.suggestion[kind].find((c) => c.id === id);
    return choice ? `${Math.round(choice.confidence * 100)}%` : null;
  };
  const changed = (field: 'categoryId' | 'unitId' | 'templateId') => draft !== undefined && draft[field] !== undefined;
  const unset = <span className="muted">{t('detail.unset')}</span>;
  /** Too unsure to pre-fill: say so, with the best guess one key away. */
  const unsure = (kind: 'category' | 'unit', name: (id: string) => string) => {
    const best = context?.suggestion.lowConfidence[kind] ? context.suggestion[kind][0] : undefined;
    if (!best) return unset;
    return (
      <span className="muted" data-testid={`unsure-${kind}`}>
        {t('suggestion.unsure', { guess: name(best.id), confidence: `${Math.round(best.confidence * 100)}%` })}
      </span>
    );
  };

  return (
    <section
      className="suggestion"
      data-testid="suggestion"
      data-ready={context ? 'true' : 'false'}
      data-source={context?.suggestion.source}
    >
      <h3 className="section-title">
        {t('suggestion.title')} <kbd>Enter</kbd>
      </h3>
      <dl className="suggestion-fields">
        <dt>{t('detail.category')}</dt>
        <dd
          data-testid="suggested-category"
          data-value={plan.categoryId ?? ''}
          data-changed={changed('categoryId') || undefined}
        >
          {plan.categoryId
            ? categoryPath(categoriesById, plan.categoryId)
            : unsure('category', (id) => categoryPath(categoriesById, id))}
          {!changed('categoryId') && confidence('category', plan.categoryId) && (
            <span className="confidence">{confidence('category', plan.categoryId)}</span>
          )}
        </dd>
        <dt>{t('detail.unit')}</dt>
        <dd data-testid="suggested-unit" data-value={plan.unitId ?? ''} data-changed={changed('unitId') || undefined}>
          {plan.unitId
            ? (unitsById.get(plan.unitId)?.name ?? plan.unitId)
            : unsure('unit', (id) => unitsById.get(id)?.name ?? id)}
          {!changed('unitId') && confidence('unit', plan.unitId) && (
            <span className="confidence">{confidence('unit', plan.unitId)}</span>
          )}
        </dd>
        <dt>{t('suggestion.reply')}</dt>
        <dd data-testid="suggested-reply" data-template={plan.templateId ?? ''}>
          {plan.replyText ? (
            <span className="suggestion-reply">{plan.replyText}</span>
          ) : (
            <span className="muted">{t('suggestion.noReply')}</span>
          )}
        </dd>
      </dl>
      <div className="muted small">{t('suggestion.hint')}</div>
    </section>
  );
}
