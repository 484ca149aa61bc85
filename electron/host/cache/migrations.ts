/**
 * The cache schema, one step per numbered migration. PRAGMA user_version holds the number of the
 * last applied step; never edit a released step, append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: server state, local view, outbox, answers, and the small singletons.
  `
  CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at TEXT NOT NULL,
    version INTEGER NOT NULL
  );
  CREATE INDEX requests_status ON requests (status, received_at);

  -- The optimistic view: server state with this device's pending decisions re-applied.
  CREATE TABLE local_requests (
    id TEXT PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
    json TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at TEXT NOT NULL,
    snoozed_until TEXT,
    version INTEGER NOT NULL,
    rejection TEXT
  );
  CREATE INDEX local_requests_status ON local_requests (status, received_at);

  CREATE TABLE outbox (
    decision_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    request_id TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- pending: never left; sent: pushed at least once, so it may already be applied.
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent')),
    not_before INTEGER NOT NULL,
    -- The local view's category/unit/snooze before the decision, for undo's compensation.
    before TEXT NOT NULL,
    -- The decision this one compensates (an undo), else NULL.
    undoes TEXT,
    undone_by TEXT
  );
  CREATE INDEX outbox_request ON outbox (request_id);

  CREATE TABLE decision_results (
    decision_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    request_id TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    json TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'replay', 'rejected')),
    reason TEXT,
    answered_at TEXT NOT NULL,
    before TEXT NOT NULL,
    undoes TEXT,
    undone_by TEXT
  );
  CREATE INDEX decision_results_operator ON decision_results (operator_id, seq);

  CREATE TABLE device (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    id TEXT NOT NULL,
    next_seq INTEGER NOT NULL
  );

  CREATE TABLE session (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    operator TEXT,
    token TEXT,
    server_url TEXT NOT NULL
  );

  CREATE TABLE sync_state (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    cursor TEXT,
    directory_version INTEGER NOT NULL DEFAULT 0,
    last_sync_at TEXT,
    last_error TEXT
  );
  INSERT INTO sync_state (singleton) VALUES (1);

  CREATE TABLE directory (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    version INTEGER NOT NULL,
    units TEXT NOT NULL,
    categories TEXT NOT NULL
  );
  `,
];
