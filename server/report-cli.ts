import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ReportExportQuery } from '../shared/reports/period-report';
import { loadConfig } from './config';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';
import { exportReport } from './reports/export/export-report';
import { periodReport } from './reports/period-report';

/**
 * npm run report -- --period day|week|month --date YYYY-MM-DD --format json|docx|pdf|xlsx --out FILE
 *
 * A period's report straight from the server's database, found through the server's own configuration
 * (YIWANG_DATA_DIR, DATABASE_URL), so it runs beside a live server: it only reads requests (SQLite in WAL
 * mode lets it read while the server writes; PostgreSQL as any client). docs/reports.md.
 */
const USAGE =
  'usage: npm run report -- --period day|week|month --date YYYY-MM-DD --format json|docx|pdf|xlsx --out FILE';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      period: { type: 'string', default: 'week' },
      date: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
    },
  });
  const query = ReportExportQuery.safeParse(values);
  if (!query.success || !values.out) {
    console.error(
      query.success
        ? USAGE
        : `${USAGE}\n${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
    return 2;
  }
  const config = loadConfig();
  const db = openDatabase(config.databaseUrl);
  try {
    // A no-op once the server has started on this database; brings an older one up to the report tables.
    await migrateToLatest(db);
    const report = await periodReport(db, query.data);
    writeFileSync(values.out, await exportReport(report, query.data.format));
    console.log(
      `report ${report.period} ${report.from}…${report.to}: ${report.received} received, ${report.surges.length} surges → ${values.out}`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();
