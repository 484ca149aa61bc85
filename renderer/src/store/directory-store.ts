import { create } from 'zustand';
import { indexUnits, type UnitIndex } from '../../../shared/directory/unit-search';
import type { Category, Directory, Unit } from '../../../shared/model';
import { call } from '../bridge/call';
import { notifyFailure } from './notice-store';

interface DirectoryState {
  version: number;
  unitsById: ReadonlyMap<string, Unit>;
  unitIndex: UnitIndex;
  categories: readonly Category[];
  categoriesById: ReadonlyMap<string, Category>;
  load(): Promise<void>;
}

export const useDirectory = create<DirectoryState>()((set, get) => ({
  version: -1,
  unitsById: new Map(),
  unitIndex: indexUnits([]),
  categories: [],
  categoriesById: new Map(),
  load: async () => {
    try {
      const directory = await call('directory.get', {});
      // Indexing 3000+ units is only worth redoing when the directory actually changed.
      if (directory.version !== get().version || get().categories.length !== directory.categories.length)
        set(fromDirectory(directory));
    } catch (error) {
      notifyFailure(error);
    }
  },
}));

function fromDirectory(directory: Directory): Omit<DirectoryState, 'load'> {
  return {
    version: directory.version,
    unitsById: new Map(directory.units.map((u) => [u.id, u])),
    unitIndex: indexUnits(directory.units),
    categories: directory.categories,
    categoriesById: new Map(directory.categories.map((c) => [c.id, c])),
  };
}

/** 城乡建设 / 城乡规划 / 违章建筑: a category with its ancestors, as staff read it. */
export function categoryPath(categoriesById: ReadonlyMap<string, Category>, id: string): string {
  const names: string[] = [];
  let node = categoriesById.get(id);
  while (node && names.length < 4) {
    names.unshift(node.name);
    node = node.parentId ? categoriesById.get(node.parentId) : undefined;
  }
  return names.length > 0 ? names.join(' / ') : id;
}
