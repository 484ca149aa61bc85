import { sql } from 'kysely';
import { handledRequestLine, OPERATOR_DECISION_KINDS } from '../../shared/ledger';
import type { Decision } from '../../shared/model';
import { periodInstants } from '../../shared/reports/summary';
import type { LedgerQuery, ServerLedger } from '../../shared/reports/ledger';
import type { Db } from '../db/open-database';
import { toRequest } from '../requests/request-rows';

/** Requests per query for the replies: well under either database's limit on bound values. */
const CHUNK = 1000;

/**
 * The work ledger's lines from the server's database, over every operator and workstation: one line per request
 * an operator decided on in the period (Beijing days), handled by whoever made the latest operator decision on it
 * within the period (with `operatorId`, that operator's latest). The request is shown as it stands now; the reply is
 * the latest one sent on it. Handling times and key counts are measured on workstations and never reach the server:
 * they stay empty here, and each workstation fills in its own.
 */
export async function ledgerLines(
  db: Db,
  query: LedgerQuery,
  operatorId: string | null,
  now: Date = new Date(),
): Promise<ServerLedger> {
  const { start, end } = periodInstants(query);
  let decided = db
    .selectFrom('decisions')
    .select([
      'request_id',
      'operator_id',
      'made_at',
      // The latest decision per request; applied_at and id settle two made in the same millisecond.
      sql<number>`row_number() over (partition by request_id order by made_at desc, applied_at desc, id desc)`.as(
        'latest',
      ),
    ])
    .where('made_at', '>=', start)
    .where('made_at', '<', end)
    .where('outcome', '=', 'applied')
    .where('actor', '=', 'operator')
    .where('kind', 'in', [...OPERATOR_DECISION_KINDS]);
  if (operatorId !== null) decided = decided.where('operator_id', '=', operatorId);
  const rows = await db
    .selectFrom(decided.as('d'))
    .innerJoin('requests as r', 'r.id', 'd.request_id')
    .leftJoin('operators as o', 'o.id', 'd.operator_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .where('d.latest', '=', 1)
    .selectAll('r')
    .select(['d.operator_id as handled_by', 'd.made_at as handled_at', 'o.display_name as operator_name'])
    .select('u.name as unit_name')
    .orderBy('d.made_at')
    .execute();
  const replies = await latestReplies(
    db,
    rows.map((row) => row.id),
  );
  const asOf = now.toISOString();
  return {
    from: query.from,
    to: query.to,
    lines: rows.map((row) => ({
      requestId: row.id,
      line: handledRequestLine(toRequest(row), {
        operator: { id: row.handled_by, name: row.operator_name ?? row.handled_by },
        handledAt: row.handled_at,
        handlingSeconds: null,
        keyPresses: null,
        reply: replies.get(row.id) ?? null,
        unitName: row.unit_id === null ? null : (row.unit_name ?? row.unit_id),
        asOf,
      }),
    })),
    generatedAt: asOf,
  };
}

/** The text of the latest reply applied on each request, by request id. */
async function latestReplies(db: Db, requestIds: readonly string[]): Promise<Map<string, string>> {
  const replies = new Map<string, string>();
  for (let i = 0; i < requestIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('decisions')
      .select(['request_id', 'payload'])
      .where('request_id', 'in', requestIds.slice(i, i + CHUNK))
      .where('kind', '=', 'reply')
      .where('outcome', '=', 'applied')
      .orderBy('made_at')
      .execute();
    for (const row of rows) {
      const decision = JSON.parse(row.payload) as Decision;
      if (decision.kind === 'reply') replies.set(row.request_id, decision.text);
    }
  }
  return replies;
}
