import { z } from 'zod';
import {
  Attachment,
  DatedText,
  ExtensionRequest,
  Instant,
  Request,
  RequestDeadlines,
  RequestStatus,
  RequestTimeline,
  SupervisorAction,
  Ulid,
  type UnitAction,
} from '../model';

/**
 * The units' HTTP API (units that connect their own systems; the units' web page does the same over forms)
 * and the supervisors' API. JSON, bearer token after sign-in; errors as the sync protocol's ApiError.
 *   POST /api/units/login                        UnitLoginRequest → UnitLoginResponse
 *   GET  /api/units/requests?state=open|answered|all   → UnitRequestList (own unit and sub-units only)
 *   GET  /api/units/requests/:id                  → UnitRequestView (404 outside the unit)
 *   POST /api/units/requests/:id/answer           { text }                 → UnitRequestView
 *   POST /api/units/requests/:id/progress         { text }                 → UnitRequestView
 *   POST /api/units/requests/:id/extension        { workingDays, reason }  → UnitRequestView
 *   POST /api/units/requests/:id/return           { reason }               → UnitRequestView
 *   GET  /api/supervision/overdue                 → OverdueList            (supervisor or admin)
 *   GET  /api/supervision/units                   → UnitPerformanceList
 *   POST /api/supervision/remind                  RemindRequest           → Request
 *   POST /api/supervision/extension-grant         ExtensionGrantRequest   → Request
 *   POST /api/supervision/extension-refuse        ExtensionRefuseRequest  → Request
 *   GET  /api/supervision/extensions              → ExtensionRequestList (units' pending extension requests)
 * A refused action answers 409 with the rule book's rejection code.
 */
export const UNIT_API = '/api/units';
export const SUPERVISION_API = '/api/supervision';

/** The path word of each unit action: /api/units/requests/:id/<word>. */
export const UNIT_ACTION_PATHS = {
  answer: 'unit-answer',
  progress: 'unit-progress',
  extension: 'unit-extension-request',
  return: 'unit-return',
} as const satisfies Record<string, UnitAction['kind']>;
export type UnitActionPath = keyof typeof UNIT_ACTION_PATHS;

export const UnitLoginRequest = z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(200) });
export type UnitLoginRequest = z.infer<typeof UnitLoginRequest>;

export const UnitAccount = z.object({ id: Ulid, name: z.string(), unitId: z.string(), unitName: z.string() });
export type UnitAccount = z.infer<typeof UnitAccount>;

export const UnitLoginResponse = z.object({ token: z.string().min(16), account: UnitAccount });
export type UnitLoginResponse = z.infer<typeof UnitLoginResponse>;

export const UnitRequestState = z.enum(['open', 'answered', 'all']);
export type UnitRequestState = z.infer<typeof UnitRequestState>;

export const ClockOutcome = z.object({
  dueAt: Instant.nullable(),
  doneAt: Instant.nullable(),
  state: z.enum(['none', 'running', 'overdue', 'met', 'missed']),
});

export const ClockOutcomes = z.object({ acknowledge: ClockOutcome, answer: ClockOutcome, unit: ClockOutcome });

/** A request as a unit sees it: what the citizen asked and the clocks, without the citizen's channel identity. */
export const UnitRequestView = z.object({
  id: Ulid,
  number: z.string(),
  text: z.string(),
  attachments: z.array(Attachment),
  receivedAt: Instant,
  status: RequestStatus,
  categoryId: z.string().nullable(),
  unitId: z.string().nullable(),
  version: z.number().int().nonnegative(),
  deadlines: RequestDeadlines,
  timeline: RequestTimeline,
  clocks: ClockOutcomes,
  unitAnswer: z.string().nullable(),
  unitProgress: DatedText.nullable(),
  extensionRequest: ExtensionRequest.nullable(),
  reminderCount: z.number().int().nonnegative(),
  lastReminder: DatedText.nullable(),
  /** A supervisor's refusal of the unit's extension request, with the reason. */
  extensionRefusal: DatedText.nullable().default(null),
  /** Why the centre sent the unit's last answer back (答复不满意 / 未实质答复), until it answers again. */
  answerRejection: DatedText.nullable().default(null),
});
export type UnitRequestView = z.infer<typeof UnitRequestView>;

export const UnitRequestList = z.object({ requests: z.array(UnitRequestView), serverTime: Instant });
export type UnitRequestList = z.infer<typeof UnitRequestList>;

export const RemindRequest = SupervisorAction.options[1].omit({ kind: true }).extend({ requestId: Ulid });
export type RemindRequest = z.infer<typeof RemindRequest>;

export const ExtensionGrantRequest = SupervisorAction.options[0].omit({ kind: true }).extend({ requestId: Ulid });
export type ExtensionGrantRequest = z.infer<typeof ExtensionGrantRequest>;

export const ExtensionRefuseRequest = SupervisorAction.options[2].omit({ kind: true }).extend({ requestId: Ulid });
export type ExtensionRefuseRequest = z.infer<typeof ExtensionRefuseRequest>;

/** Transferred requests whose unit asked for more working days and waits for a supervisor, oldest ask first. */
export const ExtensionRequestList = z.object({
  requests: z.array(z.object({ request: Request, unitName: z.string().nullable() })),
  serverTime: Instant,
});
export type ExtensionRequestList = z.infer<typeof ExtensionRequestList>;

export const OverdueList = z.object({
  requests: z.array(z.object({ request: Request, unitName: z.string().nullable(), clocks: ClockOutcomes })),
  serverTime: Instant,
});
export type OverdueList = z.infer<typeof OverdueList>;

export const UnitPerformance = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** Requests the unit holds now. */
  holding: z.number().int().nonnegative(),
  /** Of those, past the unit's due time. */
  overdue: z.number().int().nonnegative(),
  /** Requests the unit answered, and how many of them by the due time. */
  answered: z.number().int().nonnegative(),
  answeredOnTime: z.number().int().nonnegative(),
  /** answeredOnTime / answered; null before the first answer. */
  onTimeRate: z.number().min(0).max(1).nullable(),
  /** The escalation ladder's automatic reminders to the unit, and the requests it escalated to supervisors, ever. */
  autoReminders: z.number().int().nonnegative().default(0),
  escalations: z.number().int().nonnegative().default(0),
});
export type UnitPerformance = z.infer<typeof UnitPerformance>;

export const UnitPerformanceList = z.object({ units: z.array(UnitPerformance), serverTime: Instant });
export type UnitPerformanceList = z.infer<typeof UnitPerformanceList>;
