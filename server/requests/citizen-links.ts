import type { Kysely, Transaction } from 'kysely';
import { monotonicFactory } from 'ulid';
import type { Request } from '../../shared/model';
import { CHANGE_SEQ, nextValues } from '../db/counters';
import type { Database } from '../db/schema';

const ulid = monotonicFactory();

/**
 * One citizen across channels: an operator's link decision puts two channel identities under one
 * person (citizen_links), and every request of that person carries all its identities, so the
 * workstations show the citizen's requests from every channel together. Linking an identity of one
 * person to an identity of another makes them one person.
 */

/** Whether any request came from this channel identity: only a citizen the centre has heard from can be linked. */
export async function citizenKnown(trx: Transaction<Database>, citizenId: string): Promise<boolean> {
  return (
    (await trx.selectFrom('requests').select('id').where('citizen_id', '=', citizenId).limit(1).executeTakeFirst()) !==
    undefined
  );
}

/** The identities linked with `citizenId` as one person (itself among them); intake runs it compiled (intake-queries.ts). */
export function linkedIdentitiesQuery(db: Kysely<Database>, citizenId: string) {
  return db
    .selectFrom('citizen_links as mine')
    .innerJoin('citizen_links as theirs', 'theirs.person_id', 'mine.person_id')
    .select('theirs.citizen_id')
    .where('mine.citizen_id', '=', citizenId);
}

/** The person's identities, sorted, from linkedIdentitiesQuery's rows; null while that identity stands alone. */
export function linkedIdentitiesFrom(rows: readonly { citizen_id: string }[]): string[] | null {
  return rows.length > 0 ? rows.map((row) => row.citizen_id).sort() : null;
}

/**
 * Links the request's citizen with `otherId` and gives every request of the person the whole list
 * of identities: the others with a new change number each, so the next pull brings them. Returns
 * the request with its identities; the caller stores its change.
 */
export async function linkCitizen(
  trx: Transaction<Database>,
  request: Request,
  otherId: string,
  decisionId: string,
  now: string,
): Promise<Request> {
  const pair = [request.citizen.id, otherId];
  const placed = await trx
    .selectFrom('citizen_links')
    .select(['citizen_id', 'person_id'])
    .where('citizen_id', 'in', pair)
    .execute();
  const [person = ulid(), absorbed] = [...new Set(placed.map((row) => row.person_id))];
  if (absorbed !== undefined) {
    await trx
      .updateTable('citizen_links')
      .set({ person_id: person, decision_id: decisionId, linked_at: now })
      .where('person_id', '=', absorbed)
      .execute();
  }
  const fresh = pair.filter((id) => !placed.some((row) => row.citizen_id === id));
  if (fresh.length > 0) {
    await trx
      .insertInto('citizen_links')
      .values(fresh.map((citizen_id) => ({ citizen_id, person_id: person, decision_id: decisionId, linked_at: now })))
      .execute();
  }
  const identities = (
    await trx.selectFrom('citizen_links').select('citizen_id').where('person_id', '=', person).execute()
  )
    .map((row) => row.citizen_id)
    .sort();
  const stamped = JSON.stringify(identities);
  await trx.updateTable('requests').set({ citizen_identities: stamped }).where('id', '=', request.id).execute();

  const others = await trx
    .selectFrom('requests')
    .select('id')
    .where('citizen_id', 'in', identities)
    .where('id', '!=', request.id)
    .execute();
  const changeSeqs = others.length > 0 ? await nextValues(trx, CHANGE_SEQ, others.length) : [];
  for (const [i, other] of others.entries()) {
    await trx
      .updateTable('requests')
      .set({ citizen_identities: stamped, updated_at: now, change_seq: changeSeqs[i]! })
      .where('id', '=', other.id)
      .execute();
  }
  return { ...request, citizen: { ...request.citizen, identities } };
}
