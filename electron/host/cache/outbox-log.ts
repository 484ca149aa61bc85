import { closeSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { Decision, Request } from '../../../shared/model';

/**
 * A second copy of the outbox, outside SQLite: `<cache>.outbox-log`, one JSON line per decision
 * added and per decision gone (answered or dropped), appended after each transaction commits. It
 * is what a damaged or stale cache is checked against: a write-ahead log deleted after a crash, an
 * older copy restored, pages overwritten. Whatever it holds that the cache lost goes back into the
 * outbox; the server knows every decision by id, so one that did arrive is answered as a replay.
 * Rewritten whole, to what the outbox holds, each time the cache opens.
 */
export const LoggedDecision = z.object({
  decision: Decision,
  before: Request.pick({ categoryId: true, unitId: true }),
  notBefore: z.number(),
  undoes: z.string().nullable(),
});
export type LoggedDecision = z.infer<typeof LoggedDecision>;

const Line = z.union([
  z.object({ device: z.string(), highestSeq: z.number().int().nonnegative() }),
  z.object({ added: LoggedDecision }),
  z.object({ gone: z.array(z.string()) }),
]);

/** What the log says the outbox holds, and the highest sequence number this device has taken. */
export interface LoggedOutbox {
  device: string | null;
  highestSeq: number;
  decisions: Map<string, LoggedDecision>;
}

export function outboxLog(file: string) {
  let pending: string[] = [];
  let fd: number | null = null;

  return {
    /** Null when there is no log (a cache from before it, or the log itself deleted). */
    read(): LoggedOutbox | null {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return null;
      }
      const logged: LoggedOutbox = { device: null, highestSeq: 0, decisions: new Map() };
      for (const raw of text.split('\n')) {
        // A line torn by a crash mid-append is the only kind that fails here; it was never committed.
        const line = parseLine(raw);
        if (!line) continue;
        if ('device' in line) {
          logged.device = line.device;
          logged.highestSeq = Math.max(logged.highestSeq, line.highestSeq);
        } else if ('added' in line) {
          logged.decisions.set(line.added.decision.id, line.added);
          logged.highestSeq = Math.max(logged.highestSeq, line.added.decision.seq);
        } else {
          for (const id of line.gone) logged.decisions.delete(id);
        }
      }
      return logged;
    },
    /** Replaces the log with the outbox as it is now (a new file renamed over the old one). */
    rewrite(device: string, highestSeq: number, decisions: readonly LoggedDecision[]): void {
      if (fd !== null) closeSync(fd);
      fd = null;
      pending = [];
      const lines = [{ device, highestSeq }, ...decisions.map((added) => ({ added }))];
      writeFileSync(`${file}.new`, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
      renameSync(`${file}.new`, file);
    },
    added(entry: LoggedDecision): void {
      pending.push(JSON.stringify({ added: entry }));
    },
    gone(ids: readonly string[]): void {
      if (ids.length > 0) pending.push(JSON.stringify({ gone: ids }));
    },
    /** After the transaction that made these changes committed. */
    flush(): void {
      if (pending.length === 0) return;
      fd ??= openSync(file, 'a');
      writeSync(fd, `${pending.join('\n')}\n`);
      pending = [];
    },
    /** The transaction rolled back: what it noted never happened. */
    discard(): void {
      pending = [];
    },
    close(): void {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

export type OutboxLog = ReturnType<typeof outboxLog>;

function parseLine(raw: string): z.infer<typeof Line> | null {
  if (raw.trim() === '') return null;
  try {
    const parsed = Line.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
