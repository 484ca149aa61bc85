import type { Directory } from '../../../shared/model';
import type { Cache } from './open-cache';

const EMPTY: Directory = { version: 0, units: [], categories: [] };

/** The units directory and category tree as last pulled (whole, when the server's is newer). */
export function directoryStore(db: Cache) {
  const get = db.prepare<[], { version: number; units: string; categories: string }>(
    'SELECT version, units, categories FROM directory WHERE singleton = 1',
  );
  const put = db.prepare(
    `INSERT INTO directory (singleton, version, units, categories) VALUES (1, @version, @units, @categories)
     ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, units = excluded.units, categories = excluded.categories`,
  );

  const load = (): Directory => {
    const row = get.get();
    if (!row) return EMPTY;
    return { version: row.version, units: JSON.parse(row.units), categories: JSON.parse(row.categories) } as Directory;
  };
  // Kept in memory: every decision checks unit and category ids against it.
  let current = load();

  return {
    get(): Directory {
      return current;
    },
    save(directory: Directory): void {
      put.run({
        version: directory.version,
        units: JSON.stringify(directory.units),
        categories: JSON.stringify(directory.categories),
      });
      current = directory;
    },
  };
}
