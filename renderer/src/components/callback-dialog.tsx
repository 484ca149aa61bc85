import { useState } from 'react';
import { SatisfactionScore } from '../../../shared/model';
import { useT } from '../i18n/use-t';
import { currentRequest } from '../store/queue-store';
import { useUi } from '../store/ui-store';
import { decide } from '../triage/send-decisions';
import { PickerDialog } from './picker-dialog';
import { TextDialog } from './text-dialog';

const SCORES = SatisfactionScore.options;
const MAX_NOTE = 2000;

/**
 * v: a phone callback's result (电话回访) on a closed request: the score (1 满意, 2 基本满意, 3 不满意), then
 * an optional note. A 不满意 sends the request back to the queue with a reopen of its own (docs/units.md).
 */
export function CallbackDialog() {
  const t = useT();
  const close = useUi((s) => s.close);
  const [query, setQuery] = useState('');
  const [score, setScore] = useState<SatisfactionScore | null>(null);
  const request = currentRequest();
  if (!request) return null;
  if (score === null) {
    const options = SCORES.map((id, i) => ({ id, label: t(`rating.${id}`), hint: String(i + 1) }));
    const typed = query.trim();
    return (
      <PickerDialog
        testId="callback"
        inputTestId="callback-input"
        title={t('callback.title')}
        hint={t('callback.hint')}
        query={query}
        onQuery={setQuery}
        onCancel={close}
        onChoose={(id) => setScore(id as SatisfactionScore)}
        options={typed ? options.filter((o) => o.hint === typed || o.label.includes(typed)) : options}
      />
    );
  }
  return (
    <TextDialog
      testId="callback-note"
      title={t('callback.noteTitle', { score: t(`rating.${score}`) })}
      placeholder={t('callback.notePlaceholder')}
      initial=""
      max={MAX_NOTE}
      allowEmpty
      onCancel={close}
      onSubmit={(note) => {
        close();
        const reopen = score === 'dissatisfied' ? [{ kind: 'reopen' as const }] : [];
        decide(
          (r) =>
            r.id === request.id ? [{ kind: 'record-callback', score, note: note.trim() || null }, ...reopen] : null,
          { advance: true },
        );
      }}
    />
  );
}
