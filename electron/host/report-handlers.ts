import { beijingDayNumber, dateKeyOf } from '../../shared/deadline/beijing-time';
import type { ApiArgs, ApiResult } from '../../shared/api/workstation-api';
import type { WorkstationCache } from './cache/workstation-cache';
import { DecisionError } from './decisions';
import { exportLedger } from './ledger/export-ledger';
import { breachesBeforeNextShift } from './shift/breaches-before-next-shift';
import type { SyncClient } from './sync/sync-client';

export interface ReportDeps {
  cache: WorkstationCache;
  client: SyncClient;
  /** Where ledger exports are written: a folder the operator can find. */
  exportsDir: string;
  /** Shift handover times, 'HH:mm' Beijing time. */
  shiftHandovers: readonly string[];
}

/** The supervisors' view rates operators over the last 30 Beijing days, today included. */
const RATINGS_DAYS = 30;

function lastDays(days: number, now: Date): { from: string; to: string } {
  const today = beijingDayNumber(now.getTime());
  return { from: dateKeyOf(today - days + 1), to: dateKeyOf(today) };
}

type ReportMethod =
  | 'ledger.export'
  | 'supervision.overview'
  | 'supervision.remind'
  | 'shift.breachesBeforeNextShift'
  | 'templates.get'
  | 'templates.save';
type ReportHandlers = { [M in ReportMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

/** The server's APIs beyond sync need the signed-in operator's token (offline, their calls fail as 'offline'). */
export function signedInToken(cache: WorkstationCache): string {
  const { token } = cache.session.get();
  if (!token) throw new DecisionError('not-signed-in', 'sign in first');
  return token;
}

/** The ledger export, the supervisors' view, the handover check and the centre's templates, served beside the triage API. */
export function reportHandlers({ cache, client, exportsDir, shiftHandovers }: ReportDeps): ReportHandlers {
  const token = () => signedInToken(cache);

  return {
    'ledger.export': async (args) => exportLedger(cache, client, exportsDir, args),
    'supervision.overview': async () => {
      const signedIn = token();
      const ratingsPeriod = lastDays(RATINGS_DAYS, new Date());
      const [overdue, units, summary] = await Promise.all([
        client.supervision.overdue(signedIn),
        client.supervision.units(signedIn),
        client.summary(signedIn, ratingsPeriod),
      ]);
      return {
        overdue: overdue.requests,
        units: units.units,
        operators: summary.byOperator,
        ratingsPeriod,
        serverTime: units.serverTime,
      };
    },
    'supervision.remind': async ({ requestId, note }) => client.supervision.remind(token(), { requestId, note }),
    'templates.get': async () => cache.replyTemplates.inForce(),
    'templates.save': async (args) => {
      const saved = await client.saveTemplates(token(), args);
      // Held at once, so the admin's own r 1 … r 9 follow without waiting for the next pull.
      cache.replyTemplates.save(saved);
      return saved;
    },
    'shift.breachesBeforeNextShift': async () => {
      const now = new Date();
      return breachesBeforeNextShift(cache.requests.list('all', now.toISOString()), now, shiftHandovers);
    },
  };
}
