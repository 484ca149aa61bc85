import { useMemo, useState } from 'react';
import { searchUnits } from '../../../shared/directory/unit-search';
import { useT } from '../i18n/use-t';
import { useDirectory } from '../store/directory-store';
import { useQueue } from '../store/queue-store';
import { useUi } from '../store/ui-store';
import { PickerDialog } from './picker-dialog';

/** t: transfer the selected request to a responsible unit. */
export function UnitPicker() {
  const t = useT();
  const index = useDirectory((s) => s.unitIndex);
  const unitsById = useDirectory((s) => s.unitsById);
  const close = useUi((s) => s.close);
  const decide = useQueue((s) => s.decide);
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
        decide({ kind: 'transfer', unitId, note: null });
      }}
      options={matches.map((unit) => {
        const parent = unit.parentId ? unitsById.get(unit.parentId) : undefined;
        const detail = [parent?.name, unit.aliases.join('、'), unit.initials].filter(Boolean).join(' · ');
        return { id: unit.id, label: unit.name, detail };
      })}
    />
  );
}
