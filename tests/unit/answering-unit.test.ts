import { describe, expect, it } from 'vitest';
import { answeringUnit } from '../../shared/suggestions/answering-unit';

describe('the unit that answered, read from its reply', () => {
  it('takes the office that signs at the end', () => {
    expect(answeringUnit('网友：您好！…已督促学校整改。特此回复。\n  A7县教育局\n  2018年8月27日')).toBe(
      'city-education',
    );
    expect(answeringUnit('您好！…感谢您的监督。泉塘街道办事处 2019年1月2日')).toBe('local-government');
  });

  it('else the first office the opening names', () => {
    expect(answeringUnit('网友您好！经A2区城管执法大队调查，该处摊贩已清理。')).toBe('city-urban-management');
    expect(answeringUnit('您好，经A市住房公积金管理中心核实，您的贷款已审批。')).toBe('city-housing-fund');
  });

  it('reads a people’s government as local, not as civil affairs (人民政府 holds 民政)', () => {
    expect(answeringUnit('您好！…此复。A4区人民政府')).toBe('local-government');
  });

  it('labels nothing when neither end names an office', () => {
    expect(answeringUnit('网友：您好！留言已收悉')).toBeNull();
  });
});
