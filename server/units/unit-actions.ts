import type { UnitAction } from '../../shared/model';
import type { UnitAccount } from '../../shared/units/protocol';
import type { Db } from '../db/open-database';
import type { DeadlineClock } from '../deadlines/deadline-clock';
import { actOnRequest, type ActOutcome } from '../requests/act-on-request';
import { isInScope } from './unit-requests';

/** A unit account's action on a request its unit (or a sub-unit) holds; anything else is not found. */
export function actAsUnit(
  db: Db,
  clock: DeadlineClock,
  account: UnitAccount,
  scope: readonly string[],
  requestId: string,
  action: UnitAction,
): Promise<ActOutcome> {
  const actor = { kind: 'unit' as const, id: account.id, name: `${account.unitName}（${account.name}）` };
  return actOnRequest(db, clock, actor, requestId, action, isInScope(scope));
}
