import { describe, expect, it } from 'vitest';
import {
  decide,
  RequestStatus as RequestStatuses,
  statusAfter,
  UNIT_WORK_DEFAULTS,
  type DecideContext,
  type DecisionAction,
  type Request,
  type RequestAction,
  type RequestEvent,
  type RequestStatus,
} from '../../shared/model';

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

function decision(action: RequestAction, baseVersion = 3): RequestEvent {
  return {
    id: '01JDQ3M7X8Y9Z0ABCDEFGHJKMR',
    deviceId: 'ws-01',
    seq: 1,
    requestId: REQUEST_ID,
    baseVersion,
    operatorId: OPERATOR_ID,
    madeAt: NOW,
    ...action,
  } as RequestEvent;
}

const ctx: DecideContext = {
  stamp: {
    decisionId: '01JDQ3M7X8Y9Z0ABCDEFGHJKMR',
    kind: 'x',
    operatorId: OPERATOR_ID,
    operatorName: '张伟',
    deviceId: 'ws-01',
    at: NOW,
  },
  unitExists: (id) => id === 'city-public-security',
  categoryExists: (id) => id === '城乡建设/城乡规划',
  now: NOW,
};

function applied(from: RequestStatus, action: RequestAction): Request {
  const result = decide(request(from), decision(action), ctx);
  if (!result.ok) throw new Error(`expected ${action.kind} from ${from} to apply: ${result.rejection.message}`);
  return result.request;
}

function rejection(from: RequestStatus, action: RequestAction, baseVersion = 3) {
  const result = decide(request(from), decision(action, baseVersion), ctx);
  if (result.ok) throw new Error(`expected ${action.kind} from ${from} to be rejected`);
  return result.rejection;
}

