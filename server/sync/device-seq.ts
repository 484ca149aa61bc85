import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The highest sequence number this server holds from a device, 0 for none (on the unique (device_id, seq) index). */
export async function deviceSeq(db: Kysely<Database>, deviceId: string): Promise<number> {
  const row = await db
    .selectFrom('decisions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
