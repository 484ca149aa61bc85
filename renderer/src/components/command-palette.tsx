import { useMemo, useState } from 'react';
import { useT } from '../i18n/use-t';
import type { MessageId } from '../i18n/translate';
import { sequenceLabel, type KeyAction, type KeyBinding } from '../keyboard/keymap';
import { runAction } from '../keyboard/run-action';
import { parseSearch } from '../pickers/search-query';
import { useRequestSearch } from '../pickers/use-request-search';
import { useDirectory } from '../store/directory-store';
import { useKeymap } from '../store/keymap-store';
import { useQueue } from '../store/queue-store';
import { useUi } from '../store/ui-store';
import { firstLine } from './queue-row';
import { PickerDialog, type PickerOption } from './picker-dialog';

const ACTION = 'action:';
const REQUEST = 'request:';
/** Actions that make no sense from the palette: they would act on the palette itself. */
const NOT_FROM_PALETTE: ReadonlySet<KeyAction> = new Set(['palette', 'close']);
/** The palette runs what the queue's keys do; a dialog's own keys work only in the dialog. */
const fromPalette = (binding: KeyBinding) => binding.scope === 'workstation' && !NOT_FROM_PALETTE.has(binding.action);

/**
 * Ctrl/⌘+K: every action and every request (by number, citizen or text) in one list.
 * `/` opens it for requests only, with filters (ch:, st:, unit:, from:, to:).
 */
export function CommandPalette({ requestsOnly }: { requestsOnly: boolean }) {
  const t = useT();
  const close = useUi((s) => s.close);
  const bindings = useKeymap((s) => s.bindings);
  const units = useDirectory((s) => s.unitIndex);
  const [query, setQuery] = useState('');
  const parsed = useMemo(() => parseSearch(query, units), [query, units]);
  const found = useRequestSearch(parsed.text, parsed.filters);

  const actions = useMemo((): PickerOption[] => {
    if (requestsOnly) return [];
    const q = query.trim().toLowerCase();
    return bindings
      .filter(fromPalette)
      .map((b) => ({
        id: ACTION + b.action,
        label: t(b.description as MessageId, b.params),
        hint: b.keys[0] ? sequenceLabel(b.keys[0]) : undefined,
      }))
      .filter((o) => q === '' || o.label.toLowerCase().includes(q) || o.id.toLowerCase().includes(q));
  }, [bindings, query, requestsOnly, t]);

  const requests = found.items.map((r): PickerOption => ({
    id: REQUEST + r.id,
    label: `${r.number} · ${r.citizen.name ?? t('detail.anonymous')}`,
    detail: firstLine(r.text),
    hint: t(`status.${r.status}`),
  }));

  const choose = (id: string) => {
    close();
    if (id.startsWith(ACTION)) return runAction(id.slice(ACTION.length) as KeyAction);
    const request = found.items.find((r) => REQUEST + r.id === id);
    if (request) useQueue.getState().open(request);
  };

  return (
    <PickerDialog
      testId={requestsOnly ? 'search' : 'palette'}
      inputTestId={requestsOnly ? 'search-input' : 'palette-input'}
      title={requestsOnly ? t('search.title') : t('palette.title')}
      hint={
        found.tookMs === null
          ? t('search.hint')
          : t('search.took', { n: found.items.length, ms: found.tookMs.toFixed(1) })
      }
      query={query}
      onQuery={setQuery}
      onCancel={close}
      onChoose={choose}
      options={[...requests, ...actions]}
    />
  );
}
