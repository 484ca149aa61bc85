import { useMemo, useState } from 'react';
import type { LocalRequest } from '../../../shared/api/workstation-api';
import { useT } from '../i18n/use-t';
import { useRequestSearch } from '../pickers/use-request-search';
import { currentRequest } from '../store/queue-store';
import { useTriage } from '../store/triage-store';
import { useUi } from '../store/ui-store';
import { mergePlan } from '../triage/dispatch';
import { decide } from '../triage/send-decisions';
import { matchToShow } from './duplicate-match';
import { firstLine } from './queue-row';
import { PickerDialog } from './picker-dialog';

const NO_FILTERS = {};

/**
 * m: this request (or each marked one) is a duplicate of another, and is merged into it. Offers
 * the open request it nearly repeats, then the citizen's other requests and similar ones; typing searches by number or text.
 */
export function MergePicker() {
  const t = useT();
  const close = useUi((s) => s.close);
  const request = currentRequest();
  const context = useTriage((s) => (request ? s.contexts.get(request.id) : undefined));
  const [query, setQuery] = useState('');
  const found = useRequestSearch(query, NO_FILTERS, query.trim() !== '');
  const candidates = useMemo(() => {
    // The open request this one repeats comes first, so Enter merges into it.
    const repeated = matchToShow(context?.duplicates)?.request;
    const offered =
      query.trim() === ''
        ? [...(repeated ? [repeated] : []), ...(context?.history ?? []), ...(context?.similar ?? [])]
        : found.items;
    const seen = new Set<string>();
    // Merging into itself or into a request already merged away would be refused.
    return offered.filter(
      (r: LocalRequest) => r.id !== request?.id && r.status !== 'merged' && !seen.has(r.id) && seen.add(r.id),
    );
  }, [query, context, found.items, request?.id]);

  return (
    <PickerDialog
      testId="merge-picker"
      inputTestId="merge-input"
      title={t('merge.title')}
      hint={t('merge.hint')}
      query={query}
      onQuery={setQuery}
      onCancel={close}
      onChoose={(intoRequestId) => {
        close();
        decide(mergePlan(intoRequestId));
      }}
      options={candidates.map((r) => ({
        id: r.id,
        label: `${r.number} · ${r.citizen.name ?? t('detail.anonymous')}`,
        detail: firstLine(r.text),
        hint: t(`status.${r.status}`),
      }))}
    />
  );
}
