import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvCorpus, readLabelledCsvCorpus } from '../../simulator/csv-corpus';

// The board's layout: indented bodies across lines, a label column that some rows leave empty.
const BOARD = `\uFEFF留言编号,留言用户,留言主题,留言时间,留言详情,一级标签
1,U01,路灯不亮,2019/1/2 9:00:00,"
\t\t  小区路灯坏了三天。
\t\t  请尽快修。
",城乡建设
2,U02,工资拖欠,2019/1/3 9:00:00,老板欠薪半年,
3,U01,路灯还是不亮,2019/1/9 9:00:00,又过了一周,城乡建设
`;

const dir = mkdtempSync(join(tmpdir(), 'yiwang-csv-corpus-'));
const file = join(dir, 'board.csv');
writeFileSync(file, BOARD);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readLabelledCsvCorpus', () => {
  it('gives each message its label and leaves out rows without one', () => {
    const messages = readLabelledCsvCorpus(file, '一级标签');
    expect(messages.map((m) => m.label)).toEqual(['城乡建设', '城乡建设']);
    expect(messages[0]!.message).toMatchObject({ type: 'text', content: '路灯不亮\n小区路灯坏了三天。\n请尽快修。' });
  });

  it('keeps one board user as one citizen', () => {
    const [first, later] = readLabelledCsvCorpus(file, '一级标签');
    expect(first!.message.openid).toBe(later!.message.openid);
  });

  it('reads every row with text when no label is asked for, as readCsvCorpus does', () => {
    expect(readLabelledCsvCorpus(file, null).map((m) => m.label)).toEqual(['', '', '']);
    expect(readCsvCorpus(file)).toEqual(readLabelledCsvCorpus(file, null).map((m) => m.message));
  });

  it('names the label column when no row has one', () => {
    expect(() => readLabelledCsvCorpus(file, '二级标签')).toThrow(/二级标签/);
  });
});
