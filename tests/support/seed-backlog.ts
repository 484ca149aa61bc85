import { monotonicFactory } from 'ulid';
import { CHANGE_SEQ, nextValue } from '../../server/db/counters';
import type { Db } from '../../server/db/open-database';
import type { Insertable } from 'kysely';
import type { RequestsTable } from '../../server/db/schema';

const ulid = monotonicFactory();
const CHUNK = 500;
const UNSET = {
  acknowledge_due_at: null,
  answer_due_at: null,
  unit_due_at: null,
  first_response_at: null,
  answered_at: null,
  transferred_at: null,
  unit_answered_at: null,
  closed_at: null,
  last_return_reason: null,
  unit_answer: null,
  unit_progress: null,
  extension_request: null,
  last_reminder: null,
  // The counters with defaults too: in one multi-row insert a row without a column writes NULL into it.
  extension_working_days: 0,
  return_count: 0,
  flagged: 0,
  reminder_count: 0,
  answer_rejection_count: 0,
};

/** What a seeded request sets itself; the rest is a new WeChat request as intake makes it. */
export type SeedRow = Partial<Omit<Insertable<RequestsTable>, 'id' | 'change_seq'>>;

/**
 * Writes `count` new requests straight into the server's database in one transaction, as intake
 * would have made them, taking change numbers the same way (counter first). For backlogs of
 * thousands, where going through a channel webhook one message at a time would be the slow part.
 */
export async function seedBacklog(db: Db, count: number): Promise<string[]> {
  return seedRequests(
    db,
    Array.from({ length: count }, (_, i) => ({ text: `积压诉求 ${i + 1}：小区路灯不亮` })),
  );
}

/**
 * Writes the given requests as seedBacklog does, each row's fields over a new request's (a status, a unit,
 * clock times, a rating …): for fixtures a test counts by hand. Returns their ids in order.
 */
export async function seedRequests(db: Db, seeds: readonly SeedRow[]): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const first = await nextValue(trx, CHANGE_SEQ);
    if (seeds.length > 1) {
      await trx
        .updateTable('counters')
        .set({ value: first + seeds.length - 1 })
        .where('name', '=', CHANGE_SEQ)
        .execute();
    }
    const now = new Date().toISOString();
    const ids: string[] = [];
    for (let start = 0; start < seeds.length; start += CHUNK) {
      const rows: Insertable<RequestsTable>[] = seeds.slice(start, start + CHUNK).map((seed, offset) => {
        const id = ulid();
        ids.push(id);
        const channel = seed.channel ?? 'wechat';
        const receivedAt = seed.received_at ?? now;
        return {
          id,
          number: `YW-SEED-${id}`,
          channel,
          account: 'gh_yiwang_demo',
          citizen_id: `${channel}:seed-${id}`,
          citizen_name: null,
          text: '小区路灯不亮',
          attachments: '[]',
          received_at: receivedAt,
          status: 'new',
          category_id: null,
          unit_id: null,
          merged_into: null,
          snoozed_until: null,
          escalated: 0,
          version: 0,
          updated_at: receivedAt,
          last_decision: null,
          ...UNSET,
          ...seed,
          change_seq: first + start + offset,
        };
      });
      await trx.insertInto('requests').values(rows).execute();
    }
    return ids;
  });
}
