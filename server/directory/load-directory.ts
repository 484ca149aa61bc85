import type { Directory } from '../../shared/model';
import { aliasInitials, namePinyin } from './name-pinyin';
import { currentValue, DIRECTORY_VERSION } from '../db/counters';
import type { Db } from '../db/open-database';

export function directoryVersion(db: Db): Promise<number> {
  return currentValue(db, DIRECTORY_VERSION);
}

/** The whole directory as workstations receive it on pull. */
export async function loadDirectory(db: Db): Promise<Directory> {
  // Version first: contents newer than the version only cost a redundant pull later, the reverse would hide a change.
  const version = await directoryVersion(db);
  const units = await db.selectFrom('units').selectAll().orderBy('sort_order').execute();
  const categories = await db
    .selectFrom('categories')
    .selectAll()
    .orderBy('level')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return {
    version,
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      parentId: u.parent_id,
      level: Number(u.level),
      aliases: JSON.parse(u.aliases) as string[],
      aliasInitials: aliasInitials(JSON.parse(u.aliases) as string[]),
      pinyin: u.pinyin,
      initials: u.initials,
      active: u.active === 1,
    })),
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      parentId: c.parent_id,
      level: Number(c.level),
      order: Number(c.sort_order),
      ...namePinyin(c.name),
    })),
  };
}
