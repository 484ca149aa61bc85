import { parse } from 'csv-parse/sync';
import { currentValue, DIRECTORY_VERSION, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';

const HEADER = ['一级分类', '二级分类', '三级分类'] as const;

/** A CSV that cannot be imported; the message says what to fix. */
export class CategoryImportError extends Error {}

export interface CategoryImportResult {
  added: number;
  unchanged: number;
  directoryVersion: number;
}

interface Node {
  id: string;
  name: string;
  parentId: string | null;
  level: number;
}

/**
 * Imports the three-level category tree from CSV (header 一级分类,二级分类,三级分类; lower levels
 * may be blank). Categories are added, never removed or reordered, so the number keys operators
 * know keep their meaning; ids are paths such as 城乡建设/城乡规划/违章建筑.
 */
export async function importCategories(db: Db, csvText: string): Promise<CategoryImportResult> {
  const nodes = parseTree(csvText);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('categories').select(['id', 'parent_id', 'sort_order']).execute();
    const known = new Set(existing.map((c) => c.id));
    const nextOrder = new Map<string, number>();
    for (const c of existing) {
      const key = c.parent_id ?? '';
      nextOrder.set(key, Math.max(nextOrder.get(key) ?? 0, Number(c.sort_order) + 1));
    }
    let added = 0;
    for (const node of nodes) {
      if (known.has(node.id)) continue;
      const key = node.parentId ?? '';
      const order = nextOrder.get(key) ?? 0;
      nextOrder.set(key, order + 1);
      await trx
        .insertInto('categories')
        .values({ id: node.id, name: node.name, parent_id: node.parentId, level: node.level, sort_order: order })
        .execute();
      known.add(node.id);
      added += 1;
    }
    const directoryVersion =
      added > 0 ? await nextValue(trx, DIRECTORY_VERSION) : await currentValue(trx, DIRECTORY_VERSION);
    return { added, unchanged: nodes.length - added, directoryVersion };
  });
}

/** The distinct nodes of the CSV, parents before children, in order of first appearance. */
function parseTree(csvText: string): Node[] {
  let rows: string[][];
  try {
    rows = parse(csvText, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (err) {
    throw new CategoryImportError(`not a readable CSV file: ${(err as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header)
    throw new CategoryImportError(
      'the file is empty: expected a header line 一级分类,二级分类,三级分类 and rows below it',
    );
  if (HEADER.some((name, i) => header[i] !== name)) {
    throw new CategoryImportError(`wrong header "${header.join(',')}": expected ${HEADER.join(',')}`);
  }
  if (body.length === 0) throw new CategoryImportError('the file has a header but no categories');
  const nodes = new Map<string, Node>();
  body.forEach((row, i) => {
    const names = row.slice(0, 3);
    const line = i + 2;
    const blank = names.findIndex((n) => n === '');
    if (blank === 0 || names.length === 0) throw new CategoryImportError(`line ${line}: 一级分类 is empty`);
    if (blank !== -1 && names.slice(blank).some((n) => n !== '')) {
      throw new CategoryImportError(`line ${line}: ${HEADER[blank]} is empty but a lower level is not`);
    }
    let parentId: string | null = null;
    names.forEach((name, level) => {
      if (name === '') return;
      if (name.includes('/'))
        throw new CategoryImportError(`line ${line}: "${name}" contains "/", which separates levels in category ids`);
      const id: string = parentId === null ? name : `${parentId}/${name}`;
      if (!nodes.has(id)) nodes.set(id, { id, name, parentId, level: level + 1 });
      parentId = id;
    });
  });
  return [...nodes.values()];
}
