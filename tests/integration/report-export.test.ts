import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeriodReport } from '../../shared/reports/period-report';
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase, type Db } from '../../server/db/open-database';
import { seedDirectory } from '../../server/directory/seed-directory';
import { writeCommentary } from '../../server/reports/commentary';
import { exportReport } from '../../server/reports/export/export-report';
import { periodReport } from '../../server/reports/period-report';
import { NOW, reportFixture } from '../support/report-fixture';
import { seedRequests } from '../support/seed-backlog';
import { testBackends, type TestDatabase } from '../support/test-database';

const COMMENTARY = '本周红绿灯故障集中反映，已督办交警支队修复。';
const AUTHOR = { id: 'op-du', name: 'du.cha', displayName: '杜督查', role: 'supervisor' as const };

/** The text of a PDF as pdftotext reads it, and the XML of a DOCX's body as unzip gives it. */
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const docxXml = (file: string) => execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });

describe.each(testBackends())('report exports and the report command on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let dir: string;

  beforeAll(async () => {
    database = await backend.create();
    db = openDatabase(database.url);
    await migrateToLatest(db);
    await seedDirectory(db);
    await seedRequests(db, reportFixture());
    await writeCommentary(db, 'week', '2026-11-02', COMMENTARY, AUTHOR, NOW);
    dir = mkdtempSync(join(tmpdir(), 'yiwang-report-'));
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes DOCX, PDF and XLSX with the three rates, the league table, the surges and the commentary', async () => {
    const report = await periodReport(db, { period: 'week', date: '2026-11-04' }, NOW);
    const files = Object.fromEntries(
      await Promise.all(
        (['docx', 'pdf', 'xlsx'] as const).map(async (format) => {
          const file = join(dir, `week.${format}`);
          writeFileSync(file, await exportReport(report, format));
          return [format, file];
        }),
      ),
    );

    const xml = docxXml(files.docx!);
    for (const words of [
      '一网受理周报（2026-11-02 至 2026-11-08）',
      '办结率',
      '按期办结率',
      '满意率',
      '市交通运输局',
      COMMENTARY,
      '杜督查',
    ])
      expect(xml).toContain(words);
    expect(xml).toContain('<w:tbl>'); // real Word tables
    const media = execFileSync('unzip', ['-l', files.docx!], { encoding: 'utf8' });
    expect(media).toMatch(/word\/media\/.*\.svg/); // the charts as SVG, with their PNG fallback
    expect(media).toMatch(/word\/media\/.*\.png/);

    const text = pdfText(files.pdf!);
    for (const words of [
      '一网受理周报',
      '办结率',
      '按期办结率',
      '满意率',
      '市交通运输局',
      '市水务局',
      '红绿灯坏了',
      '杜督查',
    ])
      expect(text).toContain(words);
    expect(text.replace(/\s+/g, '')).toContain(COMMENTARY);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(files.xlsx!);
    const league = workbook.getWorksheet('单位排名')!;
    expect(league.getRow(1).values).toEqual([
      undefined,
      '名次',
      '责任单位',
      '受理',
      '办结',
      '办结率',
      '按期办结率',
      '满意率',
    ]);
    expect(league.getRow(2).values).toEqual([undefined, 1, '市交通运输局', 20, 0, '0.0%', '—', '—']);
    const summary = workbook.getWorksheet('概况')!;
    const cells = summary.getSheetValues().flat().map(String);
    expect(cells).toContain('按期办结率');
    expect(cells).toContain(COMMENTARY);
    expect(workbook.getWorksheet('每日')!.rowCount).toBe(8); // header and seven days
  });

  // Each run starts a Node process with the server's code: slow on a loaded machine, hence the time allowed.
  it(
    'npm run report writes the JSON and the PDF from the database the server is configured with',
    { timeout: 240_000 },
    () => {
      const run = (format: string) => {
        const out = join(dir, `cli.${format}`);
        const result = spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            'server/report-cli.ts',
            '--period',
            'week',
            '--date',
            '2026-11-05',
            '--format',
            format,
            '--out',
            out,
          ],
          { encoding: 'utf8', env: { ...process.env, DATABASE_URL: database.url, YIWANG_DATA_DIR: dir } },
        );
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toContain('2026-11-02…2026-11-08: 23 received, 2 surges');
        return out;
      };
      const json = PeriodReport.parse(JSON.parse(readFileSync(run('json'), 'utf8')));
      expect(json).toMatchObject({ from: '2026-11-02', received: 23, byChannel: { wechat: 3, weibo: 10, alipay: 10 } });
      expect(json.commentary?.text).toBe(COMMENTARY);
      expect(pdfText(run('pdf'))).toContain('按期办结率');

      const refused = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/report-cli.ts', '--period', 'year', '--out', 'x'],
        {
          encoding: 'utf8',
        },
      );
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('usage: npm run report');
    },
  );
});
