import { describe, expect, it } from 'vitest';
import type { Category } from '../../shared/model';
import { namePinyin } from '../../server/directory/name-pinyin';
import { categoryOptions, searchCategories } from '../../renderer/src/pickers/category-search';

/** A slice of the imported three-level tree, with the pinyin the server sends. */
const TREE: [string, string | null, number][] = [
  ['城乡建设', null, 1],
  ['环境保护', null, 1],
  ['交通运输', null, 1],
  ['城乡建设/城乡规划', '城乡建设', 2],
  ['城乡建设/城乡规划/违章建筑', '城乡建设/城乡规划', 3],
  ['城乡建设/住房保障与房地产', '城乡建设', 2],
  ['城乡建设/住房保障与房地产/物业服务', '城乡建设/住房保障与房地产', 3],
];
const categories: Category[] = TREE.map(([id, parentId, level], order) => {
  const name = id.split('/').at(-1)!;
  return { id, name, parentId, level, order, ...namePinyin(name) };
});
const options = categoryOptions(categories);
const first = (query: string) => searchCategories(options, query)[0]?.category.id;

describe('category type-ahead over the whole imported tree', () => {
  it.each([
    ['cxjs', '城乡建设'],
    ['huanjing', '环境保护'],
    ['jtys', '交通运输'],
    ['wyfw', '城乡建设/住房保障与房地产/物业服务'],
    ['wuye', '城乡建设/住房保障与房地产/物业服务'],
    ['违章', '城乡建设/城乡规划/违章建筑'],
    ['wzjz', '城乡建设/城乡规划/违章建筑'],
  ])('%s finds %s first', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it('offers the first level, in key order, before anything is typed', () => {
    expect(searchCategories(options, '').map((o) => o.category.name)).toEqual(['城乡建设', '环境保护', '交通运输']);
  });
});
