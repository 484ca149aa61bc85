import { describe, expect, it } from 'vitest';
import { parseEvalArgs } from '../../scripts/eval/args';
import { readLabelledCsv } from '../../scripts/eval/read-csv';
import { placeOf } from '../../scripts/eval/place-of';
import { evaluate } from '../../scripts/eval/run-evaluation';

const fixture = new URL('../fixtures/text/toy-requests.csv', import.meta.url).pathname;

describe('eval CLI pieces', () => {
  it('parses flags and rejects bad ones', () => {
    expect(
      parseEvalArgs(['--train', 'a.csv', '--folds', '5', '--text', '主题,详情', '--label', '类别', '--json']),
    ).toMatchObject({ train: 'a.csv', folds: 5, textColumns: ['主题', '详情'], labelColumn: '类别', json: true });
    expect(() => parseEvalArgs(['--train', 'a.csv', '--text', 'x', '--label', 'y'])).toThrow(
      /--test, --folds, --split-by-hash or --leave-places-out/,
    );
    expect(() =>
      parseEvalArgs(['--train', 'a.csv', '--folds', '5', '--split-by-hash', '--text', 'x', '--label', 'y']),
    ).toThrow(/exactly one/);
    expect(parseEvalArgs(['--train', 'a.csv', '--split-by-hash', '--text', 'x', '--label', 'y'])).toMatchObject({
      splitByHash: true,
    });
    expect(() => parseEvalArgs(['--train', 'a.csv', '--folds', '5', '--label', 'y'])).toThrow(/missing --text/);
    expect(() => parseEvalArgs(['--bogus'])).toThrow(/unknown argument/);
  });

  it('cross-validates by place: one fold per city a message names', () => {
    expect(placeOf('A市A1区的路灯坏了')).toBe('A');
    expect(placeOf('K7县教师招聘')).toBe('K');
    expect(placeOf('小区路灯坏了')).toBe('-');
    const rows = readLabelledCsv(fixture, ['主题', '详情'], '类别');
    const result = evaluate(
      rows,
      null,
      rows.map((_, i) => String(i % 4)),
    );
    expect(result.mode).toBe('leave-places-out (4 folds)');
    expect(result.count).toBe(24);
  });

  it('names a missing file or column', () => {
    expect(() => readLabelledCsv('/no/such.csv', ['主题'], '类别')).toThrow(/no such file/);
    expect(() => readLabelledCsv(fixture, ['标题'], '类别')).toThrow(/no column "标题"/);
  });

  it('cross-validates the fixture', () => {
    const rows = readLabelledCsv(fixture, ['主题', '详情'], '类别');
    expect(rows).toHaveLength(24);
    const result = evaluate(rows, null, 3);
    expect(result.count).toBe(24);
    expect(result.accuracy).toBeGreaterThan(0.5);
    expect(result.confusion.flat().reduce((a, b) => a + b, 0)).toBe(24);
  });
});
