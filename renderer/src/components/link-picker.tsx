import { useMemo, useState } from 'react';
import type { LocalRequest } from '../../../shared/api/workstation-api';
import { isSameCitizen } from '../../../shared/model';
import { useT } from '../i18n/use-t';
import { useRequestSearch } from '../pickers/use-request-search';
import { currentRequest } from '../store/queue-store';
import { useTriage } from '../store/triage-store';
import { useUi } from '../store/ui-store';
import { linkPlan } from '../triage/dispatch';
import { decide } from '../triage/send-decisions';
import { firstLine } from './queue-row';
import { PickerDialog } from './picker-dialog';

const NO_FILTERS = {};

/**
 * l: the request's citizen is the same person who wrote another request (on another channel): their
 * two channel identities are linked as one citizen. Offers the open requests worded like this one
 * from other citizens first; typing searches by text, number or channel identity (weibo:123…).
 * One option per identity, since that is what gets linked.
 */
export function LinkPicker() {
  const t = useT();
  const close = useUi((s) => s.close);
  const request = currentRequest();
  const context = useTriage((s) => (request ? s.contexts.get(request.id) : undefined));
  const [query, setQuery] = useState('');
  const found = useRequestSearch(query, NO_FILTERS, query.trim() !== '');
  const candidates = useMemo(() => {
    const offered =
      query.trim() === ''
        ? [...(context?.duplicates.matches.map((m) => m.request) ?? []), ...(context?.similar ?? [])]
        : found.items;
    const seen = new Set<string>();
    // An identity already this citizen's would link nothing.
    return offered.filter(
      (r: LocalRequest) =>
        request && !isSameCitizen(request.citizen, r.citizen) && !seen.has(r.citizen.id) && seen.add(r.citizen.id),
    );
  }, [query, context, found.items, request]);

  return (
    <PickerDialog
      testId="link-picker"
      inputTestId="link-input"
      title={t('link.title')}
      hint={t('link.hint')}
      query={query}
      onQuery={setQuery}
      onCancel={close}
      onChoose={(citizenId) => {
        close();
        decide(linkPlan(citizenId));
      }}
      options={candidates.map((r) => ({
        id: r.citizen.id,
        label: `${t(`channel.${r.channel}`)} · ${r.citizen.name ?? t('detail.anonymous')} · ${r.citizen.id}`,
        detail: `${r.number} ${firstLine(r.text)}`,
        hint: t(`status.${r.status}`),
      }))}
    />
  );
}
