import { useMemo, useState } from 'react';
import { useT } from '../i18n/use-t';
import type { KeyAction } from '../keyboard/keymap';
import { categoryOptions, firstLevel, searchCategories } from '../pickers/category-search';
import { useDirectory } from '../store/directory-store';
import { useKeymap } from '../store/keymap-store';
import { currentRequest } from '../store/queue-store';
import { useTriage } from '../store/triage-store';
import { useUi } from '../store/ui-store';
import { PickerDialog } from './picker-dialog';

/** c: change the category Enter will classify with; the number keys 1–9 pick a first-level one here too. */
export function CategoryPicker() {
  const t = useT();
  const categories = useDirectory((s) => s.categories);
  const close = useUi((s) => s.close);
  const [query, setQuery] = useState('');
  const all = useMemo(() => categoryOptions(categories), [categories]);
  const numbered = useMemo(() => firstLevel(all).slice(0, 9), [all]);
  const matches = useMemo(() => searchCategories(all, query), [all, query]);

  const choose = (categoryId: string) => {
    close();
    const request = currentRequest();
    if (request) useTriage.getState().change(request.id, { categoryId });
  };
  // The same keys as over the queue (1–9 unless remapped), while nothing is typed yet.
  const bindings = useKeymap((s) => s.bindings);
  const slotKey = (n: number) => bindings.find((b) => b.action === `category${n}`)?.keys[0]?.join(' ');
  const pickBySlot = (action: KeyAction): boolean => {
    const slot = /^category(\d)$/.exec(action);
    const option = slot ? numbered[Number(slot[1]) - 1] : undefined;
    if (query !== '' || !option) return false;
    choose(option.category.id);
    return true;
  };

  return (
    <PickerDialog
      testId="category-picker"
      inputTestId="category-input"
      title={t('picker.category')}
      hint={t('picker.categoryHint')}
      query={query}
      onQuery={setQuery}
      onCancel={close}
      onChoose={choose}
      scope="category-picker"
      onAction={pickBySlot}
      options={matches.map(({ category, path }) => {
        const number = numbered.findIndex((n) => n.category.id === category.id);
        return {
          id: category.id,
          label: category.name,
          detail: category.level > 1 ? path : undefined,
          hint: query === '' && number >= 0 ? slotKey(number + 1) : undefined,
        };
      })}
    />
  );
}
