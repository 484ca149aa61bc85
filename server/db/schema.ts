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
  unit_accounts: UnitAccountsTable;
  unit_sessions: UnitSessionsTable;
  holiday_schedules: HolidaySchedulesTable;
  claims: ClaimsTable;
  shifts: ShiftsTable;
  models: ModelsTable;
  imported_history: ImportedHistoryTable;
  keyword_rules: KeywordRulesTable;
  outbound_replies: OutboundRepliesTable;
  access_tokens: AccessTokensTable;
  media_jobs: MediaJobsTable;
  citizen_links: CitizenLinksTable;
  satisfaction_surveys: SatisfactionSurveysTable;
  ladder_steps: LadderStepsTable;
  webhook_nonces: WebhookNoncesTable;
  audit_log: AuditLogTable;
  surge_marks: SurgeMarksTable;
  report_commentaries: ReportCommentariesTable;
  library_entries: LibraryEntriesTable;
  policy_documents: PolicyDocumentsTable;
  leases: LeasesTable;
  login_failures: LoginFailuresTable;
  reply_template_versions: ReplyTemplateVersionsTable;
}

export interface OperatorsTable {
  id: string;
  name: string;
  display_name: string;
  role: string;
  /** scrypt$N$r$p$salt$hash, see auth/password.ts. */
  password_hash: string;
  created_at: string;
  /** Set when an admin disables the operator: no sign-in, sessions ended. */
  disabled_at: string | null;
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
  /** Renewed while the session is used; it expires when idle too long (null: never used since sign-in). */
  last_used_at: string | null;
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
  acknowledge_due_at: string | null;
  answer_due_at: string | null;
  unit_due_at: string | null;
  extension_working_days: Generated<number>;
  first_response_at: string | null;
  answered_at: string | null;
  transferred_at: string | null;
  unit_answered_at: string | null;
  closed_at: string | null;
  return_count: Generated<number>;
  flagged: Generated<number>;
  last_return_reason: string | null;
  unit_answer: string | null;
  /** JSON DatedText. */
  unit_progress: string | null;
  /** JSON ExtensionRequest. */
  extension_request: string | null;
  reminder_count: Generated<number>;
  /** JSON DatedText. */
  last_reminder: string | null;
  /** JSON ReplyContact; null before the citizen's first message was stored with it. */
  contact: Generated<string | null>;
  /** JSON ReplyDelivery of the latest reply decision. */
  reply_delivery: Generated<string | null>;
  junk_reason: Generated<string | null>;
  /** JSON array of the linked citizen's identities (see citizen_links); null while unlinked. */
  citizen_identities: Generated<string | null>;
  /** The latest Rating's fields (shared/model/rating.ts); null until rated. */
  rating_score: Generated<string | null>;
  rating_via: Generated<string | null>;
  rating_note: Generated<string | null>;
  rated_at: Generated<string | null>;
  /** JSON DatedText: a supervisor's refusal of the unit's extension request. */
  extension_refusal: Generated<string | null>;
  /** JSON DatedText: why an operator sent the unit's latest answer back (reject-answer). */
  answer_rejection: Generated<string | null>;
  /** How often operators sent this request's unit answers back; per unit, count the reject-answer decisions. */
  answer_rejection_count: Generated<number>;
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
  /** The operator's id, the unit account's when `actor` is 'unit', SYSTEM_ACTOR_ID when 'system'. */
  operator_id: string;
  actor: Generated<'operator' | 'unit' | 'system'>;
  kind: string;
  /** The whole decision as pushed, JSON. */
  payload: string;
  base_version: number;
  made_at: string;
  applied_at: string;
  outcome: 'applied' | 'rejected';
  /** JSON Rejection when outcome is rejected. */
  rejection: string | null;
  /** The request version an applied decision produced; null for rejections and decisions stored before 0003. */
  applied_version: Generated<number | null>;
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

/** A unit staff member's sign-in (责任单位账号): sees and acts on its unit's and sub-units' requests only. */
export interface UnitAccountsTable {
  id: string;
  name: string;
  unit_id: string;
  /** scrypt$N$r$p$salt$hash, see auth/password.ts. */
  password_hash: string;
  created_at: string;
  /** Set when an admin disables the account: it cannot sign in and its sessions are ended. */
  disabled_at: string | null;
}

export interface UnitSessionsTable {
  /** sha256 of the token; the token itself is never stored. */
  token_hash: string;
  unit_account_id: string;
  created_at: string;
  last_used_at: string | null;
}

/** A holiday schedule an administrator loaded (next year's, or a correction), merged over the published one. */
export interface HolidaySchedulesTable {
  id: string;
  /** What was loaded: the file name or a description. */
  source: string;
  /** JSON arrays of 'YYYY-MM-DD'. */
  holidays: string;
  workdays: string;
  loaded_at: string;
  loaded_by: string;
}

/** An operator's short lease on a request (one row per request; an expired row is free to take). */
export interface ClaimsTable {
  request_id: string;
  operator_id: string;
  operator_name: string;
  device_id: string;
  claimed_at: string;
  until: string;
}

/** An operator's shift on a workstation, from sign-in to sign-out with the handover note. */
export interface ShiftsTable {
  id: string;
  operator_id: string;
  device_id: string;
  started_at: string;
  ended_at: string | null;
  handover_note: string | null;
}

/** One trained version of a suggestion model (server/suggestions); versions of a kind count up from 1. */
export interface ModelsTable {
  /** category | unit | junk */
  kind: string;
  version: number;
  trained_at: string;
  /** How many decided requests it learned from. */
  examples: number;
  /** JSON SerializedTextModel. */
  blob: string;
}

/** A past request imported with its labels (import-history), for the suggestion models only: never a request. */
export interface ImportedHistoryTable {
  /** sha256 of the text with whitespace removed: one row per message however often it is imported. */
  text_hash: string;
  text: string;
  category_id: string | null;
  unit_id: string | null;
  /** ISO instant, or null when the file had no time. */
  received_at: string | null;
  imported_at: string;
}

/** An administrator's keyword rule (words → category and unit), in the order they were given. */
export interface KeywordRulesTable {
  position: number;
  /** JSON array of strings. */
  words: string;
  category_id: string | null;
  unit_id: string | null;
}

/** One reply decision on its way to the citizen through the request's channel (server/outbound). */
export interface OutboundRepliesTable {
  /** The reply decision's id: the key that keeps a reply from being queued or sent twice. */
  decision_id: string;
  request_id: string;
  channel: string;
  account: string;
  recipient: string;
  text: string;
  /** queued | sending | sent | failed | not-allowed */
  status: string;
  attempts: number;
  next_attempt_at: string;
  error_code: string | null;
  created_at: string;
  updated_at: string;
}

/** A platform access token held centrally, one per channel and AppID. */
export interface AccessTokensTable {
  key: string;
  token: string;
  expires_at: string;
  fetched_at: string;
}

/** An attachment to fetch from the platform's media API and store content-addressed (server/media). */
export interface MediaJobsTable {
  id: string;
  request_id: string;
  channel: string;
  account: string;
  media_id: string;
  /** pending | fetched | failed */
  status: string;
  attempts: number;
  next_attempt_at: string;
  hash: string | null;
  content_type: string | null;
  error: string | null;
}

/** A channel identity an operator linked to others as one citizen (server/requests/citizen-links.ts). */
export interface CitizenLinksTable {
  citizen_id: string;
  person_id: string;
  decision_id: string;
  linked_at: string;
}

/** A satisfaction question (回访) sent to the citizen after a close, waiting up to seven days for the answer. */
export interface SatisfactionSurveysTable {
  close_decision_id: string;
  request_id: string;
  channel: string;
  account: string;
  citizen_id: string;
  asked_at: string;
  answered_at: string | null;
}

/** One rung of the escalation ladder taken for one transfer of a request (server/deadlines/escalation-ladder.ts). */
export interface LadderStepsTable {
  request_id: string;
  /** remind | escalate */
  rung: string;
  transferred_at: string;
  unit_id: string;
  decision_id: string;
  at: string;
}

/** A signed query's nonce seen within the timestamp window (server/channels/nonce-cache.ts). */
export interface WebhookNoncesTable {
  scope: string;
  nonce: string;
  timestamp: string;
  body_sha256: string;
  seen_at: string;
}

/** Who did what, when and from where: sign-ins, account and admin changes, exports. Append-only. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_kind: 'operator' | 'unit' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_name: string;
  action: string;
  target: string | null;
  details: string;
  address: string | null;
}

/** A surge marked handled (migration 0011, docs/reports.md). */
export interface SurgeMarksTable {
  id: string;
  kind: 'category' | 'cluster';
  surge_key: string;
  category_id: string | null;
  label: string;
  sample_text: string | null;
  period_kind: string;
  period_from: string;
  period_to: string;
  note: string;
  handled_by: string;
  handled_by_name: string;
  handled_at: string;
}

/** A period report's commentary (migration 0012): one per period kind and first day. */
export interface ReportCommentariesTable {
  period_kind: string;
  period_from: string;
  text: string;
  author_id: string;
  author_name: string;
  written_at: string;
}

/** One entry of the answer library (server/library): an answer, a reply or a policy passage. */
export interface LibraryEntriesTable {
  id: string;
  /** The full-text index's row id. */
  doc_id: number;
  /** answer | reply | passage */
  kind: string;
  question: string | null;
  text: string;
  request_id: string | null;
  request_number: string | null;
  category_id: string | null;
  unit_id: string | null;
  document_id: string | null;
  title: string | null;
  issuer: string | null;
  valid_until: string | null;
  answered_at: string;
  retired: number;
  promoted: number;
  updated_at: string;
  /** Position in the library's change order that workstations pull by. */
  change_seq: number;
  /** The character pairs the full-text index holds (shared/library/library-terms.ts). */
  terms: string;
}

/** An imported policy document; its passages are library entries. */
export interface PolicyDocumentsTable {
  id: string;
  title: string;
  issuer: string;
  issued_on: string;
  valid_until: string | null;
  file_name: string;
  /** text | markdown | docx | pdf */
  format: string;
  passages: number;
  imported_at: string;
  imported_by: string;
}

/** Background work one instance at a time (server/db/leases.ts). */
export interface LeasesTable {
  name: string;
  holder: string;
  until: string;
}

/** One failed sign-in, under its account key and under its address key (server/auth/login-throttle.ts). */
export interface LoginFailuresTable {
  key: string;
  at: string;
}

/** One saved version of the centre's reply templates (server/replies); the highest version is in force. */
export interface ReplyTemplateVersionsTable {
  version: number;
  /** JSON TemplateList, in the centre's order. */
  templates: string;
  saved_at: string;
  saved_by: string | null;
}
