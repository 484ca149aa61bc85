import { describe, expect, it } from 'vitest';
import type { LocalRequest, RequestContext, Suggestion } from '../../shared/api/workstation-api';
import type { DecisionAction, RequestStatus } from '../../shared/model';
import {
  decisionForKey,
  leavesView,
  linkPlan,
  mergePlan,
  notePlan,
  screenStep,
  SNOOZE_MS,
  targetsOf,
} from '../../renderer/src/triage/dispatch';
import { DEFAULT_REPLY_TEMPLATES } from '../../shared/replies/reply-templates';
import { planActions, planFor, type Draft } from '../../renderer/src/triage/plan';
import { makeRequest } from '../support/seeded-workstation';

const NOW = Date.parse('2026-03-02T02:00:00.000Z');

/** A request as the workstation holds it, made as the other tests make theirs. */
function request(id: string, patch: Partial<LocalRequest> = {}): LocalRequest {
  const seed = { text: '小区门口路灯坏了', channel: 'weibo' as const, citizenId: `weibo:${id}`, citizenName: '李女士' };
  return { ...makeRequest(seed, 0), id, pending: 0, rejection: null, ...patch };
}

function context(patch: Partial<Suggestion> = {}): RequestContext {
  return {
    requestId: 'r1',
    suggestion: {
      category: [{ id: 'city/lights', confidence: 0.9 }],
      unit: [{ id: 'city-lighting', confidence: 0.8 }],
      templateId: 'transferred',
      source: 'model',
      lowConfidence: { category: false, unit: false },
      junk: null,
      ...patch,
    },
    history: [],
    similar: [],
    duplicates: { matches: [], hotIssue: null },
  };
}

const unitName = (id: string) => (id === 'city-lighting' ? '市路灯管理所' : null);
const plan = (r: LocalRequest, c: RequestContext | null, draft: Draft = {}) =>
  planFor(r, c, draft, unitName, DEFAULT_REPLY_TEMPLATES);

describe('the triage plan: what Enter does', () => {
  it('takes the suggestion whole: category, unit, and the transfer reply naming the unit and the citizen', () => {
    const r = request('r1');
    expect(plan(r, context())).toEqual({
      categoryId: 'city/lights',
      unitId: 'city-lighting',
      templateId: 'transferred',
      replyText: `李女士您好，您反映的问题（编号 ${r.number}）已转交市路灯管理所办理，请耐心等待答复。`,
      relay: null,
    });
  });

  it('leaves out what the host was too unsure of, and with no unit acknowledges receipt instead', () => {
    const p = plan(request('r1'), context({ lowConfidence: { category: true, unit: true } }));
    expect(p.categoryId).toBeNull();
    expect(p.unitId).toBeNull();
    expect(p.templateId).toBe('received');
  });

  it("keeps the operator's changes over the suggestion, and null clears a field", () => {
    const p = plan(request('r1'), context(), { unitId: null, categoryId: 'city/roads', replyText: '已记录' });
    expect(p).toMatchObject({ categoryId: 'city/roads', unitId: null, templateId: 'received', replyText: '已记录' });
    expect(plan(request('r1'), context(), { templateId: null }).replyText).toBeNull();
  });

  it('keeps what the request already has over the suggestion, and proposes nothing before the suggestion is there', () => {
    const classified = request('r1', { categoryId: 'city/roads', unitId: 'city-roads' });
    expect(plan(classified, context())).toMatchObject({ categoryId: 'city/roads', unitId: 'city-roads' });
    expect(plan(request('r1'), null)).toEqual({
      categoryId: null,
      unitId: null,
      templateId: null,
      replyText: null,
      relay: null,
    });
  });

  it('turns the plan into the decisions the request still needs, in order', () => {
    const r = request('r1');
    expect(planActions(r, plan(r, context())).map((a) => a.kind)).toEqual(['accept', 'classify', 'transfer', 'reply']);
    const done = request('r2', { status: 'accepted', categoryId: 'city/lights', unitId: 'city-lighting' });
    expect(planActions(done, { ...plan(done, context()), replyText: null })).toEqual([]);
  });

  it('cuts a reply to the length the decision schema takes', () => {
    const r = request('r1', { status: 'accepted' });
    const [reply] = planActions(r, {
      categoryId: null,
      unitId: null,
      templateId: null,
      replyText: '长'.repeat(2500),
      relay: null,
    });
    expect(reply).toEqual({ kind: 'reply', text: '长'.repeat(2000) });
  });
});

const decisionsOf = (key: Parameters<typeof decisionForKey>[0], r: LocalRequest, view: 'queue' | 'junk' = 'queue') =>
  decisionForKey(key, view, NOW)?.plan(r) ?? null;

