import type { Transaction } from 'kysely';
import type { Request, RequestEvent } from '../../shared/model';
import type { Database } from '../db/schema';
import { addEntries, changeEntry, entriesOfRequest, entryOfRequest } from './library-store';

/**
 * Keeps the library in step with what is said to citizens, in the decision's own transaction:
 *   unit-answer    the unit's answer becomes (or replaces) the request's `answer` entry
 *   reject-answer  that answer was sent back as no answer: its entry is retired
 *   reply          an operator's reply on a request no unit holds or answered becomes its `reply` entry
 *                  (a unit's answer passed on is already the `answer` entry; a reply while a unit works is news)
 *   transfer       a reply before the transfer only acknowledged the request: its entry is retired
 *   classify       the request's entries follow its category
 * Other decisions leave the library alone and cost nothing here.
 */
export async function recordInLibrary(
  trx: Transaction<Database>,
  before: Request,
  after: Request,
  event: RequestEvent,
  now: string,
): Promise<void> {
  switch (event.kind) {
    case 'unit-answer':
      return keep(trx, after, 'answer', event.text, now);
    case 'reject-answer':
      return retire(trx, after.id, 'answer', now);
    case 'reply':
      if (after.status === 'transferred' || before.unitAnswer !== null) return;
      return keep(trx, after, 'reply', event.text, now);
    case 'transfer':
      return retire(trx, after.id, 'reply', now);
    case 'classify':
      for (const entry of await entriesOfRequest(trx, after.id))
        if (entry.categoryId !== after.categoryId)
          await changeEntry(trx, entry.id, { categoryId: after.categoryId }, now);
      return;
    default:
      return;
  }
}

async function keep(
  trx: Transaction<Database>,
  request: Request,
  kind: 'answer' | 'reply',
  text: string,
  now: string,
): Promise<void> {
  const existing = await entryOfRequest(trx, request.id, kind);
  if (existing) {
    await changeEntry(
      trx,
      existing.id,
      { text, categoryId: request.categoryId, unitId: request.unitId, retired: false, answeredAt: now },
      now,
    );
    return;
  }
  await addEntries(
    trx,
    [
      {
        kind,
        question: request.text,
        text,
        requestId: request.id,
        requestNumber: request.number,
        categoryId: request.categoryId,
        unitId: kind === 'answer' ? request.unitId : null,
        documentId: null,
        title: null,
        issuer: null,
        validUntil: null,
        answeredAt: now,
      },
    ],
    now,
  );
}

async function retire(trx: Transaction<Database>, requestId: string, kind: 'answer' | 'reply', now: string) {
  const entry = await entryOfRequest(trx, requestId, kind);
  if (entry && !entry.retired) await changeEntry(trx, entry.id, { retired: true }, now);
}
