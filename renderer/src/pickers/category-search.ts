import type { Category } from '../../../shared/model';

export interface CategoryOption {
  category: Category;
  /** 城乡建设 / 城乡规划 / 违章建筑 */
  path: string;
}

/** Paths computed once per directory, not per keystroke. */
export function categoryOptions(categories: readonly Category[]): CategoryOption[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const pathOf = (c: Category): string => {
    const names = [c.name];
    let parent = c.parentId ? byId.get(c.parentId) : undefined;
    while (parent && names.length < 4) {
      names.unshift(parent.name);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return names.join(' / ');
  };
  return categories.map((category) => ({ category, path: pathOf(category) }));
}

/** First-level categories in their set order: the ones the number keys 1–9 pick. */
export function firstLevel(options: readonly CategoryOption[]): CategoryOption[] {
  return options.filter((o) => o.category.level === 1).sort((a, b) => a.category.order - b.category.order);
}

/**
 * Ranked matches over the whole tree: name prefix (or its pinyin's or initials' prefix: "wyg" and
 * "wuye" find 物业管理), then name substring (or initials' substring), then anywhere in the path;
 * broader categories first within a rank. An empty query offers the first level.
 */
export function searchCategories(options: readonly CategoryOption[], query: string, limit = 60): CategoryOption[] {
  const q = query.trim().toLowerCase();
  if (q === '') return firstLevel(options);
  const ranked: { option: CategoryOption; rank: number }[] = [];
  for (const option of options) {
    const name = option.category.name.toLowerCase();
    const { pinyin = '', initials = '' } = option.category;
    const rank =
      name.startsWith(q) || initials.startsWith(q) || pinyin.startsWith(q)
        ? 0
        : name.includes(q) || initials.includes(q)
          ? 1
          : option.path.toLowerCase().includes(q)
            ? 2
            : null;
    if (rank !== null) ranked.push({ option, rank });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.option.category.level - b.option.category.level ||
      a.option.path.localeCompare(b.option.path, 'zh-CN'),
  );
  return ranked.slice(0, limit).map((r) => r.option);
}
