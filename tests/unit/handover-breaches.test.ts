import { describe, expect, it } from 'vitest';
import type { LocalRequest } from '../../shared/api/workstation-api';
import { UNIT_WORK_DEFAULTS } from '../../shared/model';
import {
  breachesBeforeNextShift,
  DEFAULT_SHIFT_HANDOVERS,
  nextShiftStart,
} from '../../electron/host/shift/breaches-before-next-shift';

const at = (beijing: string) => Date.parse(`${beijing}+08:00`);

function request(id: string, patch: Partial<LocalRequest>): LocalRequest {
  return {
    id,
    number: `YW-${id}`,
    channel: 'wechat',
    account: 'gh',
    citizen: { id: 'wechat:c', name: null },
    text: '',
    attachments: [],
    receivedAt: new Date(at('2025-11-12T15:00:00')).toISOString(),
    status: 'new',
    categoryId: null,
    unitId: null,
    mergedInto: null,
    snoozedUntil: null,
    escalated: false,
    version: 1,
    updatedAt: new Date(at('2025-11-12T15:00:00')).toISOString(),
    lastDecision: null,
    ...UNIT_WORK_DEFAULTS,
    pending: 0,
    rejection: null,
    ...patch,
  };
}

const due = (beijing: string) => new Date(at(beijing)).toISOString();

describe('nextShiftStart', () => {
  it('is the next handover time in Beijing, rolling over midnight', () => {
    expect(nextShiftStart(at('2025-11-12T15:00:00'), DEFAULT_SHIFT_HANDOVERS)).toBe(at('2025-11-12T17:30:00'));
    expect(nextShiftStart(at('2025-11-12T17:30:00'), DEFAULT_SHIFT_HANDOVERS)).toBe(at('2025-11-13T08:30:00'));
    expect(nextShiftStart(at('2025-11-13T01:00:00'), DEFAULT_SHIFT_HANDOVERS)).toBe(at('2025-11-13T08:30:00'));
  });
});

describe('breachesBeforeNextShift', () => {
  it('lists open answer and unit clocks running out before the next shift, overdue ones marked, soonest first', () => {
    const now = new Date(at('2025-11-12T16:00:00'));
    const soon = request('soon', {
      deadlines: { ...UNIT_WORK_DEFAULTS.deadlines, answerDueAt: due('2025-11-12T17:00:00') },
    });
    const late = request('late', {
      deadlines: { ...UNIT_WORK_DEFAULTS.deadlines, answerDueAt: due('2025-11-13T10:00:00') },
    });
    const past = request('past', {
      deadlines: { ...UNIT_WORK_DEFAULTS.deadlines, answerDueAt: due('2025-11-12T15:30:00') },
    });
    const unit = request('unit', {
      status: 'transferred',
      unitId: 'city-water',
      deadlines: {
        ...UNIT_WORK_DEFAULTS.deadlines,
        answerDueAt: due('2025-11-12T16:30:00'),
        unitDueAt: due('2025-11-12T17:30:00'),
      },
      timeline: {
        ...UNIT_WORK_DEFAULTS.timeline,
        answeredAt: due('2025-11-12T15:10:00'),
        transferredAt: due('2025-11-05T15:10:00'),
      },
    });
    const answered = request('answered', {
      status: 'replied',
      deadlines: { ...UNIT_WORK_DEFAULTS.deadlines, answerDueAt: due('2025-11-12T17:00:00') },
      timeline: { ...UNIT_WORK_DEFAULTS.timeline, answeredAt: due('2025-11-12T15:10:00') },
    });
    const result = breachesBeforeNextShift([soon, late, past, unit, answered], now, DEFAULT_SHIFT_HANDOVERS);
    expect(result.nextShiftAt).toBe(due('2025-11-12T17:30:00'));
    expect(result.breaches.map((b) => [b.request.id, b.clock, b.overdue])).toEqual([
      ['past', 'answer', true],
      ['soon', 'answer', false],
      ['unit', 'unit', false],
    ]);
  });
});
