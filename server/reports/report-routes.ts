import { audit, operatorActor } from '../audit/audit-log';
import type { FastifyPluginAsync } from 'fastify';
import { PeriodQuery, periodContaining } from '../../shared/reports/period';
import {
  Commentary,
  MarkSurgeHandled,
  PeriodReport,
  ReportExportQuery,
  SurgeMark,
  WriteCommentary,
} from '../../shared/reports/period-report';
import { Briefing, BriefingQuery } from '../../shared/reports/briefing';
import { LedgerQuery, ServerLedger } from '../../shared/reports/ledger';
import { REPORTS_API, Summary, SummaryQuery } from '../../shared/reports/summary';
import { requireSession, sessionOf } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { parseBody } from '../http/parse-body';
import { sendError } from '../http/send-error';
import { briefing } from './briefing';
import { writeCommentary } from './commentary';
import { ledgerLines } from './ledger-lines';
import { periodReport, reportWithSamples } from './period-report';
import { exportReport, REPORT_CONTENT_TYPES } from './export/export-report';
import { markSurgeHandled } from './surge-marks';
import { summarize } from './summarize';

/**
 * The centre's numbers and reports for supervisors and admins (and the city's own systems signed in as one), and
 * the work ledger for every operator: each keeps a ledger of their own and may print the centre's.
 */
export const reportRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const supervisorsOnly = { preHandler: requireSession(db, ['supervisor', 'admin']) };
  const signedIn = { preHandler: requireSession(db) };

  app.get(`${REPORTS_API}/summary`, supervisorsOnly, async (request, reply) => {
    const period = parseBody(SummaryQuery, request.query, reply);
    if (!period) return reply;
    // Validated on the way out too: the city's systems read this shape, so a drift fails here, not there.
    return Summary.parse(await summarize(db, period));
  });

  app.get(`${REPORTS_API}/period`, supervisorsOnly, async (request, reply) => {
    const query = parseBody(PeriodQuery, request.query, reply);
    if (!query) return reply;
    return PeriodReport.parse(await periodReport(db, query));
  });

  // The report as a file (DOCX, PDF, XLSX or JSON), for the workstation to save where the supervisor chooses.
  app.get(`${REPORTS_API}/period/export`, supervisorsOnly, async (request, reply) => {
    const query = parseBody(ReportExportQuery, request.query, reply);
    if (!query) return reply;
    const report = await periodReport(db, query);
    const body = await exportReport(report, query.format);
    return reply
      .type(REPORT_CONTENT_TYPES[query.format])
      .header('content-disposition', `attachment; filename="report-${report.period}-${report.from}.${query.format}"`)
      .send(body);
  });

  app.post(`${REPORTS_API}/surges/handled`, supervisorsOnly, async (request, reply) => {
    const body = parseBody(MarkSurgeHandled, request.body, reply);
    if (!body) return reply;
    // The surge is found again rather than taken from the body: a mark records what the radar saw.
    const { report, representatives } = await reportWithSamples(db, body);
    const surge = report.surges.find((s) => s.key === body.key);
    if (!surge) return sendError(reply, 404, 'not-found', `no surge ${body.key} in this period`);
    const operator = sessionOf(request).operator;
    const representative = representatives.get(surge.key) ?? null;
    return SurgeMark.parse(await markSurgeHandled(db, body, surge, representative, body.note, operator));
  });

  app.post(`${REPORTS_API}/commentary`, supervisorsOnly, async (request, reply) => {
    const body = parseBody(WriteCommentary, request.body, reply);
    if (!body) return reply;
    const { from } = periodContaining(body.period, body.date);
    return Commentary.parse(await writeCommentary(db, body.period, from, body.text, sessionOf(request).operator));
  });

  app.get(`${REPORTS_API}/ledger`, signedIn, async (request, reply) => {
    const query = parseBody(LedgerQuery, request.query, reply);
    if (!query) return reply;
    const operatorId = query.scope === 'me' ? sessionOf(request).operator.id : null;
    const ledger = ServerLedger.parse(await ledgerLines(db, query, operatorId));
    if (query.format && query.masked) {
      const { from, to, scope, format, masked } = query;
      const details = { from, to, scope, format, masked: masked === '1', lines: ledger.lines.length };
      await audit(db, { ...operatorActor(request), action: 'ledger-exported', details });
    }
    return ledger;
  });

  // The morning meeting is the whole team's: every signed-in operator may read it.
  app.get(`${REPORTS_API}/briefing`, signedIn, async (request, reply) => {
    const query = parseBody(BriefingQuery, request.query, reply);
    if (!query) return reply;
    return Briefing.parse(await briefing(db, query));
  });
};
