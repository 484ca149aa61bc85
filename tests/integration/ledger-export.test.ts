import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  exportLedgerCsv,
  exportLedgerPdf,
  exportLedgerXlsx,
  findCjkFont,
  HEADER_ROW,
  LINES_SHEET,
  TOTALS_SHEET,
} from '../../electron/host/ledger';
import { buildLedger, LEDGER_COLUMNS, type Ledger } from '../../shared/ledger';
import { FIXTURE_DAY, fixtureLine, fixtureLines } from '../support/ledger-fixture';

// The fixture's day, worked out by hand from tests/support/ledger-fixture.ts: 30 lines, 10 per operator;
// channels 12 微信 / 12 微博 / 6 支付宝; 26 lines timed (20 + 5i s, i ≢ 6 mod 7), median (85 + 100) / 2 → 93
// when rounded; 5 junk lines with no deadline; deadlines missed at i = 8 and 17 → 23 met, 2 missed.
const RAW_MOBILE = '13812345678';
const RAW_ID = '11010519491231002X';
const HEADERS = LEDGER_COLUMNS.map((c) => c.header);

let dir: string;
let ledger: Ledger;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yiwang-ledger-'));
  const otherDay = { ...fixtureLine(5), number: 'YW-20261128-0001', handledAt: '2026-11-28T01:00:00.000Z' };
  ledger = buildLedger({
    lines: [...fixtureLines(), otherDay],
    day: FIXTURE_DAY,
    centre: true,
    completeness: { kind: 'may-miss-other-operators', lastSyncAt: '2026-11-27T08:55:00.000Z' },
    generatedAt: '2026-11-27T09:05:00.000Z',
  });
  await Promise.all([
    exportLedgerXlsx(ledger, join(dir, 'ledger.xlsx')),
    exportLedgerCsv(ledger, join(dir, 'ledger.csv')),
    exportLedgerCsv(ledger, join(dir, 'ledger-unmasked.csv'), { mask: false }),
    exportLedgerPdf(ledger, join(dir, 'ledger.pdf')),
  ]);
});

describe('ledger exported as XLSX, read back with exceljs', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'ledger.xlsx'));
  });

  it('has the lines sheet with title, completeness note, Chinese headers frozen, widths and formats', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([LINES_SHEET, TOTALS_SHEET]);
    const sheet = workbook.getWorksheet(LINES_SHEET)!;
    expect(sheet.getCell('A1').value).toBe('工作台账 · 2026年11月27日 · 全中心');
    expect(sheet.getCell('A2').value).toBe(
      '离线：仅本机记录。注意：本台账由本机缓存生成，最近一次同步于 2026-11-27 16:55:00，可能缺少其他受理员的记录。',
    );
    expect(sheet.getRow(HEADER_ROW).values).toEqual([undefined, ...HEADERS]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.getColumn(5).width).toBe(40);
    expect(sheet.rowCount).toBe(HEADER_ROW + 30);

    const first = sheet.getRow(HEADER_ROW + 1);
    expect(first.getCell(1).value).toBe('YW-20261127-0001');
    const arrived = first.getCell(2);
    expect(arrived.value).toEqual(new Date('2026-11-27T08:30:00.000Z')); // Beijing wall time 08:30
    expect(arrived.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(first.getCell(3).value).toBe('微信');
    expect(first.getCell(9).value).toBe(20);
    expect(first.getCell(9).numFmt).toBe('0');
  });

  it('masks phone and ID numbers and keeps the Chinese text', () => {
    const sheet = workbook.getWorksheet(LINES_SHEET)!;
    const text: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    const all = text.join('\n');
    expect(all).not.toContain(RAW_MOBILE);
    expect(all).not.toContain(RAW_ID);
    expect(all).toContain('小区东门路灯连续三天不亮，夜间出行不便，联系电话138****5678。');
    expect(all).toContain('咨询新生儿落户需要哪些材料，身份证号110***********002X');
    expect(all).toContain('座机010-****5678');
  });

  it('has a 合计 sheet with the totals as numbers', () => {
    const sheet = workbook.getWorksheet(TOTALS_SHEET)!;
    const byLabel = new Map<string, ExcelJS.CellValue[]>();
    sheet.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      if (typeof values[0] === 'string') byLabel.set(values[0], values.slice(1));
    });
    expect(byLabel.get('受理总数')).toEqual([30]);
    expect(byLabel.get('处理时长中位数（秒）')).toEqual([93]);
    expect(byLabel.get('计时件数')).toEqual([26]);
    expect(byLabel.get('人均日受理量')).toEqual([10]);
    expect(byLabel.get('按时答复')).toEqual([23]);
    expect(byLabel.get('超时答复')).toEqual([2]);
    expect(byLabel.get('微信')?.[0]).toBe(12);
    expect(byLabel.get('支付宝')?.[0]).toBe(6);
    expect(byLabel.get('王丽')?.[0]).toBe(10);
    expect(byLabel.get('未转派')?.[0]).toBe(8);
    expect(sheet.getCell('A2').value).toContain('可能缺少其他受理员的记录');
  });
});

