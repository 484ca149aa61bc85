import { describe, expect, it } from 'vitest';
import type { LocalRequest } from '../../shared/api/workstation-api';
import type { DecisionAction, DecisionStamp } from '../../shared/model';
import { inQueue, unitNews } from '../../shared/queue/unit-news';
import { decide } from '../../shared/model';
import { leavesView } from '../../renderer/src/triage/dispatch';
import { DEFAULT_REPLY_TEMPLATES } from '../../shared/replies/reply-templates';
import { planActions, planFor } from '../../renderer/src/triage/plan';
import { viewShows } from '../../renderer/src/store/view-list';
import { makeRequest } from '../support/seeded-workstation';

const NOW = Date.parse('2026-03-02T02:00:00.000Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const stamp = (kind: string, minutesAgo: number): DecisionStamp => ({
  decisionId: '01J00000000000000000000000',
  kind,
  operatorId: '01J00000000000000000000001',
  operatorName: '王',
  deviceId: 'd',
  at: at(minutesAgo),
});

function request(patch: Partial<LocalRequest>): LocalRequest {
  return { ...makeRequest({ text: '路灯坏了', unitId: 'lights' }, 0, NOW), pending: 0, rejection: null, ...patch };
}

const transferred = request({ status: 'transferred', lastDecision: stamp('transfer', 60) });

describe('what came back from the unit', () => {
  it('names the news, and only while the operator has not acted on it', () => {
    const cases: [string, LocalRequest, ReturnType<typeof unitNews>][] = [
      ['answered', request({ status: 'replied', unitAnswer: '已修复' }), 'answered'],
      ["the operator's own reply", request({ status: 'replied', unitAnswer: null }), null],
      ['returned', request({ status: 'new', returnCount: 1, lastReturnReason: '非本单位职责' }), 'returned'],
      [
        'returned, then accepted',
        request({ status: 'accepted', returnCount: 3, lastReturnReason: '不归我们' }),
        'returned',
      ],
      ['with the unit', transferred, null],
      ['progress', { ...transferred, unitProgress: { text: '协调中', at: at(10) } }, 'progress'],
      ['progress passed on', { ...transferred, unitProgress: { text: '协调中', at: at(90) } }, null],
      [
        'extension asked',
        {
          ...transferred,
          unitProgress: { text: '协调中', at: at(10) },
          extensionRequest: { workingDays: 3, reason: '需勘察', at: at(5) },
        },
        'extension',
      ],
      ['closed', request({ status: 'closed', unitAnswer: '已修复' }), null],
    ];
    for (const [name, r, news] of cases) {
      expect({ name, news: unitNews(r) }).toEqual({ name, news });
      expect({ name, queued: inQueue(r) }).toEqual({
        name,
        queued: news !== null || r.status === 'new' || r.status === 'accepted',
      });
    }
  });

  it('keeps an answered request in the queue, not in done, until it is closed or transferred again', () => {
    const answered = request({ status: 'replied', unitAnswer: '已修复', version: 4 });
    expect(viewShows('queue', answered)).toBe(true);
    expect(viewShows('done', answered)).toBe(false);
    const act = (...actions: DecisionAction[]) => actions;
    expect(leavesView('queue', answered, act({ kind: 'note', text: '已电话联系' }), NOW)).toBe(false);
    expect(leavesView('queue', answered, act({ kind: 'reply', text: '经核实已修复' }), NOW)).toBe(false);
    expect(leavesView('queue', answered, act({ kind: 'reply', text: '经核实已修复' }, { kind: 'close' }), NOW)).toBe(
      true,
    );
    expect(leavesView('queue', answered, act({ kind: 'transfer', unitId: 'roads', note: null }), NOW)).toBe(true);
  });

  it('takes a progress note out of the queue once the operator passes it on', () => {
    const progress = { ...transferred, unitProgress: { text: '协调中', at: at(10) } };
    expect(viewShows('queue', progress)).toBe(true);
    expect(leavesView('queue', progress, [{ kind: 'note', text: '看过了' }], NOW)).toBe(false);
    expect(leavesView('queue', progress, [{ kind: 'reply', text: '单位正在协调' }], NOW)).toBe(true);
  });
});

describe('passing it on to the citizen', () => {
  const unitName = (id: string) => (id === 'lights' ? '市路灯管理处' : null);
  const answered = request({ status: 'replied', unitAnswer: '路灯已于今日修复。', version: 4 });

  it("wraps the unit's answer in the centre's words, sends it and closes; r r's edit goes instead", () => {
    const plan = planFor(answered, null, {}, unitName, DEFAULT_REPLY_TEMPLATES);
    expect(plan.replyText).toBe(`您反映的问题（编号 ${answered.number}），经市路灯管理处核实：路灯已于今日修复。`);
    expect(planActions(answered, plan)).toEqual([{ kind: 'reply', text: plan.replyText }, { kind: 'close' }]);
    const edited = planFor(answered, null, { replyText: '改过的答复' }, unitName, DEFAULT_REPLY_TEMPLATES);
    expect(planActions(answered, edited)).toEqual([{ kind: 'reply', text: '改过的答复' }, { kind: 'close' }]);
  });

  it('passes a progress note on and leaves the request with the unit', () => {
    const progress = { ...transferred, unitProgress: { text: '正在协调施工队', at: at(10) } };
    const plan = planFor(progress, null, {}, unitName, DEFAULT_REPLY_TEMPLATES);
    expect(plan.relay).toBe('progress');
    expect(planActions(progress, plan)).toEqual([
      { kind: 'reply', text: `您反映的问题（编号 ${progress.number}）正由市路灯管理处办理，目前进展：正在协调施工队` },
    ]);
  });

  it('sends an answer back to the unit that gave it, with the reason, and counts it', () => {
    const ctx = { stamp: stamp('reject-answer', 0), now: at(0), unitExists: () => true, categoryExists: () => true };
    const meta = {
      id: '01J00000000000000000000009',
      deviceId: 'd',
      seq: 1,
      requestId: answered.id,
      operatorId: 'o',
      madeAt: at(0),
    };
    const sent = decide(
      answered,
      { ...meta, baseVersion: 4, kind: 'reject-answer', unitId: 'lights', reason: '未实质答复' },
      ctx,
    );
    expect(sent.ok && sent.request).toMatchObject({
      status: 'transferred',
      unitId: 'lights',
      unitAnswer: null,
      answerRejection: { text: '未实质答复', at: at(0) },
      answerRejectionCount: 1,
    });
    // Not another unit's, and not a request without an answer.
    const other = decide(
      answered,
      { ...meta, baseVersion: 4, kind: 'reject-answer', unitId: 'roads', reason: '未实质答复' },
      ctx,
    );
    expect(other.ok ? null : other.rejection.code).toBe('invalid-transition');
    expect(
      leavesView('queue', answered, [{ kind: 'reject-answer', unitId: 'lights', reason: '未实质答复' }], NOW),
    ).toBe(true);
  });
});
