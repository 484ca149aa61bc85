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
  // 2: triage — the queue's order, full-text search, and the operator's handling times.
  `
  -- The queue view walks this in deadline order (the answer promise follows arrival) without sorting.
  CREATE INDEX local_requests_queue ON local_requests (received_at, id) WHERE status IN ('new', 'accepted');

  -- One row per request in the search index; its rowid is the FTS rowid, in arrival-to-cache order.
  CREATE TABLE search_docs (
    rowid INTEGER PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL,
    citizen_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    unit_id TEXT,
    received_at TEXT NOT NULL,
    -- What the FTS rows were built from, so an unchanged request is not re-indexed.
    indexed TEXT NOT NULL
  );
  CREATE INDEX search_docs_number ON search_docs (number);
  CREATE INDEX search_docs_citizen ON search_docs (citizen_id, received_at);
  CREATE INDEX search_docs_received ON search_docs (received_at);
  -- Three characters or more: trigrams. One or two: the text split into single characters, matched as a phrase.
  -- tags holds channel, status and unit as tokens so filters narrow inside the index.
  CREATE VIRTUAL TABLE search_trigram USING fts5(body, tags, tokenize = 'trigram', content = '', contentless_delete = 1);
  CREATE VIRTUAL TABLE search_chars USING fts5(body, tags, tokenize = 'unicode61', content = '', contentless_delete = 1);

  -- Seconds from first display to the final decision and the keys pressed, per request, for the ledger.
  CREATE TABLE handling_times (
    request_id TEXT PRIMARY KEY,
    operator_id TEXT NOT NULL,
    decision_id TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    handling_ms INTEGER NOT NULL,
    key_presses INTEGER NOT NULL
  );
  CREATE INDEX handling_times_day ON handling_times (operator_id, decided_at);
  `,
  // 3: offline sync — each signed-in operator's token, conflicts to resolve, claims seen, handovers to send.
  `
  -- One token per operator who signed in here: each person's decisions are pushed with their own.
  CREATE TABLE operator_tokens (
    operator_id TEXT PRIMARY KEY,
    operator TEXT NOT NULL,
    token TEXT NOT NULL
  );
  INSERT INTO operator_tokens (operator_id, operator, token)
    SELECT json_extract(operator, '$.id'), operator, token FROM session WHERE operator IS NOT NULL AND token IS NOT NULL;

  -- A request where the server refused this workstation's decisions because someone else got there
  -- first; open until a person chooses what to do. One open conflict per request gathers them all.
  CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL,
    mine TEXT NOT NULL,
    reason TEXT NOT NULL,
    theirs TEXT,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    choice TEXT,
    resolved_by TEXT
  );
  CREATE UNIQUE INDEX conflicts_open ON conflicts (request_id) WHERE resolved_at IS NULL;

  -- Who holds a lease on which request, as of the last pull (replaced whole each time).
  CREATE TABLE claims (
    request_id TEXT PRIMARY KEY,
    operator_id TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    device_id TEXT NOT NULL,
    until TEXT NOT NULL
  );

  -- Handover notes left at sign-out, kept until the server has them.
  CREATE TABLE handovers (
    id TEXT PRIMARY KEY,
    operator_id TEXT NOT NULL,
    note TEXT NOT NULL,
    signed_out_at TEXT NOT NULL,
    sent_at TEXT
  );
  `,
  // 4: suggestions — the trained models as last pulled, and the administrators' keyword rules.
  `
  -- The latest model of each kind (category, unit, junk), as the server shipped it.
  CREATE TABLE suggestion_models (
    kind TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    trained_at TEXT NOT NULL,
    examples INTEGER NOT NULL,
    json TEXT NOT NULL
  );

  CREATE TABLE suggestion_rules (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    version INTEGER NOT NULL,
    rules TEXT NOT NULL
  );
  `,
  // 5: the queue's deadline order (shared/queue/queue-order.ts): the answer promise and the priority, walked on indexes.
  `
  ALTER TABLE local_requests ADD COLUMN answer_due_ms INTEGER;
  ALTER TABLE local_requests ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
  -- Requests without the server's stamp are filled in by the host at start (requestStore.fillQueueKeys).
  UPDATE local_requests SET
    answer_due_ms = CAST(round((julianday(json_extract(json, '$.deadlines.answerDueAt')) - 2440587.5) * 86400000) AS INTEGER),
    priority = coalesce(json_extract(json, '$.escalated'), 0) OR coalesce(json_extract(json, '$.flagged'), 0);
  -- Overdue requests, most overdue first, whatever their priority.
  CREATE INDEX local_requests_due ON local_requests (answer_due_ms, received_at, id) WHERE status IN ('new', 'accepted');
  -- The rest: priority first, then least time left.
  CREATE INDEX local_requests_priority_due ON local_requests (priority, answer_due_ms, received_at, id) WHERE status IN ('new', 'accepted');
  DROP INDEX local_requests_queue;
  `,
  // 6: requests with news from their unit (shared/queue/unit-news.ts) come back into the queue: the
  // indexes hold whatever the queue shows, marked by \`queued\` as the host writes each row.
  `
  ALTER TABLE local_requests ADD COLUMN queued INTEGER NOT NULL DEFAULT 0;
  -- The rule of unitNews() once, for the rows already here; the host writes it with every row from now on.
  UPDATE local_requests SET queued = CASE
    WHEN status IN ('new', 'accepted') THEN 1
    WHEN status = 'replied' AND json_extract(json, '$.unitAnswer') IS NOT NULL THEN 1
    WHEN status = 'transferred' AND (
      coalesce(json_extract(json, '$.extensionRequest.at'), '') > coalesce(json_extract(json, '$.lastDecision.at'), '')
      OR coalesce(json_extract(json, '$.unitProgress.at'), '') > coalesce(json_extract(json, '$.lastDecision.at'), '')
    ) THEN 1
    ELSE 0 END;
  DROP INDEX local_requests_due;
  DROP INDEX local_requests_priority_due;
  CREATE INDEX local_requests_due ON local_requests (answer_due_ms, received_at, id) WHERE queued = 1;
  CREATE INDEX local_requests_priority_due ON local_requests (priority, answer_due_ms, received_at, id) WHERE queued = 1;
  `,
  // 7: each request's timeline as the server last gave it, for the detail pane when offline.
  `
  CREATE TABLE request_histories (
    request_id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  );
  `,
  // 8: the centre's reply templates as last pulled (shared/replies/reply-templates.ts), for offline replies.
  `
  CREATE TABLE reply_templates (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    version INTEGER NOT NULL,
    templates TEXT NOT NULL
  );
  `,
];
