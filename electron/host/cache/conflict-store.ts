import { ulid } from 'ulid';
import type { ConflictChoice } from '../../../shared/api/workstation-api';
import type { Decision, DecisionStamp, Rejection } from '../../../shared/model';
import type { Cache } from './open-cache';

/** A conflict as stored: the workstation's refused decisions and what the server had instead. */
export interface StoredConflict {
  id: string;
  requestId: string;
  mine: Decision[];
  reason: Rejection;
  theirs: DecisionStamp | null;
  createdAt: string;
  resolvedAt: string | null;
  choice: ConflictChoice | null;
}

interface ConflictRow {
  id: string;
  request_id: string;
  mine: string;
  reason: string;
  theirs: string | null;
  created_at: string;
  resolved_at: string | null;
  choice: ConflictChoice | null;
}

/**
 * Conflicts: the server refused a decision made here because the request had moved on. One open
 * conflict per request gathers every refused decision on it, so the operator chooses once.
 */
export function conflictStore(db: Cache) {
  const open = db.prepare<[string], ConflictRow>(
    'SELECT * FROM conflicts WHERE request_id = ? AND resolved_at IS NULL',
  );
  const insert = db.prepare(
    'INSERT INTO conflicts (id, request_id, mine, reason, theirs, created_at) VALUES (@id, @requestId, @mine, @reason, @theirs, @createdAt)',
  );
  const addMine = db.prepare('UPDATE conflicts SET mine = @mine, theirs = @theirs WHERE id = @id');
  const listOpen = db.prepare<[], ConflictRow>(
    'SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY created_at, id',
  );
  const countOpen = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL');
  const byId = db.prepare<[string], ConflictRow>('SELECT * FROM conflicts WHERE id = ?');
  const resolve = db.prepare(
    'UPDATE conflicts SET resolved_at = @at, choice = @choice, resolved_by = @by WHERE id = @id AND resolved_at IS NULL',
  );

  return {
    /** Files a refused decision under the request's open conflict, opening one if there is none. */
    record(decision: Decision, reason: Rejection, theirs: DecisionStamp | null, at: string): void {
      const row = open.get(decision.requestId);
      if (row) {
        const mine = [...(JSON.parse(row.mine) as Decision[]), decision];
        addMine.run({ id: row.id, mine: JSON.stringify(mine), theirs: theirs ? JSON.stringify(theirs) : row.theirs });
        return;
      }
      insert.run({
        id: ulid(),
        requestId: decision.requestId,
        mine: JSON.stringify([decision]),
        reason: JSON.stringify(reason),
        theirs: theirs ? JSON.stringify(theirs) : null,
        createdAt: at,
      });
    },
    open(): StoredConflict[] {
      return listOpen.all().map(toConflict);
    },
    openCount(): number {
      return countOpen.get()!.n;
    },
    get(id: string): StoredConflict | null {
      const row = byId.get(id);
      return row ? toConflict(row) : null;
    },
    /** Marks it resolved; false when it already was (resolved twice, e.g. from two windows). */
    resolve(id: string, choice: ConflictChoice, operatorId: string, at: string): boolean {
      return resolve.run({ id, choice, by: operatorId, at }).changes > 0;
    },
  };
}

function toConflict(row: ConflictRow): StoredConflict {
  return {
    id: row.id,
    requestId: row.request_id,
    mine: JSON.parse(row.mine) as Decision[],
    reason: JSON.parse(row.reason) as Rejection,
    theirs: row.theirs ? (JSON.parse(row.theirs) as DecisionStamp) : null,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    choice: row.choice,
  };
}
