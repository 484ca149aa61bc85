import type { Insertable, Transaction, Updateable } from 'kysely';
import { compiledQuery } from '../db/compiled-query';
import { counterOf } from '../db/counters';
import type { Db } from '../db/open-database';
import type { Database, MessagesTable, RequestsTable } from '../db/schema';
import { linkedIdentitiesFrom, linkedIdentitiesQuery } from './citizen-links';
import type { RequestRow } from './request-rows';

/** Statuses in which a citizen's follow-up joins the request instead of opening a new one. */
const JOINABLE = ['new', 'accepted'] as const;

interface MessageKey {
  channel: string;
  account: string;
  dedupeKey: string;
}

/**
 * The queries intake runs for every delivery, each compiled once for `db`'s dialect (see
 * compiledQuery): at WeChat's rates their building cost more than the database's work.
 */
export function intakeQueries(db: Db) {
  const storedMessage = compiledQuery((key: MessageKey) =>
    db
      .selectFrom('messages')
      .select('request_id')
      .where('channel', '=', key.channel)
      .where('account', '=', key.account)
      .where('dedupe_key', '=', key.dedupeKey),
  );
  // No ORDER BY: with `status in (…)` SQLite would sort through a temporary b-tree on every delivery;
  // a citizen has a few open requests at most, so the latest is picked here.
  const openRequests = compiledQuery((of: { channel: string; account: string; citizenId: string }) =>
    db
      .selectFrom('requests')
      .selectAll()
      .where('channel', '=', of.channel)
      .where('account', '=', of.account)
      .where('citizen_id', '=', of.citizenId)
      .where('status', 'in', JOINABLE),
  );
  const linkedIdentities = compiledQuery((of: { citizenId: string }) => linkedIdentitiesQuery(db, of.citizenId));
  const updateRequest = compiledQuery(({ id, ...changes }: Updateable<RequestsTable> & { id: string }) =>
    db.updateTable('requests').set(changes).where('id', '=', id),
  );
  const insertRequest = compiledQuery((row: Insertable<RequestsTable>) => db.insertInto('requests').values(row));
  // The unique (channel, account, dedupe_key) constraint decides what a duplicate is, even under races.
  const insertMessage = compiledQuery((row: Insertable<MessagesTable>) =>
    db
      .insertInto('messages')
      .values(row)
      .onConflict((oc) => oc.columns(['channel', 'account', 'dedupe_key']).doNothing())
      .returning('id'),
  );

  return {
    nextValue: counterOf(db),
    /** The request a message with this key was filed under, if it is stored. */
    async storedRequestOf(trx: Transaction<Database>, key: MessageKey): Promise<string | undefined> {
      return (
        await trx.executeQuery(storedMessage({ channel: key.channel, account: key.account, dedupeKey: key.dedupeKey }))
      ).rows[0]?.request_id;
    },
    /** The citizen's latest request on the account that a follow-up may join. */
    async openRequestOf(
      trx: Transaction<Database>,
      of: { channel: string; account: string; citizenId: string },
    ): Promise<RequestRow | undefined> {
      const { rows } = await trx.executeQuery(openRequests(of));
      return rows.reduce<RequestRow | undefined>(
        (latest, row) => (latest === undefined || row.received_at > latest.received_at ? row : latest),
        undefined,
      );
    },
    /** The person's identities, sorted, for a request of `citizenId`; null while that identity stands alone. */
    async linkedIdentitiesOf(trx: Transaction<Database>, citizenId: string): Promise<string[] | null> {
      return linkedIdentitiesFrom((await trx.executeQuery(linkedIdentities({ citizenId }))).rows);
    },
    async updateRequest(
      trx: Transaction<Database>,
      changes: Updateable<RequestsTable> & { id: string },
    ): Promise<void> {
      await trx.executeQuery(updateRequest(changes));
    },
    async insertRequest(trx: Transaction<Database>, row: Insertable<RequestsTable>): Promise<void> {
      await trx.executeQuery(insertRequest(row));
    },
    /** False when the message was stored already (the constraint held): nothing was written. */
    async insertMessage(trx: Transaction<Database>, row: Insertable<MessagesTable>): Promise<boolean> {
      return (await trx.executeQuery(insertMessage(row))).rows.length > 0;
    },
  };
}

export type IntakeQueries = ReturnType<typeof intakeQueries>;
