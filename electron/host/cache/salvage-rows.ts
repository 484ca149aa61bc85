import { Decision } from '../../../shared/model';
import { readSqlitePages } from './read-pages';
import { readAllRows, type Value } from './read-rows';

/** An outbox row read back from a damaged file, checked: its decision parses and agrees with its columns. */
export interface SalvagedOutboxRow {
  decision_id: string;
  seq: number;
  request_id: string;
  operator_id: string;
  json: string;
  created_at: string;
  not_before: number;
  before: string;
  undoes: string | null;
  undone_by: string | null;
}

/** What could be read back of a damaged cache file, row by row, from its pages and its write-ahead log. */
export interface Salvaged {
  /** Unsent decisions, in sequence order, none of them already answered. */
  outbox: SalvagedOutboxRow[];
  device: { id: string; next_seq: number } | null;
  session: { operator: string | null; token: string | null; server_url: string } | null;
  tokens: { operator_id: string; operator: string; token: string }[];
  /** Rows shaped like the outbox's whose decision did not parse or validate. */
  invalid: number;
}

// Rows are told apart by shape: the tables a decision needs have distinctive columns. A table whose
// INTEGER PRIMARY KEY is the rowid (device, session) stores NULL in its place.
const OUTBOX_STATUS = new Set(['pending', 'sent']);
const ANSWER_OUTCOME = new Set(['applied', 'replay', 'rejected']);

export function salvageRows(file: string): Salvaged {
  const rows = readAllRows(readSqlitePages(file));
  const answered = new Set<string>();
  const outbox = new Map<string, SalvagedOutboxRow>();
  const salvaged: Salvaged = { outbox: [], device: null, session: null, tokens: [], invalid: 0 };
  for (const { values: v } of rows) {
    if (v.length === 11 && isText(v[0]) && isText(v[5]) && ANSWER_OUTCOME.has(v[5])) answered.add(v[0]);
    else if (v.length === 11 && isText(v[6]) && OUTBOX_STATUS.has(v[6])) {
      const row = outboxRow(v);
      if (row) outbox.set(row.decision_id, row);
      else salvaged.invalid += 1;
    } else if (v.length === 3 && v[0] === null && isText(v[1]) && v[1].startsWith('ws-') && isInt(v[2])) {
      salvaged.device = { id: v[1], next_seq: Math.max(salvaged.device?.next_seq ?? 1, v[2]) };
    } else if (v.length === 4 && v[0] === null && isText(v[3]) && isTextOrNull(v[1]) && isTextOrNull(v[2])) {
      salvaged.session = { operator: v[1], token: v[2], server_url: v[3] };
    } else if (v.length === 3 && isText(v[0]) && isText(v[1]) && isText(v[2]) && isOperatorOf(v[1], v[0])) {
      salvaged.tokens.push({ operator_id: v[0], operator: v[1], token: v[2] });
    }
  }
  salvaged.outbox = [...outbox.values()].filter((row) => !answered.has(row.decision_id)).sort((a, b) => a.seq - b.seq);
  return salvaged;
}

function outboxRow(v: Value[]): SalvagedOutboxRow | null {
  const [decisionId, seq, requestId, operatorId, json, createdAt, , notBefore, before, undoes, undoneBy] = v;
  if (!isText(decisionId) || !isInt(seq) || !isText(requestId) || !isText(operatorId) || !isText(json)) return null;
  if (!isText(createdAt) || !isInt(notBefore) || !isText(before) || !isTextOrNull(undoes) || !isTextOrNull(undoneBy))
    return null;
  const decision = parseJson(json, (value) => Decision.safeParse(value).data);
  if (!decision || decision.id !== decisionId || decision.seq !== seq || decision.requestId !== requestId) return null;
  if (!parseJson(before, (value) => (typeof value === 'object' && value !== null ? value : undefined))) return null;
  return {
    decision_id: decisionId,
    seq,
    request_id: requestId,
    operator_id: operatorId,
    json,
    created_at: createdAt,
    not_before: notBefore,
    before,
    undoes,
    undone_by: undoneBy,
  };
}

function parseJson<T>(text: string, check: (value: unknown) => T | undefined): T | undefined {
  try {
    return check(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function isOperatorOf(json: string, id: string): boolean {
  return parseJson(json, (value) => (value as { id?: unknown } | null)?.id === id || undefined) === true;
}

const isText = (value: Value | undefined): value is string => typeof value === 'string';
const isTextOrNull = (value: Value | undefined): value is string | null => value === null || typeof value === 'string';
const isInt = (value: Value | undefined): value is number => typeof value === 'number' && Number.isInteger(value);
