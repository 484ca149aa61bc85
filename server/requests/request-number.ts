import type { Transaction } from 'kysely';
import { nextValue } from '../db/counters';
import type { Database } from '../db/schema';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The next human request number of the Beijing calendar day of `at`: YW-20261128-0007. `next` takes the counter's next value. */
export async function nextRequestNumber(trx: Transaction<Database>, at: Date, next = nextValue): Promise<string> {
  const day = new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const n = await next(trx, `request_number:${day}`);
  return `YW-${day}-${String(n).padStart(4, '0')}`;
}
