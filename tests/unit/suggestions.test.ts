import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalRequest } from '../../shared/api/workstation-api';
import { UNIT_WORK_DEFAULTS } from '../../shared/model';
import { DEFAULT_KEYWORD_RULES, matchingRules } from '../../shared/suggestions/keyword-rules';
import { trainTextModel } from '../../shared/text';
import { openWorkstationCache, type WorkstationCache } from '../../electron/host/cache/workstation-cache';
import { isLowConfidence } from '../../electron/host/suggestions/confidence';
import { suggester } from '../../electron/host/suggestions/suggest';
import { learnable } from '../../server/suggestions/training-examples';

const NOW = '2026-11-28T03:00:00.000Z';

function request(id: string, text: string): LocalRequest {
  return {
    id,
    number: `YW-${id.slice(-4)}`,
    channel: 'wechat',
    account: 'gh_yiwang_demo',
    citizen: { id: `wechat:${id}`, name: null },
    text,
    attachments: [],
    receivedAt: NOW,
    status: 'new',
    categoryId: null,
    unitId: null,
    mergedInto: null,
    snoozedUntil: null,
    escalated: false,
    version: 0,
    updatedAt: NOW,
    lastDecision: null,
    ...UNIT_WORK_DEFAULTS,
    pending: 0,
    rejection: null,
  } as LocalRequest;
}

describe('the low-confidence rule', () => {
  it('flags a best choice below the threshold, not one at it, and not an empty list', () => {
    expect(
      isLowConfidence(
        [
          { id: 'a', confidence: 0.39 },
          { id: 'b', confidence: 0.3 },
        ],
        0.4,
      ),
    ).toBe(true);
    expect(isLowConfidence([{ id: 'a', confidence: 0.4 }], 0.4)).toBe(false);
    expect(isLowConfidence([], 0.4)).toBe(false);
  });
});

describe('keyword rules', () => {
  it('match by any of their words, with the defaults unless rules are given', () => {
    expect(matchingRules('路灯坏了').map((r) => r.unitId)).toEqual(['city-urban-management']);
    const mine = [{ words: ['扶梯'], categoryId: '城乡建设', unitId: 'city-market-regulation' }];
    expect(matchingRules('商场扶梯停了', mine)).toEqual(mine);
    expect(matchingRules('商场扶梯停了')).toEqual([]);
  });

  it('cover every default rule with words', () => {
    expect(DEFAULT_KEYWORD_RULES.every((r) => r.words.length > 0 && (r.categoryId || r.unitId))).toBe(true);
  });
});

describe('training examples', () => {
  it('leave out classes too small to learn, and train nothing with fewer than two classes left', () => {
    const examples = [...['a', 'a', 'a', 'b', 'b', 'b', 'c'].map((label, i) => ({ text: `t${i}`, label }))];
    expect(new Set(learnable(examples, 3).map((e) => e.label))).toEqual(new Set(['a', 'b']));
    expect(learnable(examples.slice(0, 4), 3)).toEqual([]);
  });
});

describe('the suggester', () => {
  let dir: string;
  let cache: WorkstationCache;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yiwang-suggest-'));
    cache = openWorkstationCache(dir, 'http://127.0.0.1:9');
  });

  afterEach(() => {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function cached(id: string, text: string): LocalRequest {
    const r = request(id, text);
    cache.requests.saveServer(r);
    cache.requests.saveLocal(r);
    return cache.requests.local(id)!;
  }

  it('falls back to the rules in force without a model, the pulled ones over the defaults', () => {
    const lamp = cached('01JDQ0000000000000000000A1', '小区门口的路灯坏了');
    const cold = suggester(cache).context(lamp).suggestion;
    expect(cold).toMatchObject({ source: 'rules', junk: null });
    expect(cold.unit.map((u) => u.id)).toEqual(['city-urban-management', 'city-housing']);
    // Two rules point two ways: neither is sure enough to pre-fill.
    expect(cold.lowConfidence).toEqual({ category: false, unit: true });

    cache.suggestionRules.save({
      version: 2,
      rules: [{ words: ['路灯'], categoryId: '城乡建设', unitId: 'city-urban-management' }],
    });
    const edited = suggester(cache).context(lamp).suggestion;
    expect(edited.unit).toEqual([{ id: 'city-urban-management', confidence: 0.5 }]);
    expect(edited.lowConfidence).toEqual({ category: false, unit: false });
  });

  it('answers from the model when there is one, and says when it is unsure', () => {
    const examples = [
      ...['共享单车乱停', '共享单车挡路', '共享单车太多'].map((text) => ({ text, label: '交通运输' })),
      ...['楼道堆满杂物', '楼道灯坏了', '楼道墙皮脱落'].map((text) => ({ text, label: '城乡建设' })),
    ];
    const category = trainTextModel(examples);
    const bikes = cached('01JDQ0000000000000000000B1', '共享单车乱停乱放');
    const sure = suggester(cache, { category, unit: null }).context(bikes).suggestion;
    expect(sure).toMatchObject({ source: 'model', lowConfidence: { category: false } });
    expect(sure.category.map((c) => c.id)).toEqual(['交通运输', '城乡建设']);

    // A threshold no confidence reaches: everything is unsure, so nothing is pre-filled.
    const unsure = suggester(cache, { category, unit: null }, { confidenceThreshold: 1.1 }).context(bikes).suggestion;
    expect(unsure.category[0]?.id).toBe('交通运输');
    expect(unsure.lowConfidence.category).toBe(true);
  });

  it('shows a linked citizen’s requests from every channel as one citizen’s, and finds them by channel identity', () => {
    const onWeibo = {
      ...request('01JDQ0000000000000000000C1', '井盖丢了'),
      channel: 'weibo' as const,
      citizen: { id: 'weibo:1234567890', name: null },
    };
    cache.requests.saveServer(onWeibo);
    cache.requests.saveLocal(onWeibo);
    const onWechat = cached('01JDQ0000000000000000000C2', '小区东门口的井盖丢了三天了，晚上很危险');
    const lookAlike = cached('01JDQ0000000000000000000C3', '小区东门口的井盖丢了三天了，晚上很危险！');
    expect(suggester(cache).context(onWechat).history).toEqual([]);

    const linked = {
      ...onWechat,
      citizen: {
        ...onWechat.citizen,
        identities: ['wechat:01JDQ0000000000000000000C2', 'wechat:01JDQ0000000000000000000C3', 'weibo:1234567890'],
      },
    };
    cache.requests.saveLocal(linked);
    const context = suggester(cache).context(cache.requests.local(linked.id)!);
    expect(context.history.map((r) => r.id).sort()).toEqual([onWeibo.id, lookAlike.id]);
    expect(context.duplicates.matches.map((m) => [m.request.id, m.sameCitizen])).toEqual([[lookAlike.id, true]]);

    expect(cache.search.search('weibo:12345', {}, 10)).toEqual([onWeibo.id]);
    expect(cache.search.search('WeChat:01JDQ0000000000000000000C3', {}, 10)).toEqual([lookAlike.id]);
  });
});
