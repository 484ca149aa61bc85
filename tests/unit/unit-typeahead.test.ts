import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/model';
import { indexUnits, searchUnits } from '../../shared/directory/unit-search';

function unit(id: string, name: string, pinyin: string, initials: string, extra: Partial<Unit> = {}): Unit {
  return { id, name, parentId: null, level: 1, aliases: [], pinyin, initials, active: true, ...extra };
}

const units: Unit[] = [
  unit('gaj', '市公安局', 'shigonganju', 'sgaj', { aliases: ['公安'] }),
  unit('gaj-a1', '公安局A1区分局', 'gonganjua1qufenju', 'gaja1qfj', { level: 2, parentId: 'gaj' }),
  unit('zjj', '市住房和城乡建设局', 'shizhufanghechengxiangjiansheju', 'szfhcxjsj', { aliases: ['住建', '住建局'] }),
  unit('jtj', '市交通运输局', 'shijiaotongyunshuju', 'sjtysj', { aliases: ['交通'] }),
  unit('sgj', '市市场监督管理局', 'shishichangjianduguanliju', 'sscjdglj', { aliases: ['市场监管'] }),
  unit('old', '市旧公安处', 'shijiugonganchu', 'sjgac', { active: false }),
];
const index = indexUnits(units);
const ids = (query: string) => searchUnits(index, query).map((u) => u.id);

describe('unit type-ahead', () => {
  it('finds 市公安局 by its initials without the 市 prefix, ahead of its sub-units', () => {
    expect(ids('gaj')[0]).toBe('gaj');
    expect(ids('gaj')).toContain('gaj-a1');
  });

  it('matches full initials, pinyin, names and aliases', () => {
    expect(ids('sgaj')[0]).toBe('gaj');
    expect(ids('gongan')[0]).toBe('gaj');
    expect(ids('住建')).toEqual(['zjj']);
    expect(ids('交通运输')).toEqual(['jtj']);
    expect(ids('GAJ')[0]).toBe('gaj');
  });

  it('ranks initials and alias prefixes before substrings', () => {
    // "jt": prefix of 交通's initials (after 市), only a substring elsewhere.
    expect(ids('jt')[0]).toBe('jtj');
    // "jd": only a substring (of 市市场监督管理局's initials).
    expect(ids('jd')).toEqual(['sgj']);
  });

  it('never offers inactive units and lists the rest for an empty query, city level first', () => {
    expect(ids('jgac')).toEqual([]);
    const all = ids('');
    expect(all).not.toContain('old');
    expect(all.at(-1)).toBe('gaj-a1');
    expect(all).toHaveLength(5);
  });

  it('answers nothing for a query that matches nothing', () => {
    expect(ids('zzzz')).toEqual([]);
  });
});