describe('decide', () => {
  it('applies each kind of decision, bumping the version and stamping who decided', () => {
    const cases: [RequestStatus, DecisionAction, Partial<Request>][] = [
      ['new', { kind: 'accept' }, { status: 'accepted' }],
      [
        'new',
        { kind: 'classify', categoryId: '城乡建设/城乡规划' },
        { status: 'accepted', categoryId: '城乡建设/城乡规划' },
      ],
      ['replied', { kind: 'classify', categoryId: '城乡建设/城乡规划' }, { status: 'replied' }],
      [
        'accepted',
        { kind: 'transfer', unitId: 'city-public-security', note: null },
        { status: 'transferred', unitId: 'city-public-security' },
      ],
      ['transferred', { kind: 'recall', reason: '转错单位' }, { status: 'accepted', unitId: null }],
      ['new', { kind: 'junk' }, { status: 'junk' }],
      ['junk', { kind: 'restore' }, { status: 'new' }],
      ['accepted', { kind: 'reply', text: '已收到' }, { status: 'replied' }],
      ['transferred', { kind: 'reply', text: '已转交' }, { status: 'transferred' }],
      ['replied', { kind: 'close' }, { status: 'closed' }],
      ['merged', { kind: 'reopen' }, { status: 'new', mergedInto: null }],
      ['new', { kind: 'merge', intoRequestId: OTHER_ID }, { status: 'merged', mergedInto: OTHER_ID }],
      ['accepted', { kind: 'escalate', note: null }, { escalated: true, status: 'accepted' }],
      [
        'new',
        { kind: 'snooze', until: '2026-11-29T01:00:00.000Z' },
        { status: 'accepted', snoozedUntil: '2026-11-29T01:00:00.000Z' },
      ],
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
    for (const action of [
      { kind: 'transfer', unitId: 'city-public-security', note: null },
      { kind: 'close' },
    ] as const) {
      const result = decide(snoozed, decision(action), ctx);
      expect(result.ok && result.request.snoozedUntil).toBeNull();
    }
  });

  it('rejects a decision made against another version as stale, naming who changed it last', () => {
    const changed = {
      ...request('accepted', 5),
      lastDecision: { ...ctx.stamp, kind: 'transfer', operatorName: '李娜' },
    };
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

/** One of each action a unit or a supervisor takes. */
const UNIT_AND_SUPERVISOR_ACTIONS: RequestAction[] = [
  { kind: 'unit-answer', text: '答复' },
  { kind: 'unit-progress', text: '进展' },
  { kind: 'unit-extension-request', workingDays: 2, reason: '理由' },
  { kind: 'unit-return', reason: '理由' },
  { kind: 'extension-grant', workingDays: 2 },
  { kind: 'extension-refuse', reason: '理由不充分' },
  { kind: 'remind', note: '督办' },
];

describe('decide: units and supervisors', () => {
  const LATER = '2026-11-28T05:00:00.000Z';
  const at = (now: string): DecideContext => ({ ...ctx, now, stamp: { ...ctx.stamp, at: now } });

  function transferred(): Request {
    const result = decide(
      request('accepted'),
      decision({ kind: 'transfer', unitId: 'city-public-security', note: null }),
      ctx,
    );
    if (!result.ok) throw new Error(result.rejection.message);
    return result.request;
  }

  function then(from: Request, action: RequestAction, now = LATER): Request {
    const result = decide(from, decision(action, from.version), at(now));
    if (!result.ok) throw new Error(`${action.kind}: ${result.rejection.message}`);
    return result.request;
  }

  it('records the first response, the answer and the transfer on the timeline', () => {
    const accepted = applied('new', { kind: 'accept' });
    expect(accepted.timeline).toMatchObject({ firstResponseAt: NOW, answeredAt: null, transferredAt: null });
    const moved = then(accepted, { kind: 'transfer', unitId: 'city-public-security', note: null });
    expect(moved.timeline).toMatchObject({ firstResponseAt: NOW, answeredAt: LATER, transferredAt: LATER });
    expect(applied('new', { kind: 'classify', categoryId: '城乡建设/城乡规划' }).timeline.firstResponseAt).toBe(NOW);
    expect(applied('new', { kind: 'junk' }).timeline.firstResponseAt).toBeNull();
    const closed = applied('replied', { kind: 'close' });
    expect(closed.timeline.closedAt).toBe(NOW);
    expect(then(closed, { kind: 'reopen' }).timeline.closedAt).toBeNull();
  });

  it("moves an answered request to replied with the unit's answer and the time", () => {
    const answered = then(transferred(), { kind: 'unit-answer', text: '已安排维修' });
    expect(answered).toMatchObject({
      status: 'replied',
      unitId: 'city-public-security',
      unitAnswer: '已安排维修',
      version: 5,
    });
    expect(answered.timeline.unitAnsweredAt).toBe(LATER);
    expect(answered.lastDecision).toMatchObject({ at: LATER });
  });

  it('puts a returned request back in the queue with the reason, and flags the third return', () => {
    let current = transferred();
    for (let n = 1; n <= 3; n++) {
      current = then(current, { kind: 'unit-return', reason: `不属于本单位 ${n}` });
      expect(current).toMatchObject({
        status: 'new',
        unitId: null,
        returnCount: n,
        flagged: n > 2,
        lastReturnReason: `不属于本单位 ${n}`,
      });
      expect(current.deadlines.unitDueAt).toBeNull();
      if (n < 3) current = then(current, { kind: 'transfer', unitId: 'city-public-security', note: null });
    }
  });

  it('keeps the version for progress, extension requests and grants, and reminders', () => {
    const start = transferred();
    const progress = decide(start, decision({ kind: 'unit-progress', text: '正在协调' }, 1), at(LATER));
    expect(progress).toMatchObject({
      ok: true,
      request: { version: start.version, unitProgress: { text: '正在协调', at: LATER } },
    });
    const asked = then(start, { kind: 'unit-extension-request', workingDays: 3, reason: '需现场勘查' });
    expect(asked).toMatchObject({
      version: start.version,
      extensionRequest: { workingDays: 3, reason: '需现场勘查', at: LATER },
    });
    const granted = then(asked, { kind: 'extension-grant', workingDays: 3 });
    expect(granted).toMatchObject({
      version: start.version,
      extensionRequest: null,
      deadlines: { extensionWorkingDays: 3 },
    });
    const reminded = then(then(granted, { kind: 'remind', note: '请加快办理' }), { kind: 'remind', note: '再次督办' });
    expect(reminded).toMatchObject({
      version: start.version,
      reminderCount: 2,
      lastReminder: { text: '再次督办', at: LATER },
    });
  });

  it('refuses an extension with the reason for the unit, keeping the due time and the version', () => {
    const asked = then(transferred(), { kind: 'unit-extension-request', workingDays: 3, reason: '需现场勘查' });
    const refused = then(asked, { kind: 'extension-refuse', reason: '五个工作日足够' });
    expect(refused).toMatchObject({
      version: asked.version,
      extensionRequest: null,
      extensionRefusal: { text: '五个工作日足够', at: LATER },
      deadlines: { extensionWorkingDays: 0 },
    });
    const askedAgain = then(refused, { kind: 'unit-extension-request', workingDays: 1, reason: '补充材料' });
    expect(askedAgain).toMatchObject({ extensionRefusal: null, extensionRequest: { workingDays: 1 } });
    const returned = then(refused, { kind: 'unit-return', reason: '不属于本单位' });
    expect(returned.extensionRefusal).toBeNull();
  });

  it('rates a closed request, from the channel or a phone callback; the latest counts and 不满意 flags it', () => {
    const closed = applied('replied', { kind: 'close' });
    const byCitizen = then(closed, { kind: 'citizen-rating', score: 'basically-satisfied' });
    expect(byCitizen).toMatchObject({
      status: 'closed',
      version: closed.version,
      flagged: false,
      rating: { score: 'basically-satisfied', via: 'channel', note: null, at: LATER },
    });
    const byPhone = then(byCitizen, { kind: 'record-callback', score: 'dissatisfied', note: '路灯仍不亮' });
    expect(byPhone).toMatchObject({
      status: 'closed',
      flagged: true,
      rating: { score: 'dissatisfied', via: 'phone', note: '路灯仍不亮', at: LATER },
    });
    const reopened = then(byPhone, { kind: 'reopen' });
    expect(reopened).toMatchObject({ status: 'new', flagged: true, rating: { score: 'dissatisfied' } });
    expect(rejection('replied', { kind: 'record-callback', score: 'satisfied', note: null }).code).toBe(
      'invalid-transition',
    );
  });

  it("clears the previous unit's answer, progress and extension when the request is transferred again", () => {
    const answered = then(then(transferred(), { kind: 'unit-progress', text: '进展' }), {
      kind: 'unit-answer',
      text: '答复',
    });
    const again = then(
      answered,
      { kind: 'transfer', unitId: 'city-public-security', note: null },
      '2026-11-29T01:00:00.000Z',
    );
    expect(again).toMatchObject({
      status: 'transferred',
      unitAnswer: null,
      unitProgress: null,
      extensionRequest: null,
    });
    expect(again.timeline).toMatchObject({ transferredAt: '2026-11-29T01:00:00.000Z', unitAnsweredAt: null });
  });

  it('accepts unit and supervisor actions only while a unit holds the request', () => {
    for (const from of ['new', 'accepted', 'replied', 'closed'] as const) {
      for (const action of UNIT_AND_SUPERVISOR_ACTIONS)
        expect(rejection(from, action).code, `${action.kind} from ${from}`).toBe('invalid-transition');
    }
  });
});

describe('linking the citizen with another channel identity', () => {
  const link = (citizenId: string, baseVersion = 3): RequestEvent =>
    decision({ kind: 'link-citizen', citizenId }, baseVersion);

  it('adds the identity, sorted with the request’s own, and keeps the version like a note, in any status', () => {
    for (const status of ['new', 'closed', 'merged'] as const) {
      const result = decide(request(status), link('weibo:1234567890', 1), ctx);
      expect(result).toMatchObject({
        ok: true,
        request: { version: 3, status, citizen: { id: 'wechat:o-1', identities: ['wechat:o-1', 'weibo:1234567890'] } },
      });
    }
  });

  it('joins a third identity to those already linked, once', () => {
    const linked = {
      ...request('accepted'),
      citizen: { id: 'wechat:o-1', name: null, identities: ['alipay:2088', 'wechat:o-1'] },
    };
    const result = decide(linked, link('alipay:2088'), ctx);
    expect(result.ok && result.request.citizen.identities).toEqual(['alipay:2088', 'wechat:o-1']);
    const third = decide(linked, link('weibo:42'), ctx);
    expect(third.ok && third.request.citizen.identities).toEqual(['alipay:2088', 'wechat:o-1', 'weibo:42']);
  });

  it('refuses to link a citizen to itself', () => {
    expect(decide(request('new'), link('wechat:o-1'), ctx)).toMatchObject({
      ok: false,
      rejection: { code: 'invalid-transition' },
    });
  });
});

describe('statusAfter: the one transition table', () => {
  const EVERY_KIND: RequestAction[] = [
    { kind: 'accept' },
    { kind: 'classify', categoryId: '城乡建设/城乡规划' },
    { kind: 'transfer', unitId: 'city-public-security', note: null },
    { kind: 'recall', reason: null },
    { kind: 'junk' },
    { kind: 'restore' },
    { kind: 'reply', text: '您好，已收到。' },
    { kind: 'note', text: '已电话联系' },
    { kind: 'close' },
    { kind: 'reopen' },
    { kind: 'merge', intoRequestId: OTHER_ID },
    { kind: 'escalate', note: null },
    { kind: 'snooze', until: '2026-11-28T05:00:00.000Z' },
    { kind: 'link-citizen', citizenId: 'weibo:1234567' },
    { kind: 'record-callback', score: 'dissatisfied', note: '电话回访：仍未修好' },
    { kind: 'citizen-rating', score: 'satisfied' },
    ...UNIT_AND_SUPERVISOR_ACTIONS,
  ];

  it('says what decide() does, for every kind of decision from every status', () => {
    for (const action of EVERY_KIND) {
      for (const from of RequestStatuses.options) {
        const result = decide(request(from), decision(action), ctx);
        const to = statusAfter(from, action.kind);
        expect({ action: action.kind, from, to }).toEqual({
          action: action.kind,
          from,
          to: result.ok ? result.request.status : null,
        });
      }
    }
  });

  it('accepts a new request touched by any handling decision, and keeps a reply with the unit holding it', () => {
    expect(statusAfter('new', 'classify')).toBe('accepted');
    expect(statusAfter('new', 'snooze')).toBe('accepted');
    expect(statusAfter('accepted', 'reply')).toBe('replied');
    expect(statusAfter('transferred', 'reply')).toBe('transferred');
    expect(statusAfter('transferred', 'unit-return')).toBe('new');
    expect(statusAfter('replied', 'junk')).toBeNull();
  });
});
