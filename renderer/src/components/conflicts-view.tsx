import { useEffect, useRef } from 'react';
import type { Conflict, ConflictChoice } from '../../../shared/api/workstation-api';
import { refusalWords } from '../i18n/failure-words';
import { formatInstant, formatReceived } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import type { KeyAction } from '../keyboard/keymap';
import { runAction } from '../keyboard/run-action';
import { useConflicts } from '../store/conflict-store';
import { useSession } from '../store/session-store';
import { useSync } from '../store/sync-store';
import { useUi } from '../store/ui-store';
import { stampedGist, useDecisionWords } from './decision-words';
import { KeyHints, useKeyOf } from './key-hints';
import { firstLine } from './queue-row';
import { StatusChip } from './status-chip';
import { useListHighlight } from './use-list-highlight';

/** The action that makes each choice (1, 2, 3 unless remapped). */
const CHOICE_ACTIONS: Record<ConflictChoice, KeyAction> = {
  'keep-theirs': 'keepTheirs',
  'mine-as-note': 'mineAsNote',
  reopen: 'reopenConflict',
};
const CHOICES = Object.keys(CHOICE_ACTIONS) as ConflictChoice[];

/**
 * g c: the requests where the server refused this workstation's decisions because someone else
 * decided first. Theirs and mine side by side; 1 keeps theirs, 2 keeps mine as a note, 3 reopens.
 */
export function ConflictsView() {
  const t = useT();
  const close = useUi((s) => s.close);
  const conflicts = useConflicts((s) => s.conflicts);
  const count = useSync((s) => s.status?.conflicts ?? 0);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => panelRef.current?.focus(), []);
  // A sync that surfaces or settles conflicts changes the count: the list follows.
  useEffect(() => void useConflicts.getState().load(), [count]);
  const list = conflicts ?? [];
  const { index, highlight, next, previous } = useListHighlight(list.length, panelRef, '[data-testid="conflict-row"]');
  const selected = list[index] ?? null;

  useKeyScope('conflicts', {
    run: (action) => {
      const choice = CHOICES.find((c) => CHOICE_ACTIONS[c] === action);
      if (choice) return void (selected && useConflicts.getState().resolve(selected.id, choice));
      if (action === 'close') return close();
      if (action === 'next') return next();
      if (action === 'previous') return previous();
      // The other views and the tools that work anywhere: this view makes way for them.
      close();
      runAction(action);
    },
  });

  return (
    <section
      className="conflicts"
      role="region"
      aria-label={t('conflicts.title')}
      data-testid="conflicts"
      data-loaded={conflicts ? 'true' : undefined}
      data-count={list.length}
      tabIndex={-1}
      ref={panelRef}
    >
      <ul className="conflict-list" role="listbox" aria-label={t('conflicts.title')}>
        {conflicts && list.length === 0 && (
          <li className="empty-state">
            <div>{t('conflicts.none')}</div>
            <div className="muted">{t('conflicts.noneHint')}</div>
          </li>
        )}
        {list.map((conflict, i) => (
          <li
            key={conflict.id}
            role="option"
            aria-selected={i === index}
            className="conflict-row"
            data-testid="conflict-row"
            data-conflict-id={conflict.id}
            data-request-id={conflict.requestId}
            onMouseDown={() => highlight(i)}
          >
            <span className="mono">{conflict.request?.number ?? conflict.requestId}</span>
            <span className="conflict-row-text">{firstLine(conflict.request?.text ?? '') || t('queue.noText')}</span>
          </li>
        ))}
      </ul>
      {selected && <ConflictDetail conflict={selected} />}
    </section>
  );
}

function ConflictDetail({ conflict }: { conflict: Conflict }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const me = useSession((s) => s.session?.operator ?? null);
  const resolve = useConflicts((s) => s.resolve);
  const describe = useDecisionWords();
  const request = conflict.request;
  const theirs = conflict.theirs;
  const theirsWhat = theirs ? describe(stampedGist(theirs, request)) : null;
  // The server's code, in the operator's words; its English message stays as a detail for support.
  const why =
    theirs && theirsWhat && conflict.reason.code === 'stale'
      ? t('conflicts.theirsDid', {
          who: theirs.operatorName,
          when: formatReceived(theirs.at, locale),
          what: theirsWhat,
        })
      : refusalWords(t, conflict.reason);
  return (
    <div className="conflict-detail" data-testid="conflict-detail" data-conflict-id={conflict.id}>
      <header className="detail-header">
        <span className="detail-number mono">{request?.number}</span>
        {request && <StatusChip status={request.status} testId="conflict-status" />}
        <span className="conflict-reason" data-testid="conflict-reason" data-code={conflict.reason.code}>
          {t('conflicts.reason', { why })}
          <small className="muted" lang="en">
            {t('conflicts.serverSaid', { message: conflict.reason.message })}
          </small>
        </span>
      </header>
      {request && <p className="detail-text">{request.text.trim() || t('queue.noText')}</p>}
      <div className="conflict-sides">
        <section className="conflict-side" data-testid="conflict-theirs" data-operator={theirs?.operatorName}>
          <h3>{t('conflicts.theirs')}</h3>
          {theirs ? (
            <p>
              <strong data-testid="conflict-theirs-description">{theirsWhat}</strong>
              <br />
              {t('conflicts.byAt', { who: theirs.operatorName, when: formatInstant(theirs.at, locale) })}
            </p>
          ) : (
            <p className="muted">{t('conflicts.theirsUnknown')}</p>
          )}
        </section>
        <section className="conflict-side" data-testid="conflict-mine">
          <h3>{t('conflicts.mine')}</h3>
          {conflict.mine.map((decision) => (
            <p key={decision.id} data-kind={decision.kind}>
              <strong>{describe(decision)}</strong>
              <br />
              {t('conflicts.byAt', {
                who: decision.operatorId === me?.id ? me.displayName : decision.operatorId,
                when: formatInstant(decision.madeAt, locale),
              })}
            </p>
          ))}
        </section>
      </div>
      <div className="conflict-choices">
        {CHOICES.map((choice) => (
          <ChoiceButton key={choice} choice={choice} onChoose={() => void resolve(conflict.id, choice)} />
        ))}
      </div>
      <div className="picker-hint">
        <KeyHints scope="conflicts" only={['next', 'previous', ...Object.values(CHOICE_ACTIONS), 'close']} />
      </div>
    </div>
  );
}

function ChoiceButton({ choice, onChoose }: { choice: ConflictChoice; onChoose(): void }) {
  const t = useT();
  const key = useKeyOf(CHOICE_ACTIONS[choice]);
  return (
    <button type="button" tabIndex={-1} data-testid={`conflict-${choice}`} onClick={onChoose}>
      <kbd>{key}</kbd> {t(`conflicts.choice.${choice}`)}
    </button>
  );
}
