import type { FastifyPluginAsync } from 'fastify';
import { parseHolidayScheduleIcs, parseHolidayScheduleJson, type HolidaySchedule } from '../../shared/deadline';
import { requireSession, sessionOf } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { sendError } from '../http/send-error';
import { storeHolidaySchedule } from './holiday-schedules';

const MAX_SCHEDULE_BYTES = 512 * 1024;

/**
 * POST /api/admin/holidays — an administrator loads a holiday schedule (next year's, or a correction):
 * JSON in the chinese-days shape, or an .ics calendar as text/calendar. `?source=` names it in the record.
 */
export const holidayRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.addContentTypeParser(
    'text/calendar',
    { parseAs: 'string', bodyLimit: MAX_SCHEDULE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post<{ Querystring: { source?: string } }>(
    '/api/admin/holidays',
    { preHandler: requireSession(db, ['admin']), bodyLimit: MAX_SCHEDULE_BYTES },
    async (request, reply) => {
      let schedule: HolidaySchedule;
      try {
        schedule =
          typeof request.body === 'string'
            ? parseHolidayScheduleIcs(request.body)
            : parseHolidayScheduleJson(JSON.stringify(request.body));
      } catch (err) {
        return sendError(reply, 400, 'bad-schedule', (err as Error).message);
      }
      const source = (request.query.source ?? 'upload').slice(0, 200);
      try {
        const calendar = await storeHolidaySchedule(db, schedule, source, sessionOf(request).operator.name);
        return {
          source,
          years: [...calendar.years].sort(),
          holidays: calendar.holidays.size,
          workdays: calendar.workdays.size,
        };
      } catch (err) {
        if (err instanceof RangeError) return sendError(reply, 400, 'bad-schedule', err.message);
        throw err;
      }
    },
  );
};
