import { describe, expect, it } from 'vitest';
import { checkReply, REPLY_LIMITS, templateLengths } from '../../shared/replies/channel-limits';
import {
  DEFAULT_REPLY_TEMPLATES,
  fillTemplate,
  RELAY_TEMPLATE_ID,
  relayText,
  ReplyTemplate,
  templateInSlot,
  templateTextProblems,
} from '../../shared/replies/reply-templates';

const REQUEST = { citizen: '张伟', number: 'YW-20261203-0007', unit: '市水务局' };

describe('reply template fields', () => {
  it('fills every field with the request’s details, the deadline as citizens read it in Beijing time', () => {
    const text = '{citizen}：{number} 由{unit}办理，{deadline}前答复。{answer}';
    expect(fillTemplate(text, { ...REQUEST, deadline: '2026-12-05T09:30:00.000Z', answer: '已修复。' })).toBe(
      '张伟：YW-20261203-0007 由市水务局办理，12月5日17:30前答复。已修复。',
    );
  });

  it('reads naturally where a detail is missing', () => {
    expect(
      fillTemplate('{citizen}您好，已转{unit}，{deadline}答复。', { citizen: null, number: 'N', unit: null }),
    ).toBe('市民朋友您好，已转相关部门，规定时限内答复。');
  });

  it('refuses unknown fields and lone braces by name, and takes the five fields', () => {
    expect(templateTextProblems('{citizen}{number}{unit}{deadline}{answer}')).toEqual([]);
    expect(templateTextProblems('{citzen}您好，{单位}')).toEqual([
      'unknown field {citzen}: the fields are {citizen} {number} {unit} {deadline} {answer}',
      'unknown field {单位}: the fields are {citizen} {number} {unit} {deadline} {answer}',
    ]);
    expect(templateTextProblems('编号 {number')).toEqual(['a lone { or }: write a field as {citizen}']);
    expect(ReplyTemplate.safeParse({ id: 'x', name: '样例', text: '{Number}' }).success).toBe(false);
  });

  it('gives keys 1–9 to the centre’s first nine templates, and the unit’s answer the centre’s relay words', () => {
    expect(templateInSlot(DEFAULT_REPLY_TEMPLATES, 1)?.id).toBe('transferred');
    expect(templateInSlot(DEFAULT_REPLY_TEMPLATES, 6)?.id).toBe(RELAY_TEMPLATE_ID);
    expect(templateInSlot(DEFAULT_REPLY_TEMPLATES, 7)).toBeNull();
    expect(relayText('answered', { number: 'N1', unit: '市水务局', text: '已修复。' }, DEFAULT_REPLY_TEMPLATES)).toBe(
      '您反映的问题（编号 N1），经市水务局核实：已修复。',
    );
    const centre = [{ id: RELAY_TEMPLATE_ID, name: '转达', text: '【{unit}答复】{answer}（{number}）' }];
    expect(relayText('answered', { number: 'N1', unit: '市水务局', text: '已修复。' }, centre)).toBe(
      '【市水务局答复】已修复。（N1）',
    );
  });
});

describe('channel length limits', () => {
  it('counts characters, not bytes or UTF-16 units, against each channel', () => {
    expect(REPLY_LIMITS.weibo).toBe(299);
    expect(checkReply('汉'.repeat(299), 'weibo')).toEqual({ length: 299, limit: 299, over: false });
    expect(checkReply('汉'.repeat(300), 'weibo').over).toBe(true);
    expect(checkReply('汉'.repeat(300), 'wechat').over).toBe(false);
    expect(checkReply('👍'.repeat(10), 'weibo').length).toBe(10);
  });

  it('checks a template as typed, with a long unit name and a full number in place of its fields', () => {
    const text = `{number}{unit}${'字'.repeat(270)}`;
    const lengths = templateLengths(text);
    // 16 (number) + 11 (市人力资源和社会保障局) + 270.
    expect(lengths.weibo).toEqual({ length: 297, limit: 299, over: false });
    expect(templateLengths(`${text}{deadline}`).weibo.over).toBe(true);
    expect(templateLengths(`${text}{deadline}`).wechat.over).toBe(false);
  });
});
