import { describe, expect, it } from 'vitest';
import { indexUnits, searchUnits } from '../../shared/directory/unit-search';
import { seededDirectory } from '../support/seeded-workstation';

// The abbreviations people really type, in characters and in pinyin initials, against the seeded directory.
const index = indexUnits(seededDirectory().units);
const first = (query: string) => searchUnits(index, query, 1)[0]?.name;

describe('unit type-ahead by the short forms staff use', () => {
  it.each([
    ['住建局', '市住房和城乡建设局'],
    ['zjj', '市住房和城乡建设局'],
    ['城管', '市城市管理和综合执法局'],
    ['cgj', '市城市管理和综合执法局'],
    ['人社', '市人力资源和社会保障局'],
    ['rsj', '市人力资源和社会保障局'],
    ['卫健委', '市卫生健康委员会'],
    ['wjw', '市卫生健康委员会'],
    ['市场监管', '市市场监督管理局'],
    ['scjg', '市市场监督管理局'],
    ['芙蓉公安', '芙蓉区公安分局'],
    ['frgaj', '芙蓉区公安分局'],
  ])('%s finds %s first', (query, name) => {
    expect(first(query)).toBe(name);
  });
});
