import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import { DEFAULT_DEADLINE_POLICY } from '../../shared/deadline';
import { junkReason } from '../../shared/junk/junk-rules';
import {
  EMPTY_TIMELINE,
  NO_CONTACT,
  NO_DEADLINES,
  type Attachment,
  type InboundMessage,
  type ReplyContact,
} from '../../shared/model';
import { contactAfter } from '../../shared/replies/reply-window';
import { CHANGE_SEQ } from '../db/counters';
import { monotonicUlid } from '../db/ulid';
import { queueMediaFetches } from '../media/media-jobs';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import { createDeadlineClock, type DeadlineClock, type SetDeadlines } from '../deadlines/deadline-clock';
import type { Intake, IntakeResult } from './intake';
import { intakeQueries, type IntakeQueries } from './intake-queries';
import { rateFromAnswer } from './rating-answer';
import { nextRequestNumber } from './request-number';
import { clockColumns } from './request-rows';
import { withoutBidiControls } from '../../shared/privacy';

const ulid = monotonicUlid();

/** Most deliveries stored in one transaction. */
const MAX_BATCH = 200;

interface Waiting {
  message: InboundMessage;
  resolve(result: IntakeResult): void;
  reject(error: unknown): void;
}

/**
 * Stores each inbound message once and files it under a request: the citizen's open request on the
 * same account if there is one, else a new request, with its acknowledgement and answer clocks set.
 *
 * Group commit: deliveries that arrive while a transaction is running wait and are stored together
 * in the next one, in arrival order. Intake transactions serialise on the change counter anyway,
 * so this loses no parallelism, and it saves a commit (a disk flush) and a lock hand-over per
 * delivery — what lets one server take WeChat's bursts. If a batch fails (another server instance
 * stored the same delivery first), each of its deliveries is stored alone, so one cannot fail another.
 */
export function createIntake(db: Db, clock: DeadlineClock = createDeadlineClock(db, DEFAULT_DEADLINE_POLICY)): Intake {
  const waiting: Waiting[] = [];
  let draining = false;
  const queries = intakeQueries(db);

  async function storeAlone(message: InboundMessage, setDeadlines: SetDeadlines): Promise<IntakeResult> {
    try {
      return await db.transaction().execute((trx) => receive(trx, queries, message, setDeadlines));
    } catch (err) {
      if (err instanceof DuplicateMessage) return { requestId: err.requestId, duplicate: true };
      throw err;
    }
  }

  async function storeBatch(batch: Waiting[]): Promise<void> {
    const setDeadlines = await clock.prepare();
    try {
      const results = await db.transaction().execute(async (trx) => {
        const stored: IntakeResult[] = [];
        for (const { message } of batch) stored.push(await receive(trx, queries, message, setDeadlines));
        return stored;
      });
      batch.forEach((waiter, i) => waiter.resolve(results[i]!));
    } catch {
      for (const waiter of batch) await storeAlone(waiter.message, setDeadlines).then(waiter.resolve, waiter.reject);
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    // A turn of the event loop first, so that every delivery read from the sockets meanwhile joins
    // the batch: on SQLite a transaction never yields to I/O, and without this each held one delivery.
    await nextTurn();
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_BATCH);
      await storeBatch(batch).catch((err: unknown) => batch.forEach((waiter) => waiter.reject(err)));
    }
    draining = false;
  }

  return {
    receive(message) {
      return new Promise<IntakeResult>((resolve, reject) => {
        waiting.push({ message, resolve, reject });
        if (!draining) void drain();
      });
    },
  };
}

/** Thrown inside the transaction when a duplicate slipped past the check (a race with another server), so it rolls back. */
class DuplicateMessage extends Error {
  constructor(readonly requestId: string) {
    super('duplicate message');
  }
}

