import type { Selectable, Updateable } from 'kysely';
import {
  NO_CONTACT,
  type Attachment,
  type Channel,
  type DatedText,
  type DecisionStamp,
  type ExtensionRequest,
  type ReplyContact,
  type ReplyDelivery,
  type Rating,
  type Request,
  type RequestStatus,
} from '../../shared/model';
import type { RequestsTable } from '../db/schema';

export type RequestRow = Selectable<RequestsTable>;

/** Maps a stored row to the shared Request model. Rows are written only by this server, so they are trusted. */
export function toRequest(row: RequestRow): Request {
  return {
    id: row.id,
    number: row.number,
    channel: row.channel as Channel,
    account: row.account,
    citizen: {
      id: row.citizen_id,
      name: row.citizen_name,
      ...(row.citizen_identities === null ? {} : { identities: JSON.parse(row.citizen_identities) as string[] }),
    },
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
    deadlines: {
      acknowledgeDueAt: row.acknowledge_due_at,
      answerDueAt: row.answer_due_at,
      unitDueAt: row.unit_due_at,
      extensionWorkingDays: Number(row.extension_working_days),
    },
    timeline: {
      firstResponseAt: row.first_response_at,
      answeredAt: row.answered_at,
      transferredAt: row.transferred_at,
      unitAnsweredAt: row.unit_answered_at,
      closedAt: row.closed_at,
    },
    returnCount: Number(row.return_count),
    flagged: Number(row.flagged) === 1,
    lastReturnReason: row.last_return_reason,
    unitAnswer: row.unit_answer,
    unitProgress: parseJson<DatedText>(row.unit_progress),
    extensionRequest: parseJson<ExtensionRequest>(row.extension_request),
    reminderCount: Number(row.reminder_count),
    lastReminder: parseJson<DatedText>(row.last_reminder),
    contact: parseJson<ReplyContact>(row.contact) ?? NO_CONTACT,
    replyDelivery: parseJson<ReplyDelivery>(row.reply_delivery),
    junkReason: row.junk_reason,
    rating: ratingOf(row),
    extensionRefusal: parseJson<DatedText>(row.extension_refusal),
    answerRejection: parseJson<DatedText>(row.answer_rejection),
    answerRejectionCount: Number(row.answer_rejection_count),
  };
}

function ratingOf(row: RequestRow): Rating | null {
  if (row.rating_score === null || row.rated_at === null) return null;
  return {
    score: row.rating_score as Rating['score'],
    via: row.rating_via as Rating['via'],
    note: row.rating_note,
    at: row.rated_at,
  };
}

/** The columns a decision may change, for an UPDATE. */
export function decidedColumns(request: Request): Updateable<RequestsTable> {
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
    ...clockColumns(request),
    first_response_at: request.timeline.firstResponseAt,
    answered_at: request.timeline.answeredAt,
    transferred_at: request.timeline.transferredAt,
    unit_answered_at: request.timeline.unitAnsweredAt,
    closed_at: request.timeline.closedAt,
    return_count: request.returnCount,
    flagged: request.flagged ? 1 : 0,
    last_return_reason: request.lastReturnReason,
    unit_answer: request.unitAnswer,
    unit_progress: toJson(request.unitProgress),
    extension_request: toJson(request.extensionRequest),
    reminder_count: request.reminderCount,
    last_reminder: toJson(request.lastReminder),
    rating_score: request.rating?.score ?? null,
    rating_via: request.rating?.via ?? null,
    rating_note: request.rating?.note ?? null,
    rated_at: request.rating?.at ?? null,
    extension_refusal: toJson(request.extensionRefusal),
    answer_rejection: toJson(request.answerRejection),
    answer_rejection_count: request.answerRejectionCount,
  };
}

/** The deadline columns, also written at intake. */
export function clockColumns(request: Pick<Request, 'deadlines'>): Updateable<RequestsTable> {
  return {
    acknowledge_due_at: request.deadlines.acknowledgeDueAt,
    answer_due_at: request.deadlines.answerDueAt,
    unit_due_at: request.deadlines.unitDueAt,
    extension_working_days: request.deadlines.extensionWorkingDays,
  };
}

function toJson(value: object | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
