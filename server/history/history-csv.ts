import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { toEpochMs } from '../../shared/deadline';
import type { Category, Unit } from '../../shared/model';
import { answeringUnit } from '../../shared/suggestions/answering-unit';

/** Which columns of the file hold what; all by their header names. */
export interface HistoryColumns {
  /** The request's text, in order (subject, body): joined by a line break. */
  text: readonly string[];
  category?: string;
  unit?: string;
  /** A unit's reply, the unit read from it by the answer rule (shared/suggestions/answering-unit.ts). */
  unitFromAnswer?: string;
  receivedAt?: string;
}

/** A file that cannot be imported at all; the message says what to fix. Nothing of it is imported. */
export class HistoryImportError extends Error {}

export interface HistoryRow {
  textHash: string;
  text: string;
  categoryId: string | null;
  unitId: string | null;
  receivedAt: string | null;
}

export interface BadRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  reason: string;
}

export interface ReadHistory {
  rows: HistoryRow[];
  bad: BadRow[];
  /** Rows with text but neither a category nor a unit (an answer that names no office): nothing to learn. */
  unlabelled: number;
  /** Answers whose office has no unit in this directory (the board's district governments). */
  unitNotInDirectory: number;
}

/**
 * Reads a history CSV against the directory: every row a past request with its category and unit,
 * named by id, name or alias. A row that names an unknown category or unit, lacks a field or has a time
 * that is not one is reported with its line and left out; a file that is not readable CSV, or lacks a
 * named column, is refused whole.
 */
export function readHistoryCsv(
  csvText: string,
  columns: HistoryColumns,
  directory: { categories: readonly Category[]; units: readonly Unit[] },
): ReadHistory {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csvText, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new HistoryImportError(`not a readable CSV file: ${(err as Error).message}`);
  }
  const [head, ...body] = records;
  if (!head) throw new HistoryImportError('the file is empty: expected a header line and rows below it');
  const header = head.record.map((name) => name.trim());
  const at = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new HistoryImportError(`no column "${name}" (the file's columns: ${header.join(', ')})`);
    return index;
  };
  if (columns.text.length === 0) throw new HistoryImportError('name the text column(s)');
  if (!columns.category && !columns.unit && !columns.unitFromAnswer)
    throw new HistoryImportError('name a category or a unit column: a text alone teaches the models nothing');
  const textAt = columns.text.map(at);
  const categoryAt = columns.category ? at(columns.category) : null;
  const unitAt = columns.unit ? at(columns.unit) : null;
  const answerAt = columns.unitFromAnswer ? at(columns.unitFromAnswer) : null;
  const receivedAt = columns.receivedAt ? at(columns.receivedAt) : null;
  const category = categoryLookup(directory.categories);
  const unit = unitLookup(directory.units);

  const result: ReadHistory = { rows: [], bad: [], unlabelled: 0, unitNotInDirectory: 0 };
  for (const { record, info } of body) {
    // csv-parse counts lines to the record's end; a quoted field's line breaks put its start earlier.
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const bad = (reason: string) => result.bad.push({ line, reason });
    if (record.length < header.length) {
      bad(`${record.length} fields where the header has ${header.length}`);
      continue;
    }
    const text = textAt
      .map((i) => record[i]!.trim().replace(/\s*\n\s*/g, '\n'))
      .filter(Boolean)
      .join('\n');
    if (text === '') {
      bad('no text');
      continue;
    }
    const categoryName = categoryAt === null ? '' : record[categoryAt]!.trim();
    const categoryId = categoryName === '' ? null : category(categoryName);
    if (categoryId === undefined) {
      bad(`unknown category "${categoryName}"`);
      continue;
    }
    const unitName = unitAt === null ? '' : record[unitAt]!.trim();
    let unitId = unitName === '' ? null : unit(unitName);
    if (unitId === undefined) {
      bad(`unknown unit "${unitName}"`);
      continue;
    }
    if (unitId === null && answerAt !== null) {
      const answered = answeringUnit(record[answerAt]!);
      unitId = answered === null ? null : (unit(answered) ?? null);
      if (answered !== null && unitId === null) result.unitNotInDirectory += 1;
    }
    const time = receivedAt === null ? '' : record[receivedAt]!.trim();
    const received = time === '' ? null : beijingInstant(time);
    if (received === undefined) {
      bad(`"${time}" is not a time (YYYY/M/D H:MM:SS or YYYY-MM-DD HH:MM:SS, Beijing time)`);
      continue;
    }
    if (categoryId === null && unitId === null) {
      result.unlabelled += 1;
      continue;
    }
    result.rows.push({ textHash: textHash(text), text, categoryId, unitId, receivedAt: received });
  }
  return result;
}

/** Whitespace differs between copies of one message (the board indents its bodies): it is not part of the key. */
function textHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, '')).digest('hex');
}

/** A category by id (城乡建设/城乡规划) or by a name only one category has; undefined when none. */
function categoryLookup(categories: readonly Category[]): (name: string) => string | undefined {
  const ids = new Set(categories.map((c) => c.id));
  const byName = uniqueBy(categories.map((c) => [c.name, c.id]));
  return (name) => (ids.has(name) ? name : (byName.get(name) ?? undefined));
}

/** A unit by id, name or alias (one unit's alone); undefined when none. */
function unitLookup(units: readonly Unit[]): (name: string) => string | undefined {
  const ids = new Set(units.map((u) => u.id));
  const byName = uniqueBy(units.flatMap((u) => [[u.name, u.id] as const, ...u.aliases.map((a) => [a, u.id] as const)]));
  return (name) => (ids.has(name) ? name : (byName.get(name) ?? undefined));
}

/** Names shared by two entries map to null: which one was meant cannot be told. */
function uniqueBy(pairs: readonly (readonly [string, string])[]): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const [name, id] of pairs) map.set(name, map.has(name) && map.get(name) !== id ? null : id);
  return map;
}

const BOARD_TIME = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The board's times ("2019/4/25 9:32:09") or ISO, read as Beijing time when they carry no zone. */
function beijingInstant(time: string): string | undefined {
  const board = BOARD_TIME.exec(time);
  const pad = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  const iso = board
    ? `${board[1]}-${pad(board[2])}-${pad(board[3])}T${pad(board[4])}:${pad(board[5])}:${pad(board[6])}`
    : time;
  try {
    return new Date(toEpochMs(iso)).toISOString();
  } catch {
    return undefined;
  }
}
