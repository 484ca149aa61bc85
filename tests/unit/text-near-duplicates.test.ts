import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from '../../shared/text/near-duplicates';

const complaint =
  '幸福路与和平街交叉口的红绿灯已经坏了一个星期，早晚高峰车辆拥堵严重，行人过马路非常危险，请交警部门尽快派人维修。';

describe('near-duplicate index', () => {
  it('finds an identical text with similarity 1', () => {
    const index = new NearDuplicateIndex();
    index.add('a', complaint);
    expect(index.query(complaint)).toEqual([{ id: 'a', similarity: 1 }]);
  });

  it('finds a text with a few characters changed, and not an unrelated one', () => {
    const index = new NearDuplicateIndex();
    index.add('a', complaint);
    index.add('b', '小区物业费上涨太快，业主委员会没有开会讨论，物业公司擅自提高收费标准，请住建局调查处理。');
    const edited = complaint.replace('一个星期', '十天').replace('危险', '不安全');
    const matches = index.query(edited);
    expect(matches.map((m) => m.id)).toEqual(['a']);
    expect(matches[0]!.similarity).toBeGreaterThan(0.7);
    expect(index.query('市图书馆周末开放时间太短，希望延长开放时间方便学生学习。')).toEqual([]);
  });

  it('ignores numbers and place masks that differ', () => {
    const index = new NearDuplicateIndex();
    index.add('a', `A市A1区${complaint}电话13800138000`);
    expect(index.query(`A市A3区${complaint}电话13900139000`)[0]?.id).toBe('a');
  });

  it('is deterministic and handles empty and short texts', () => {
    const one = new NearDuplicateIndex();
    const two = new NearDuplicateIndex();
    expect(one.signature(complaint)).toEqual(two.signature(complaint));
    expect(one.signature('')).toBeNull();
    one.add('empty', '  ');
    expect(one.size).toBe(0);
    one.add('short', '好');
    expect(one.query('好')).toEqual([{ id: 'short', similarity: 1 }]);
    expect(() => one.add('short', '好')).toThrow(/already/);
  });
});
