import { describe, expect, it } from 'vitest';
import { decide, UNIT_WORK_DEFAULTS, type DecideContext, type Decision, type DecisionAction, type Request, type RequestStatus } from '../../shared/model';

const REQUEST_ID = '01JDQ3M7X8Y9Z0ABCDEFGHJKMN';
const OTHER_ID = '01JDQ3M7X8Y9Z0ABCDEFGHJKMP';
const OPERATOR_ID = '01JDQ3M7X8Y9Z0ABCDEFGHJKMQ';
const NOW = '2026-11-28T03:30:00.000Z';

function request(status: RequestStatus, version = 3): Request {
  return {
    id: REQUEST_ID,
    number: 'YW-20261128-0007',
    channel: 'wechat',
    account: 'gh_yiwang_demo',
    citizen: { id: 'wechat:o-1', name: null },
    text: '小区门口路灯坏了',
    attachments: [],
    receivedAt: '2026-11-28T03:00:00.000Z',
    status,
    categoryId: null,
    unitId: status === 'transferred' ? 'city-housing' : null,
    mergedInto: status === 'merged' ? OTHER_ID : null,
    snoozedUntil: null,
    escalated: false,
    version,
    updatedAt: '2026-11-28T03:00:00.000Z',
    lastDecision: null,
    ...UNIT_WORK_DEFAULTS,
  };
}

function decision(action: DecisionAction, baseVersion = 3): Decision {
  return {
    id: '01JDQ3M7X8Y9Z0ABCDEFGHJKMR',
    deviceId: 'ws-01',
    seq: 1,
    requestId: REQUEST_ID,
    baseVersion,
    operatorId: OPERATOR_ID,
    madeAt: NOW,
    ...action,
  } as Decision;
}

const ctx: DecideContext = {
  stamp: { decisionId: '01JDQ3M7X8Y9Z0ABCDEFGHJKMR', kind: 'x', operatorId: OPERATOR_ID, operatorName: '张伟', deviceId: 'ws-01', at: NOW },
  unitExists: (id) => id === 'city-public-security',
  categoryExists: (id) => id === '城乡建设/城乡规划',
  now: NOW,
};

function applied(from: RequestStatus, action: DecisionAction): Request {
  const result = decide(request(from), decision(action), ctx);
  if (!result.ok) throw new Error(`expected ${action.kind} from ${from} to apply: ${result.rejection.message}`);
  return result.request;
}

function rejection(from: RequestStatus, action: DecisionAction, baseVersion = 3) {
  const result = decide(request(from), decision(action, baseVersion), ctx);
  if (result.ok) throw new Error(`expected ${action.kind} from ${from} to be rejected`);
  return result.rejection;
}

