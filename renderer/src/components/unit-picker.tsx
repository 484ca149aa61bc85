import { useMemo, useState } from 'react';
import { searchUnits } from '../../../shared/directory/unit-search';
import { useT } from '../i18n/use-t';
import { useDirectory } from '../store/directory-store';
import { currentRequest } from '../store/queue-store';
import { useTriage } from '../store/triage-store';
import { useUi } from '../store/ui-store';
import { PickerDialog } from './picker-dialog';

/** t: change the unit Enter will transfer to, by name, alias, pinyin or pinyin initials. */
export function UnitPicker() {
  const t = useT();
  const index = useDirectory((s) => s.unitIndex);
  const unitsById = useDirectory((s) => s.unitsById);
  const close = useUi((s) => s.close);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => searchUnits(index, query), [index, query]);

  return (
    <PickerDialog
      testId="unit-picker"
      inputTestId="unit-input"
      title={t('picker.unit')}
      hint={t('picker.unitHint')}
      query={query}
      onQuery={setQuery}
      onCancel={close}
      onChoose={(unitId) => {
        close();
        const request = currentRequest();
        if (request) useTriage.getState().change(request.id, { unitId });
      }}
      options={matches.map((unit) => {
        const parent = unit.parentId ? unitsById.get(unit.parentId) : undefined;
        const detail = [parent?.name, unit.aliases.join('、'), unit.initials].filter(Boolean).join(' · ');
        return { id: unit.id, label: unit.name, detail };
      })}
    />
  );
}
