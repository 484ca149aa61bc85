import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase, type Db } from '../../server/db/open-database';
import { createIntake } from '../../server/requests/create-intake';
import type { Intake } from '../../server/requests/intake';
import { makeMessage } from '../support/make-message';
import { testBackends, type TestDatabase } from '../support/test-database';

describe.each(testBackends())('intake on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let intake: Intake;

  beforeAll(async () => {
    database = await backend.create();
    db = openDatabase(database.url);
    await migrateToLatest(db);
    intake = createIntake(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const countMessages = async (dedupeKey: string) =>
    (await db.selectFrom('messages').select('id').where('dedupe_key', '=', dedupeKey).execute()).length;

  it('turns a message into a new request with a Beijing-dated number', async () => {
    const { requestId, duplicate } = await intake.receive(makeMessage({ text: '噪音扰民' }));
    expect(duplicate).toBe(false);
    const row = await db.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    const beijingDay = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
    expect(row).toMatchObject({ status: 'new', text: '噪音扰民', channel: 'wechat', account: 'gh_yiwang_demo' });
    expect(Number(row.version)).toBe(0);
    expect(row.number).toMatch(new RegExp(`^YW-${beijingDay}-\\d{4}$`));
  });

  it('takes bidi overrides out of the request text, keeping the message as it came', async () => {
    const message = makeMessage({ text: '电话\u202e13812345678\u202c请回电' });
    const { requestId } = await intake.receive(message);
    const request = await db
      .selectFrom('requests')
      .select('text')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(request.text).toBe('电话13812345678请回电');
    const stored = await db
      .selectFrom('messages')
      .select('text')
      .where('dedupe_key', '=', message.dedupeKey)
      .executeTakeFirstOrThrow();
    expect(stored.text).toBe(message.text);
  });

  it('stores a retried delivery once and writes nothing for it', async () => {
    const message = makeMessage();
    const first = await intake.receive(message);
    const seqBefore = await db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'change_seq')
      .executeTakeFirstOrThrow();
    const retry = await intake.receive({ ...message, text: 'different body, same key' });
    expect(retry).toEqual({ requestId: first.requestId, duplicate: true });
    expect(await countMessages(message.dedupeKey)).toBe(1);
    const seqAfter = await db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'change_seq')
      .executeTakeFirstOrThrow();
    expect(seqAfter.value).toBe(seqBefore.value);
  });

  it('stores concurrent deliveries of one message once', async () => {
    const message = makeMessage();
    const results = await Promise.all(Array.from({ length: 8 }, () => intake.receive(message)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.requestId)).size).toBe(1);
    expect(await countMessages(message.dedupeKey)).toBe(1);
    const requests = await db
      .selectFrom('requests')
      .select('id')
      .where('citizen_id', '=', `wechat:${message.citizenChannelId}`)
      .execute();
    expect(requests).toHaveLength(1);
  });

  it('attaches follow-ups to the citizen’s open request, and opens a new one once it is closed', async () => {
    const first = makeMessage({ text: '路灯不亮' });
    const { requestId } = await intake.receive(first);
    const followUp = await intake.receive(
      makeMessage({
        citizenChannelId: first.citizenChannelId,
        text: '',
        kind: 'image',
        attachments: [{ kind: 'image', mediaId: 'm1', url: null }],
      }),
    );
    expect(followUp).toEqual({ requestId, duplicate: false });
    const row = await db.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(row.text).toBe('路灯不亮');
    expect(JSON.parse(row.attachments)).toHaveLength(1);
    expect(Number(row.version)).toBe(1);

    // Another account of the city is another conversation.
    const elsewhere = await intake.receive(
      makeMessage({ citizenChannelId: first.citizenChannelId, account: 'gh_other' }),
    );
    expect(elsewhere.requestId).not.toBe(requestId);

    await db.updateTable('requests').set({ status: 'closed' }).where('id', '=', requestId).execute();
    const later = await intake.receive(makeMessage({ citizenChannelId: first.citizenChannelId, text: '又坏了' }));
    expect(later.requestId).not.toBe(requestId);
  });

  it('gives concurrent new requests distinct numbers and change numbers', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => intake.receive(makeMessage())));
    const rows = await db
      .selectFrom('requests')
      .select(['number', 'change_seq'])
      .where(
        'id',
        'in',
        results.map((r) => r.requestId),
      )
      .execute();
    expect(new Set(rows.map((r) => r.number)).size).toBe(10);
    expect(new Set(rows.map((r) => r.change_seq)).size).toBe(10);
  });
});
