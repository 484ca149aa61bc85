import type { Generated } from 'kysely';

/**
 * The server's tables as Kysely sees them. Timestamps are ISO-8601 UTC text and JSON is text, and
 * booleans are 0/1 integers, so SQLite and PostgreSQL return the same values.
 */
export interface Database {
  operators: OperatorsTable;
  devices: DevicesTable;
  sessions: SessionsTable;
  requests: RequestsTable;
  messages: MessagesTable;
  decisions: DecisionsTable;
  units: UnitsTable;
  categories: CategoriesTable;
  counters: CountersTable;
}

export interface OperatorsTable {
  id: string;
  name: string;
  display_name: string;
  role: string;
  /** scrypt$N$r$p$salt$hash, see auth/password.ts. */
  password_hash: string;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  first_seen_at: string;
  last_seen_at: string;
  last_operator_id: string;
}

export interface SessionsTable {
  /** sha256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  operator_id: string;
  device_id: string;
  created_at: string;
}

export interface RequestsTable {
  id: string;
  number: string;
  channel: string;
  account: string;
  citizen_id: string;
  citizen_name: string | null;
  text: string;
  /** JSON array of Attachment. */
  attachments: string;
  received_at: string;
  status: string;
  category_id: string | null;
  unit_id: string | null;
  merged_into: string | null;
  snoozed_until: string | null;
  escalated: number;
  version: number;
  updated_at: string;
  /** JSON DecisionStamp. */
  last_decision: string | null;
  /** Position in the global change order that pull cursors follow; unique. */
  change_seq: number;
}

export interface MessagesTable {
  id: string;
  request_id: string;
  channel: string;
  account: string;
  citizen_id: string;
  dedupe_key: string;
  kind: string;
  event: string | null;
  text: string;
  /** JSON array of Attachment. */
  attachments: string;
  sent_at: string;
  received_at: string;
}

export interface DecisionsTable {
  id: string;
  device_id: string;
  seq: number;
  request_id: string;
  operator_id: string;
  kind: string;
  /** The whole decision as pushed, JSON. */
  payload: string;
  base_version: number;
  made_at: string;
  applied_at: string;
  outcome: 'applied' | 'rejected';
  /** JSON Rejection when outcome is rejected. */
  rejection: string | null;
}

export interface UnitsTable {
  id: string;
  name: string;
  parent_id: string | null;
  level: number;
  /** JSON array of strings. */
  aliases: string;
  pinyin: string;
  initials: string;
  active: number;
  sort_order: number;
}

export interface CategoriesTable {
  id: string;
  name: string;
  parent_id: string | null;
  level: number;
  sort_order: number;
}

export interface CountersTable {
  name: string;
  value: Generated<number>;
}