describe('ledger exported as CSV, parsed with csv-parse', () => {
  const bytes = () => readFileSync(join(dir, 'ledger.csv'));
  const records = (file = 'ledger.csv') =>
    parse(readFileSync(join(dir, file)), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];

  it('starts with a UTF-8 BOM so Excel reads the Chinese right', () => {
    expect([...bytes().subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has the header row, then one record per line with Beijing times and masked numbers', () => {
    const rows = records();
    expect(rows[0]).toEqual(HEADERS);
    const lines = rows.slice(
      1,
      rows.findIndex((r) => r.length === 1 && r[0] === ''),
    );
    expect(lines).toHaveLength(30);
    expect(lines[0]?.slice(0, 4)).toEqual(['YW-20261127-0001', '2026-11-27 08:30:00', '微信', '张* …m2Va']);
    expect(lines[0]?.[4]).toBe('小区东门路灯连续三天不亮，夜间出行不便，联系电话138****5678。');
    expect(lines[2]?.[4]).toContain('110***********002X');
    expect(lines[5]?.[4]).toContain('6222 **** **** 7890');
    expect(bytes().toString('utf8')).not.toContain(RAW_MOBILE);
    expect(bytes().toString('utf8')).not.toContain(RAW_ID);
  });

  it('defuses cells that Excel would run as formulas', () => {
    const injected = records().find((r) => r[0] === 'YW-20261127-0009');
    expect(injected?.[4]).toBe('\'=HYPERLINK("http://example.invalid","点此") 投诉外卖平台拒绝退款。');
  });

  it('ends with the completeness note and the totals', () => {
    const rows = records();
    const flat = rows.map((r) => r.join(','));
    expect(flat).toContain(
      '离线：仅本机记录。注意：本台账由本机缓存生成，最近一次同步于 2026-11-27 16:55:00，可能缺少其他受理员的记录。',
    );
    expect(flat).toContain('受理总数,30');
    expect(flat).toContain('处理时长中位数（秒）,93');
    expect(flat).toContain('人均日受理量,10');
    expect(flat).toContain('微信,12,85,9,1');
  });

  it('shows the numbers unmasked only when asked to', () => {
    expect(readFileSync(join(dir, 'ledger-unmasked.csv'), 'utf8')).toContain(RAW_MOBILE);
  });
});

describe('ledger exported as PDF, turned to text with pdftotext', () => {
  let pages: string[];
  beforeAll(() => {
    const result = spawnSync('pdftotext', ['-layout', join(dir, 'ledger.pdf'), '-'], { encoding: 'utf8' });
    if (result.error)
      throw new Error(`pdftotext is needed (Debian: apt-get install poppler-utils): ${result.error.message}`);
    pages = result.stdout.split('\f').filter((page) => page.trim() !== '');
  });

  it('has the title, the day, the scope and the completeness note', () => {
    expect(pages[0]).toContain('工作台账');
    expect(pages[0]).toContain('2026年11月27日');
    expect(pages[0]).toContain('全中心');
    expect(pages[0]).toContain('可能缺少其他受理员的记录');
  });

  it('repeats the header row on every page of lines and numbers every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const withLines = pages.filter((page) => /YW-20261127-\d{4}/.test(page));
    expect(withLines.length).toBeGreaterThanOrEqual(2);
    for (const page of withLines) expect(page).toMatch(/编号\s+到达时间\s+渠道\s+群众\s+诉求摘要/);
    pages.forEach((page, i) => expect(page.replace(/\s/g, '')).toContain(`第${i + 1}/${pages.length}页`));
  });

  it('lists every line once, with masked numbers and Chinese text', () => {
    const text = pages.join('\n');
    for (let i = 1; i <= 30; i++) expect(text).toContain(`YW-20261127-${String(i).padStart(4, '0')}`);
    expect(text).not.toContain('YW-20261128-0001');
    expect(text).toContain('138****5678');
    expect(text).toContain('110***********002X');
    expect(text).not.toContain(RAW_MOBILE);
    expect(text).not.toContain(RAW_ID);
    expect(text).toContain('小区东门路灯连续三天不亮');
    expect(text).toContain('市城市管理局');
  });

  it('ends with the totals', () => {
    const text = pages.join('\n').replace(/[ \t]+/g, ' ');
    expect(text).toContain('合计');
    expect(text).toContain('受理总数：30');
    expect(text).toContain('处理时长中位数（秒）：93');
    expect(text).toContain('人均日受理量：10');
    expect(text).toMatch(/微信 12 85 9 1/);
    expect(text).toMatch(/王丽 10 88 10 0/);
  });
});

describe('a ledger with no lines', () => {
  it('exports in every format, saying so, with zero totals', async () => {
    const empty = buildLedger({
      lines: fixtureLines(),
      day: '2026-11-29',
      operator: { id: '01JD0000000000000000000009', name: '赵敏' },
      completeness: { kind: 'complete' },
      generatedAt: '2026-11-29T09:00:00.000Z',
    });
    await exportLedgerPdf(empty, join(dir, 'empty.pdf'));
    await exportLedgerXlsx(empty, join(dir, 'empty.xlsx'));
    await exportLedgerCsv(empty, join(dir, 'empty.csv'));
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'empty.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('受理员：赵敏');
    expect(text).toContain('本期没有受理记录');
    expect(text).toContain('受理总数：0');
    expect(text).toContain('数据完整');
    expect(readFileSync(join(dir, 'empty.csv'), 'utf8')).toContain('受理总数,0');
  });
});

describe('finding a Chinese font', () => {
  it('finds one on this machine (CI installs fonts-noto-cjk or fonts-wqy-zenhei)', () => {
    expect(findCjkFont({}).path).toMatch(/\.(ttc|ttf|otf)$/i);
  });

  it('refuses a configured font file that does not exist, naming it', () => {
    expect(() => findCjkFont({ YIWANG_CJK_FONT: '/nonexistent/font.ttc' })).toThrow('/nonexistent/font.ttc');
  });
});
