import { DIRECTORY_VERSION, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';
import type { UnitsTable } from '../db/schema';
import { cityUnits, type UnitSeed } from './city-units';
import { FIRST_LEVEL_CATEGORIES } from './first-level-categories';
import { namePinyin } from './name-pinyin';

/**
 * Fills an empty directory with the seeded units and first-level categories. A directory that
 * already has units or categories is the operators' own and is left alone.
 */
export async function seedDirectory(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const hasUnits = await trx.selectFrom('units').select('id').limit(1).executeTakeFirst();
    const hasCategories = await trx.selectFrom('categories').select('id').limit(1).executeTakeFirst();
    if (hasUnits && hasCategories) return;
    if (!hasUnits) {
      const rows = flatten(cityUnits(), null, 1);
      // Parents come before their children, as the self-reference requires.
      for (let i = 0; i < rows.length; i += 100)
        await trx
          .insertInto('units')
          .values(rows.slice(i, i + 100))
          .execute();
    }
    if (!hasCategories) {
      await trx
        .insertInto('categories')
        .values(
          FIRST_LEVEL_CATEGORIES.map((name, order) => ({
            id: name,
            name,
            parent_id: null,
            level: 1,
            sort_order: order,
          })),
        )
        .execute();
    }
    await nextValue(trx, DIRECTORY_VERSION);
  });
}

function flatten(seeds: UnitSeed[], parentId: string | null, level: number, rows: UnitsTable[] = []): UnitsTable[] {
  for (const seed of seeds) {
    rows.push({
      id: seed.id,
      name: seed.name,
      parent_id: parentId,
      level,
      aliases: JSON.stringify(seed.aliases),
      ...namePinyin(seed.name),
      active: 1,
      sort_order: rows.length,
    });
    if (seed.children) flatten(seed.children, seed.id, level + 1, rows);
  }
  return rows;
}
