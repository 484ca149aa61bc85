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
};

/**
 * Writes `count` new requests straight into the server's database in one transaction, as intake
 * would have made them, taking change numbers the same way (counter first). For backlogs of
 * thousands, where going through a channel webhook one message at a time would be the slow part.
 */
export async function seedBacklog(db: Db, count: number): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const first = await nextValue(trx, CHANGE_SEQ);
    if (count > 1) {
      await trx
        .updateTable('counters')
        .set({ value: first + count - 1 })
        .where('name', '=', CHANGE_SEQ)
        .execute();
    }
    const now = new Date().toISOString();
    const ids: string[] = [];
    for (let start = 0; start < count; start += CHUNK) {
      const rows: Insertable<RequestsTable>[] = [];
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const id = ulid();
        ids.push(id);
        rows.push({
          id,
          number: `YW-SEED-${id}`,
          channel: 'wechat',
          account: 'gh_yiwang_demo',
          citizen_id: `wechat:seed-${id}`,
          citizen_name: null,
          text: `积压诉求 ${i + 1}：小区路灯不亮`,
          attachments: '[]',
          received_at: now,
          status: 'new',
          category_id: null,
          unit_id: null,
          merged_into: null,
          snoozed_until: null,
          escalated: 0,
          version: 0,
          updated_at: now,
          last_decision: null,
          change_seq: first + i,
          ...UNSET,
        });
      }
      await trx.insertInto('requests').values(rows).execute();
    }
    return ids;
  });
}