describe('the decision dispatch: from a key to the host', () => {
  it('a accepts a new request only; e escalates once and moves on', () => {
    expect(decisionsOf('accept', request('r1'))).toEqual([{ kind: 'accept' }]);
    expect(decisionsOf('accept', request('r1', { status: 'accepted' }))).toBeNull();
    expect(decisionForKey('escalate', 'queue', NOW)?.advance).toBe(true);
    expect(decisionsOf('escalate', request('r1'))).toEqual([{ kind: 'escalate', note: null }]);
    expect(decisionsOf('escalate', request('r1', { escalated: true }))).toBeNull();
  });

  it('d junks in the queue and restores in the junk view; s puts aside for an hour', () => {
    expect(decisionsOf('junk', request('r1'))).toEqual([{ kind: 'junk' }]);
    expect(decisionsOf('junk', request('r1', { status: 'junk' }), 'junk')).toEqual([{ kind: 'restore' }]);
    expect(decisionsOf('snooze', request('r1'))).toEqual([
      { kind: 'snooze', until: new Date(NOW + SNOOZE_MS).toISOString() },
    ]);
  });

  it('keys that decide nothing have no decision', () => {
    expect(decisionForKey('next', 'queue', NOW)).toBeNull();
    expect(decisionForKey('transfer', 'queue', NOW)).toBeNull();
  });

  it('notes, merges and links go to each request, never merging one into itself or linking its own citizen', () => {
    expect(notePlan('已电话联系')(request('r1'))).toEqual([{ kind: 'note', text: '已电话联系' }]);
    expect(mergePlan('r2')(request('r1'))).toEqual([{ kind: 'merge', intoRequestId: 'r2' }]);
    expect(mergePlan('r2')(request('r2'))).toBeNull();
    expect(linkPlan('wechat:o-9')(request('r1'))).toEqual([{ kind: 'link-citizen', citizenId: 'wechat:o-9' }]);
    expect(linkPlan('weibo:r1')(request('r1'))).toBeNull();
  });

  it('goes to the marked requests, else the current one, else none', () => {
    const [a, b, c] = [request('a'), request('b'), request('c')];
    expect(
      targetsOf(
        new Map([
          [a.id, a],
          [b.id, b],
        ]),
        c,
      ),
    ).toEqual([a, b]);
    expect(targetsOf(new Map(), c)).toEqual([c]);
    expect(targetsOf(new Map(), null)).toEqual([]);
  });

  it("takes a request out of the view exactly when the rule book's status after the decisions is not the view's", () => {
    const act = (...kinds: DecisionAction[]) => kinds;
    const cases: [view: 'queue' | 'junk' | 'done', from: RequestStatus, actions: DecisionAction[], leaves: boolean][] =
      [
        ['queue', 'new', act({ kind: 'accept' }), false],
        ['queue', 'new', act({ kind: 'junk' }), true],
        ['queue', 'new', act({ kind: 'accept' }, { kind: 'transfer', unitId: 'u', note: null }), true],
        ['queue', 'accepted', act({ kind: 'reply', text: '好' }), true],
        ['queue', 'new', act({ kind: 'snooze', until: '2026-03-02T03:00:00.000Z' }), true],
        ['queue', 'new', act({ kind: 'note', text: '备注' }), false],
        ['junk', 'junk', act({ kind: 'restore' }), true],
        ['done', 'transferred', act({ kind: 'reply', text: '好' }), false],
        ['done', 'closed', act({ kind: 'reopen' }), true],
        // The rule book refuses it, and so will the host: the row stays and the refusal is shown.
        ['done', 'replied', act({ kind: 'junk' }), false],
      ];
    for (const [view, from, actions, leaves] of cases)
      expect({
        view,
        from,
        actions: actions.map((a) => a.kind),
        leaves: leavesView(view, request('r1', { status: from }), actions, NOW),
      }).toEqual({
        view,
        from,
        actions: actions.map((a) => a.kind),
        leaves,
      });
  });

  it('moves the cursor on only for one request kept in the view, and never away from one opened from search', () => {
    const r = request('r1');
    const escalate: DecisionAction[] = [{ kind: 'escalate', note: null }];
    const junk: DecisionAction[] = [{ kind: 'junk' }];
    const how = (opened: boolean, advance: boolean, alone: boolean) => ({ opened, advance, alone, now: NOW });
    expect(screenStep('queue', r, escalate, how(false, true, true))).toBe('advance');
    expect(screenStep('queue', r, escalate, how(false, true, false))).toBe('stay');
    expect(screenStep('queue', r, escalate, how(false, false, true))).toBe('stay');
    expect(screenStep('queue', r, junk, how(false, false, true))).toBe('leave');
    expect(screenStep('queue', r, junk, how(true, true, true))).toBe('stay');
  });
});
