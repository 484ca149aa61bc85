import { ulid } from 'ulid';
import type { Cache } from './open-cache';

/**
 * This installation's identity: a device id made once and kept, and the per-device decision
 * sequence (1, 2, 3 …) that the server uses with the id as an idempotency key.
 */
export function deviceStore(db: Cache) {
  const get = db.prepare<[], { id: string; next_seq: number }>('SELECT id, next_seq FROM device WHERE singleton = 1');
  const create = db.prepare('INSERT INTO device (singleton, id, next_seq) VALUES (1, ?, 1)');
  const bump = db.prepare('UPDATE device SET next_seq = next_seq + 1 WHERE singleton = 1');
  const setNext = db.prepare('UPDATE device SET next_seq = ? WHERE singleton = 1');

  const ensure = () => {
    const row = get.get();
    if (row) return row;
    create.run(`ws-${ulid()}`);
    return get.get()!;
  };
  const id = ensure().id;

  return {
    id,
    /** Takes the next sequence number; call inside the transaction that writes the decision. */
    takeSeq(): number {
      const seq = ensure().next_seq;
      bump.run();
      return seq;
    },
    /** The number the next decision will take. */
    nextSeq(): number {
      return ensure().next_seq;
    },
    /** Moves the sequence on past numbers the server has seen from this device. */
    continueFrom(next: number): void {
      setNext.run(next);
    },
  };
}
