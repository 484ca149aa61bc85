import type { Attachment, Channel, DecisionStamp, Request, RequestStatus } from '../../shared/model';
import type { RequestsTable } from '../db/schema';

/** Maps a stored row to the shared Request model. Rows are written only by this server, so they are trusted. */
export function toRequest(row: RequestsTable): Request {
  return {
    id: row.id,
    number: row.number,
    channel: row.channel as Channel,
    account: row.account,
    citizen: { id: row.citizen_id, name: row.citizen_name },
    text: row.text,
    attachments: JSON.parse(row.attachments) as Attachment[],
    receivedAt: row.received_at,
    status: row.status as RequestStatus,
    categoryId: row.category_id,
    unitId: row.unit_id,
    mergedInto: row.merged_into,
    snoozedUntil: row.snoozed_until,
    escalated: row.escalated === 1,
    version: Number(row.version),
    updatedAt: row.updated_at,
    lastDecision: row.last_decision === null ? null : (JSON.parse(row.last_decision) as DecisionStamp),
  };
}

/** The columns a decision may change, for an UPDATE. */
export function decidedColumns(request: Request): Partial<RequestsTable> {
  return {
    status: request.status,
    category_id: request.categoryId,
    unit_id: request.unitId,
    merged_into: request.mergedInto,
    snoozed_until: request.snoozedUntil,
    escalated: request.escalated ? 1 : 0,
    version: request.version,
    updated_at: request.updatedAt,
    last_decision: request.lastDecision === null ? null : JSON.stringify(request.lastDecision),
  };
}
