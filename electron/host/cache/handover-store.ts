import { ulid } from 'ulid';
import type { Cache } from './open-cache';

export interface PendingHandover {
  id: string;
  operatorId: string;
  note: string;
}

/** Handover notes left at sign-out, kept until the server has them (sign-out never waits for the network). */
export function handoverStore(db: Cache) {
  const insert = db.prepare('INSERT INTO handovers (id, operator_id, note, signed_out_at) VALUES (?, ?, ?, ?)');
  const unsent = db.prepare<[], { id: string; operator_id: string; note: string }>(
    'SELECT id, operator_id, note FROM handovers WHERE sent_at IS NULL ORDER BY signed_out_at',
  );
  const sent = db.prepare('UPDATE handovers SET sent_at = ? WHERE id = ?');

  return {
    add(operatorId: string, note: string, at: string): void {
      insert.run(ulid(), operatorId, note, at);
    },
    unsent(): PendingHandover[] {
      return unsent.all().map((row) => ({ id: row.id, operatorId: row.operator_id, note: row.note }));
    },
    markSent(id: string, at: string): void {
      sent.run(at, id);
    },
  };
}
