import { useMemo, useState } from 'react';
import { searchUnits } from '../../../shared/directory/unit-search';
import { useT } from '../i18n/use-t';
import { suggestedFirst, type UnitChoice } from '../pickers/suggested-units';
import { useDirectory } from '../store/directory-store';
import { currentRequest } from '../store/queue-store';
import { useTemplates } from '../store/templates-store';
import { useTriage } from '../store/triage-store';
import { useUi } from '../store/ui-store';
import { planFor } from '../triage/plan';
import { PickerDialog } from './picker-dialog';

/**
 * t: change the unit Enter will transfer to, by name, alias, pinyin or pinyin initials; before anything
 * is typed, the suggestion's other guesses come first.
 */
export function UnitPicker() {
  const t = useT();
  const index = useDirectory((s) => s.unitIndex);
  const unitsById = useDirectory((s) => s.unitsById);
  const close = useUi((s) => s.close);
  const [query, setQuery] = useState('');
  const request = currentRequest();
  const context = useTriage((s) => (request ? s.contexts.get(request.id) : undefined)) ?? null;
  const draft = useTriage((s) => (request ? s.drafts.get(request.id) : undefined));
  const matches = useMemo((): UnitChoice[] => {
    const found = searchUnits(index, query);
    if (query.trim() !== '' || !request || !context) return found.map((unit) => ({ unit }));
    const current = planFor(request, context, draft ?? {}, () => null, useTemplates.getState().templates).unitId;
    return suggestedFirst(found, context.suggestion.unit, current, unitsById);
  }, [index, query, request, context, draft, unitsById]);

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
        if (request) useTriage.getState().change(request.id, { unitId });
      }}
      options={matches.map(({ unit, confidence }) => {
        const parent = unit.parentId ? unitsById.get(unit.parentId) : undefined;
        const suggested =
          confidence === undefined
            ? null
            : t('picker.suggestedUnit', { confidence: `${Math.round(confidence * 100)}%` });
        const detail = [suggested, parent?.name, unit.aliases.join('、'), unit.initials].filter(Boolean).join(' · ');
        return { id: unit.id, label: unit.name, detail };
      })}
    />
  );
}