async function receive(
  trx: Transaction<Database>,
  queries: IntakeQueries,
  message: InboundMessage,
  setDeadlines: SetDeadlines,
): Promise<IntakeResult> {
  // A platform retry, or a duplicate earlier in the same batch: answered without writing anything. A
  // concurrent one from another server instance gets past this and meets the unique constraint below.
  const seen = await queries.storedRequestOf(trx, message);
  if (seen !== undefined) return { requestId: seen, duplicate: true };

  // Taking the change number first serialises concurrent deliveries (the counter row stays locked
  // until commit), so the open-request lookup below sees every earlier delivery.
  const changeSeq = await queries.nextValue(trx, CHANGE_SEQ);
  const now = new Date();
  const receivedAt = now.toISOString();
  const citizenId = `${message.channel}:${message.citizenChannelId}`;
  // The request shows what the citizen wrote without bidi overrides; the message row keeps it as it came.
  const text = withoutBidiControls(message.text);

  // An answer to the satisfaction question rates the closed request; only such short answers look for one.
  const rated = await rateFromAnswer(trx, message, citizenId, { setDeadlines, changeSeq, now: receivedAt });
  const open = rated
    ? undefined
    : await queries.openRequestOf(trx, { channel: message.channel, account: message.account, citizenId });

  let requestId: string;
  if (rated) {
    requestId = rated;
  } else if (open) {
    requestId = open.id;
    const attachments = [...(JSON.parse(open.attachments) as Attachment[]), ...message.attachments];
    await queries.updateRequest(trx, {
      id: open.id,
      text: joinText(open.text, text),
      attachments: JSON.stringify(attachments),
      contact: JSON.stringify(
        contactAfter(
          open.contact === null ? NO_CONTACT : (JSON.parse(open.contact) as ReplyContact),
          message,
          receivedAt,
        ),
      ),
      version: Number(open.version) + 1,
      updated_at: receivedAt,
      change_seq: changeSeq,
    });
  } else {
    requestId = ulid();
    // Likely junk (advertising, gambling, an empty greeting, a subscribe event) waits in the junk view, not the queue.
    const junk = junkReason(message);
    // A citizen an operator linked across channels is known as one person on every new request too.
    const identities = await queries.linkedIdentitiesOf(trx, citizenId);
    await queries.insertRequest(trx, {
      id: requestId,
      number: await nextRequestNumber(trx, now, queries.nextValue),
      channel: message.channel,
      account: message.account,
      citizen_id: citizenId,
      citizen_name: null,
      citizen_identities: identities === null ? null : JSON.stringify(identities),
      text,
      attachments: JSON.stringify(message.attachments),
      received_at: receivedAt,
      status: junk === null ? 'new' : 'junk',
      junk_reason: junk,
      contact: JSON.stringify(contactAfter(NO_CONTACT, message, receivedAt)),
      category_id: null,
      unit_id: null,
      merged_into: null,
      snoozed_until: null,
      escalated: 0,
      version: 0,
      updated_at: receivedAt,
      last_decision: null,
      change_seq: changeSeq,
      ...clockColumns(
        setDeadlines({ receivedAt, categoryId: null, unitId: null, timeline: EMPTY_TIMELINE, deadlines: NO_DEADLINES }),
      ),
    });
  }

  const stored = await queries.insertMessage(trx, {
    id: ulid(),
    request_id: requestId,
    channel: message.channel,
    account: message.account,
    citizen_id: citizenId,
    dedupe_key: message.dedupeKey,
    kind: message.kind,
    event: message.event,
    text: message.text,
    attachments: JSON.stringify(message.attachments),
    sent_at: message.sentAt,
    received_at: receivedAt,
  });
  if (!stored) {
    const first = await queries.storedRequestOf(trx, message);
    if (first === undefined) throw new Error('messages: the dedupe constraint held but no row has the key');
    throw new DuplicateMessage(first);
  }
  await queueMediaFetches(trx, requestId, message, receivedAt);
  return { requestId, duplicate: false };
}

function joinText(before: string, added: string): string {
  if (added === '') return before;
  return before === '' ? added : `${before}\n${added}`;
}
