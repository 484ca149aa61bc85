import type { Db } from '../db/open-database';

/** The unit and all units below it (bureaus, streets, communities): what a unit account may see and act on. */
export async function unitScope(db: Db, unitId: string): Promise<string[]> {
  const units = await db.selectFrom('units').select(['id', 'parent_id']).execute();
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parent_id === null) continue;
    children.set(unit.parent_id, [...(children.get(unit.parent_id) ?? []), unit.id]);
  }
  const scope = [unitId];
  for (let i = 0; i < scope.length; i++) scope.push(...(children.get(scope[i]!) ?? []));
  return scope;
}