describe('decide', () => {
  it('applies each kind of decision, bumping the version and stamping who decided', () => {
    const cases: [RequestStatus, DecisionAction, Partial<Request>][] = [
      ['new', { kind: 'accept' }, { status: 'accepted' }],
      ['new', { kind: 'classify', categoryId: '城乡建设/城乡规划' }, { status: 'accepted', categoryId: '城乡建设/城乡规划' }],
      ['replied', { kind: 'classify', categoryId: '城乡建设/城乡规划' }, { status: 'replied' }],
      ['accepted', { kind: 'transfer', unitId: 'city-public-security', note: null }, { status: 'transferred', unitId: 'city-public-security' }],
      ['transferred', { kind: 'recall', reason: '转错单位' }, { status: 'accepted', unitId: null }],
      ['new', { kind: 'junk' }, { status: 'junk' }],
      ['junk', { kind: 'restore' }, { status: 'new' }],
      ['accepted', { kind: 'reply', text: '已收到' }, { status: 'replied' }],
      ['transferred', { kind: 'reply', text: '已转交' }, { status: 'transferred' }],
      ['replied', { kind: 'close' }, { status: 'closed' }],
      ['merged', { kind: 'reopen' }, { status: 'new', mergedInto: null }],
      ['new', { kind: 'merge', intoRequestId: OTHER_ID }, { status: 'merged', mergedInto: OTHER_ID }],
      ['accepted', { kind: 'escalate', note: null }, { escalated: true, status: 'accepted' }],
      ['new', { kind: 'snooze', until: '2026-11-29T01:00:00.000Z' }, { status: 'accepted', snoozedUntil: '2026-11-29T01:00:00.000Z' }],
    ];
    for (const [from, action, expected] of cases) {
      expect(applied(from, action), `${action.kind} from ${from}`).toMatchObject({
        ...expected,
        version: 4,
        updatedAt: NOW,
        lastDecision: ctx.stamp,
      });
    }
  });

  it('clears a snooze when the request is transferred or closed', () => {
    const snoozed = { ...request('accepted'), snoozedUntil: '2026-11-29T01:00:00.000Z' };
    for (const action of [{ kind: 'transfer', unitId: 'city-public-security', note: null }, { kind: 'close' }] as const) {
      const result = decide(snoozed, decision(action), ctx);
      expect(result.ok && result.request.snoozedUntil).toBeNull();
    }
  });

  it('rejects a decision made against another version as stale, naming who changed it last', () => {
    const changed = { ...request('accepted', 5), lastDecision: { ...ctx.stamp, kind: 'transfer', operatorName: '李娜' } };
    const result = decide(changed, decision({ kind: 'junk' }, 4), ctx);
    expect(result).toEqual({
      ok: false,
      rejection: { code: 'stale', message: expect.stringContaining('version 5, decision was made against 4') },
    });
    expect(!result.ok && result.rejection.message).toContain('transfer by 李娜');
    expect(rejection('accepted', { kind: 'close' }, 9).code).toBe('stale');
  });

  it('never finds a note stale, and a note keeps the version and the last decision', () => {
    for (const status of ['new', 'closed', 'junk', 'merged'] as const) {
      const result = decide(request(status, 7), decision({ kind: 'note', text: '补充说明' }, 2), ctx);
      expect(result).toEqual({ ok: true, request: { ...request(status, 7), updatedAt: NOW } });
    }
  });

  it('rejects decisions that make no sense in the current status', () => {
    const invalid: [RequestStatus, DecisionAction][] = [
      ['accepted', { kind: 'accept' }],
      ['closed', { kind: 'transfer', unitId: 'city-public-security', note: null }],
      ['accepted', { kind: 'recall', reason: null }],
      ['transferred', { kind: 'junk' }],
      ['new', { kind: 'restore' }],
      ['junk', { kind: 'reply', text: '您好' }],
      ['new', { kind: 'close' }],
      ['accepted', { kind: 'reopen' }],
      ['closed', { kind: 'merge', intoRequestId: OTHER_ID }],
      ['closed', { kind: 'escalate', note: null }],
      ['transferred', { kind: 'snooze', until: NOW }],
      ['junk', { kind: 'classify', categoryId: '城乡建设/城乡规划' }],
    ];
    for (const [from, action] of invalid) {
      expect(rejection(from, action), `${action.kind} from ${from}`).toEqual({
        code: 'invalid-transition',
        message: `cannot ${action.kind} a request that is ${from}`,
      });
    }
    expect(rejection('new', { kind: 'merge', intoRequestId: REQUEST_ID }).code).toBe('invalid-transition');
  });

  it('rejects unknown units and categories, and a decision about another request', () => {
    expect(rejection('new', { kind: 'transfer', unitId: 'nowhere', note: null }).code).toBe('unknown-unit');
    expect(rejection('new', { kind: 'classify', categoryId: '不存在' }).code).toBe('unknown-category');
    const other = decide({ ...request('new'), id: OTHER_ID }, decision({ kind: 'accept' }), ctx);
    expect(!other.ok && other.rejection.code).toBe('unknown-request');
  });
});
