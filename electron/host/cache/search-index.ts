import type { SearchFilters } from '../../../shared/api/workstation-api';
import type { Request } from '../../../shared/model';
import type { Cache } from './open-cache';

/**
 * Full-text search over every request in the cache, in Chinese. FTS5's trigram tokenizer answers
 * terms of three characters or more; it cannot see shorter ones, so a second index holds the text
 * split into single characters (unicode61) and a one- or two-character term is a phrase there.
 * Channel, status and unit are tokens in a `tags` column, so filters narrow inside the index
 * instead of after it. Results come newest-in-cache first (FTS rowid order, no sorting).
 */

const NUMBER_QUERY = /^yw-[\d-]*$/i;
const CITIZEN_QUERY = /^(wechat|weibo|alipay):\S+$/i;
const WORD = /[\p{L}\p{N}]/u;
/** Statuses a similar request must have for its resolution to teach anything. */
const RESOLVED_TAGS = ['transferred', 'replied', 'closed'].map((status) => tag('st', status));
const SIMILAR_BIGRAMS = 16;

interface DocRow {
  rowid: number;
  indexed: string;
}

export function searchIndex(db: Cache) {
  const findDoc = db.prepare<[string], DocRow>('SELECT rowid, indexed FROM search_docs WHERE request_id = ?');
  const insertDoc = db.prepare(
    `INSERT INTO search_docs (request_id, number, citizen_id, channel, status, unit_id, received_at, indexed)
     VALUES (@requestId, @number, @citizenId, @channel, @status, @unitId, @receivedAt, @indexed)`,
  );
  const updateDoc = db.prepare(
    'UPDATE search_docs SET status = @status, unit_id = @unitId, citizen_id = @citizenId, indexed = @indexed WHERE rowid = @rowid',
  );
  const putTrigram = db.prepare('INSERT INTO search_trigram (rowid, body, tags) VALUES (?, ?, ?)');
  const putChars = db.prepare('INSERT INTO search_chars (rowid, body, tags) VALUES (?, ?, ?)');
  const dropTrigram = db.prepare('DELETE FROM search_trigram WHERE rowid = ?');
  const dropChars = db.prepare('DELETE FROM search_chars WHERE rowid = ?');
  const unindexed = db.prepare<[number, number], { rowid: number; json: string }>(
    `SELECT l.rowid, l.json FROM local_requests l
     WHERE l.rowid > ? AND NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.request_id = l.id) ORDER BY l.rowid LIMIT ?`,
  );
  const counts = db.prepare<[], { requests: number; docs: number }>(
    'SELECT (SELECT count(*) FROM local_requests) AS requests, (SELECT count(*) FROM search_docs) AS docs',
  );
  const byNumber = db.prepare<{ from: string; to: string; limit: number }, { request_id: string }>(
    'SELECT request_id FROM search_docs WHERE number >= @from AND number < @to ORDER BY number DESC LIMIT @limit',
  );
  const byCitizen = db.prepare<{ identities: string; exclude: string; limit: number }, { request_id: string }>(
    `SELECT request_id FROM search_docs WHERE citizen_id IN (SELECT value FROM json_each(@identities)) AND request_id != @exclude
     ORDER BY received_at DESC LIMIT @limit`,
  );
  const byCitizenId = db.prepare<{ from: string; to: string; limit: number }, { request_id: string }>(
    'SELECT request_id FROM search_docs WHERE citizen_id >= @from AND citizen_id < @to ORDER BY received_at DESC LIMIT @limit',
  );
  const similarStatement = db.prepare<{ match: string; exclude: string; limit: number }, { request_id: string }>(
    `SELECT d.request_id FROM search_chars f JOIN search_docs d ON d.rowid = f.rowid
     WHERE search_chars MATCH @match AND d.request_id != @exclude ORDER BY f.rank LIMIT @limit`,
  );
  const statements = new Map<string, ReturnType<typeof db.prepare>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  /** While set, requests new to the index wait for indexMissing(): a catch-up indexes them in one pass after its last page. */
  let deferNew = false;
  /** local_requests' rowid indexMissing() has looked at up to; new rows always come after it. */
  let scannedUpTo = 0;

  function put(request: Request): void {
    const doc = findDoc.get(request.id);
    if (!doc && deferNew) return;
    write(request, doc);
  }

  function write(request: Request, doc: DocRow | undefined): void {
    const body = [request.number, request.citizen.name ?? '', request.text].join(' ');
    const tags = [
      tag('ch', request.channel),
      tag('st', request.status),
      request.unitId ? tag('un', request.unitId) : '',
    ].join(' ');
    const indexed = `${tags}\n${body}`;
    if (doc?.indexed === indexed) return;
    const fields = {
      requestId: request.id,
      number: request.number,
      citizenId: request.citizen.id,
      channel: request.channel,
      status: request.status,
      unitId: request.unitId,
      receivedAt: request.receivedAt,
      indexed,
    };
    let rowid: number | bigint;
    if (doc) {
      updateDoc.run({ ...fields, rowid: doc.rowid });
      dropTrigram.run(doc.rowid);
      dropChars.run(doc.rowid);
      rowid = doc.rowid;
    } else {
      rowid = insertDoc.run(fields).lastInsertRowid;
    }
    putTrigram.run(rowid, body, tags);
    putChars.run(rowid, characters(body), tags);
  }

  return {
    put,

    /** Leaves requests new to the index for indexMissing() while `defer` is set (changes to indexed ones still go in). */
    deferNew(defer: boolean): void {
      deferNew = defer;
    },

    /**
     * Indexes up to `batch` requests the index is missing (cached before it existed, or while new ones
     * were deferred), in one transaction; returns how many, 0 once none are left. Cheap when none are missing.
     */
    indexMissing(batch: number): number {
      if (scannedUpTo === 0) {
        const { requests, docs } = counts.get()!;
        if (requests === docs) return 0;
      }
      const rows = unindexed.all(scannedUpTo, batch);
      if (rows.length === 0) {
        scannedUpTo = 0;
        return 0;
      }
      db.transaction(() => rows.forEach((row) => write(JSON.parse(row.json) as Request, undefined)))();
      scannedUpTo = rows.at(-1)!.rowid;
      return rows.length;
    },

    /** Request ids matching the query and filters, newest first. */
    search(query: string, filters: SearchFilters, limit: number): string[] {
      const text = query.trim();
      if (NUMBER_QUERY.test(text) && text.length >= 3) {
        const from = text.toUpperCase();
        return byNumber.all({ from, to: `${from}\uffff`, limit }).map((row) => row.request_id);
      }
      // weibo:123…, wechat:oAbc…: a citizen's channel identity (or its beginning), to find their requests.
      if (CITIZEN_QUERY.test(text)) {
        // The channel is lower case; the id keeps its case (OpenIDs are mixed case).
        const colon = text.indexOf(':');
        const from = text.slice(0, colon).toLowerCase() + text.slice(colon);
        return byCitizenId.all({ from, to: `${from}\uffff`, limit }).map((row) => row.request_id);
      }
      const terms = text
        .split(/\s+/)
        .map(wordsOnly)
        .filter((term) => term.length > 0);
      const where: string[] = [];
      const params: Record<string, string | number> = { limit };
      if (filters.from) {
        where.push('d.received_at >= @from');
        params.from = filters.from;
      }
      if (filters.to) {
        where.push('d.received_at < @to');
        params.to = filters.to;
      }
      if (terms.length === 0) {
        for (const [column, value] of [
          ['channel', filters.channel],
          ['status', filters.status],
          ['unit_id', filters.unitId],
        ] as const) {
          if (!value) continue;
          where.push(`d.${column} = @${column}`);
          params[column] = value;
        }
        const sql = `SELECT d.request_id FROM search_docs d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.rowid DESC LIMIT @limit`;
        return (prepared(sql).all(params) as { request_id: string }[]).map((row) => row.request_id);
      }
      // Any short term sends the whole query to the character index, where every term is a phrase.
      const short = terms.some((term) => Array.from(term).length < 3);
      const table = short ? 'search_chars' : 'search_trigram';
      const phrases = terms.map((term) => `body:${phrase(short ? characters(term) : term)}`);
      const tagTerms = [
        filters.channel && tag('ch', filters.channel),
        filters.status && tag('st', filters.status),
        filters.unitId && tag('un', filters.unitId),
      ].filter((t): t is string => Boolean(t));
      params.match = [...phrases, ...tagTerms.map((t) => `tags:${phrase(t)}`)].join(' AND ');
      const sql = `SELECT d.request_id FROM ${table} f JOIN search_docs d ON d.rowid = f.rowid
        WHERE ${table} MATCH @match ${where.map((w) => `AND ${w}`).join(' ')} ORDER BY f.rowid DESC LIMIT @limit`;
      return (prepared(sql).all(params) as { request_id: string }[]).map((row) => row.request_id);
    },

    /** The citizen's other requests from any of their linked channel identities, newest first. */
    citizenHistory(identities: readonly string[], excludeId: string, limit: number): string[] {
      return byCitizen
        .all({ identities: JSON.stringify(identities), exclude: excludeId, limit })
        .map((row) => row.request_id);
    },

    /**
     * Resolved requests sharing the most distinctive wording: bm25 over a sample of the text's
     * two-character words (Chinese words are mostly two characters; trigrams miss short texts).
     */
    similarResolved(text: string, excludeId: string, limit: number): string[] {
      const grams = sampleBigrams(text, SIMILAR_BIGRAMS);
      if (grams.length === 0) return [];
      const match = `body:(${grams.map((gram) => phrase(characters(gram))).join(' OR ')}) AND tags:(${RESOLVED_TAGS.map(phrase).join(' OR ')})`;
      return similarStatement.all({ match, exclude: excludeId, limit }).map((row) => row.request_id);
    },
  };
}

export type SearchIndex = ReturnType<typeof searchIndex>;

/** A filter value as one index token: letters and digits only, so no tokenizer splits it. */
function tag(prefix: string, value: string): string {
  return `${prefix}${value.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

function phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Letters and digits only: punctuation would be FTS5 syntax or split a phrase. */
function wordsOnly(term: string): string {
  return Array.from(term)
    .filter((ch) => WORD.test(ch))
    .join('');
}

/** 路灯坏了 → "路 灯 坏 了": each character its own token for the unicode61 index. */
function characters(text: string): string {
  return Array.from(text.toLowerCase())
    .filter((ch) => WORD.test(ch))
    .join(' ');
}

/** Up to `count` distinct character pairs spread evenly over the text. */
function sampleBigrams(text: string, count: number): string[] {
  const chars = Array.from(text).filter((ch) => WORD.test(ch));
  const grams = [...new Set(chars.slice(0, -1).map((_, i) => chars.slice(i, i + 2).join('')))];
  if (grams.length <= count) return grams;
  return Array.from({ length: count }, (_, i) => grams[Math.floor((i * grams.length) / count)]!);
}
