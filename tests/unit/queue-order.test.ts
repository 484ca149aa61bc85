import { describe, expect, it } from 'vitest';
import { compareQueueOrder, queueDueAt, queueKey, queueTier, type QueueKey } from '../../shared/queue/queue-order';
import { clockThresholds, deadlineStatus, DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../../shared/deadline';
import { makeRequest } from '../support/seeded-workstation';

const MIN = 60_000;
const NOW = Date.parse('2026-11-25T06:00:00.000Z'); // Wednesday 14:00 in Beijing, a working day

let next = 0;
/** A queue key due `dueIn` minutes from NOW (negative: overdue), arrived `arrivedAgo` minutes before NOW. */
function key(name: string, dueIn: number, arrivedAgo: number, priority = false): QueueKey & { name: string } {
  next += 1;
  return {
    name,
    id: `01JD00000000000000000000${String(next).padStart(2, '0')}`,
    receivedAt: new Date(NOW - arrivedAgo * MIN).toISOString(),
    dueMs: NOW + dueIn * MIN,
    priority,
  };
}

function ordered(keys: (QueueKey & { name: string })[], now = NOW): string[] {
  return [...keys].sort((a, b) => compareQueueOrder(a, b, now)).map((k) => k.name);
}

describe('the queue order', () => {
  it('puts overdue requests first, the most overdue on top, ahead of escalated ones', () => {
    const keys = [
      key('due in 40 min', 40, 20),
      key('escalated, due in 3 h', 180, 5, true),
      key('overdue 5 min', -5, 65),
      key('overdue 2 h', -120, 180),
      key('escalated, overdue 1 min', -1, 61, true),
    ];
    expect(ordered(keys)).toEqual([
      'overdue 2 h',
      'overdue 5 min',
      'escalated, overdue 1 min',
      'escalated, due in 3 h',
      'due in 40 min',
    ]);
  });

  it('orders the requests merely waiting by time left, not by arrival', () => {
    // A request can arrive later and be due sooner: a category with a shorter promise, or a rest-day arrival.
    const keys = [
      key('arrived first, due in 2 h', 120, 50),
      key('arrived last, due in 10 min', 10, 1),
      key('due in 30 min', 30, 30),
    ];
    expect(ordered(keys)).toEqual(['arrived last, due in 10 min', 'due in 30 min', 'arrived first, due in 2 h']);
  });

  it('breaks ties on the due time by arrival, then by id', () => {
    const later = key('arrived later', 60, 10);
    const earlier = key('arrived earlier', 60, 20);
    const twin = { ...earlier, name: 'same arrival, larger id', id: `${earlier.id.slice(0, -1)}Z` };
    expect(ordered([twin, later, earlier])).toEqual(['arrived earlier', 'same arrival, larger id', 'arrived later']);
  });

  it('moves a request only when it turns overdue, just after its due moment', () => {
    const crossing = key('due at 14:10', 10, 50);
    const escalated = key('escalated, due in 1 h', 60, 5, true);
    const overdue = key('overdue', -30, 90);
    expect(ordered([crossing, escalated, overdue])).toEqual(['overdue', 'escalated, due in 1 h', 'due at 14:10']);
    // At the due moment it is still red, not overdue (deadlineStatus agrees).
    expect(queueTier(crossing, crossing.dueMs)).toBe('waiting');
    expect(ordered([crossing, escalated, overdue], crossing.dueMs + 1)).toEqual([
      'overdue',
      'due at 14:10',
      'escalated, due in 1 h',
    ]);
  });

  it('counts escalated and returned-more-than-twice requests as priority', () => {
    const plain = makeRequest({ text: '路灯坏了' }, 0, NOW);
    expect(queueKey(plain).priority).toBe(false);
    expect(queueKey({ ...plain, escalated: true }).priority).toBe(true);
    expect(queueKey({ ...plain, flagged: true }).priority).toBe(true);
  });
});

describe('the due time the queue counts', () => {
  it("is the server's stamp when there is one", () => {
    const request = makeRequest({ text: '噪音扰民' }, 0, NOW);
    const stamped = { ...request, deadlines: { ...request.deadlines, answerDueAt: '2026-11-25T09:00:00.000Z' } };
    expect(queueDueAt(stamped)).toBe(Date.parse('2026-11-25T09:00:00.000Z'));
  });

  it('else the shared answer rule: one working hour from a Wednesday 13:50 arrival is 14:50', () => {
    const request = makeRequest({ text: '噪音扰民', receivedAt: '2026-11-25T05:50:00.000Z' }, 0, NOW);
    expect(request.deadlines.answerDueAt).toBeNull();
    expect(new Date(queueDueAt(request)).toISOString()).toBe('2026-11-25T06:50:00.000Z');
  });
});

describe('the amber and red states', () => {
  const request = (dueIn: number) => {
    const r = makeRequest({ text: '噪音扰民' }, 0, NOW);
    return { ...r, deadlines: { ...r.deadlines, answerDueAt: new Date(NOW + dueIn * MIN).toISOString() } };
  };
  const status = (dueIn: number) => deadlineStatus(queueDueAt(request(dueIn)), NOW, clockThresholds('answer', null));

  it("follow the answer policy's thresholds: amber from 30 minutes left, red from 10, overdue after the due moment", () => {
    expect(clockThresholds('answer', null)).toEqual({ amberMinutesLeft: 30, redMinutesLeft: 10 });
    expect(status(31)).toBe('ok');
    expect(status(30)).toBe('amber');
    expect(status(11)).toBe('amber');
    expect(status(10)).toBe('red');
    expect(status(0)).toBe('red');
    expect(status(-1)).toBe('overdue');
  });

  it("take each clock's thresholds, with a category's own override", () => {
    const policy: DeadlinePolicy = {
      ...DEFAULT_DEADLINE_POLICY,
      categoryOverrides: { 城乡建设: { answer: { thresholds: { amberMinutesLeft: 15, redMinutesLeft: 5 } } } },
    };
    expect(clockThresholds('answer', '城乡建设/市政设施', policy)).toEqual({ amberMinutesLeft: 15, redMinutesLeft: 5 });
    expect(clockThresholds('answer', '环境保护', policy)).toEqual(DEFAULT_DEADLINE_POLICY.answer.thresholds);
    expect(clockThresholds('unit', null)).toEqual(DEFAULT_DEADLINE_POLICY.unitHandling.thresholds);
    expect(clockThresholds('acknowledge', null)).toEqual(DEFAULT_DEADLINE_POLICY.acknowledge.thresholds);
  });
});
