import { describe, expect, it } from 'vitest';
import { type LedgerLine, ledgerTotals, median } from '../../shared/ledger';
import { fixtureLine } from '../support/ledger-fixture';

function line(overrides: Partial<LedgerLine>): LedgerLine {
  return { ...fixtureLine(0), ...overrides };
}

const ANA = { id: '01JD0000000000000000000001', name: '王丽' };
const BO = { id: '01JD0000000000000000000002', name: '李强' };

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });
});

describe('ledgerTotals', () => {
  const lines = [
    line({
      channel: 'wechat',
      category: '城乡建设/市政设施/路灯',
      unit: '市城市管理局',
      operator: ANA,
      handlingSeconds: 10,
      deadlineMet: true,
    }),
    line({
      channel: 'wechat',
      category: '城乡建设/市政设施/路灯',
      unit: '市城市管理局',
      operator: ANA,
      handlingSeconds: 30,
      deadlineMet: false,
    }),
    line({ channel: 'weibo', category: null, unit: null, operator: BO, handlingSeconds: null, deadlineMet: null }),
    line({
      channel: 'alipay',
      category: '公安/户政/户口迁移',
      unit: '市公安局',
      operator: BO,
      handlingSeconds: 50,
      deadlineMet: true,
    }),
  ];
  const totals = ledgerTotals(lines);

  it('counts lines by channel, category, unit and operator, largest group first', () => {
    expect(totals.lines).toBe(4);
    expect(totals.byChannel[0]).toMatchObject({ label: '微信', count: 2 });
    expect(totals.byChannel.map((r) => r.count)).toEqual([2, 1, 1]);
    expect(totals.byCategory[0]).toMatchObject({
      label: '城乡建设/市政设施/路灯',
      count: 2,
      medianHandlingSeconds: 20,
      deadlineMet: 1,
      deadlineMissed: 1,
    });
    expect(totals.byCategory.map((r) => r.label)).toContain('未分类');
    expect(totals.byUnit.map((r) => r.label)).toContain('未转派');
    expect(totals.byOperator).toEqual([
      { label: '李强', count: 2, medianHandlingSeconds: 50, deadlineMet: 1, deadlineMissed: 0 },
      { label: '王丽', count: 2, medianHandlingSeconds: 20, deadlineMet: 1, deadlineMissed: 1 },
    ]);
  });

  it('takes the median over measured lines only and says how many were measured', () => {
    expect(totals.medianHandlingSeconds).toBe(30);
    expect(totals.measuredLines).toBe(3);
  });

  it('gives requests per operator per day worked', () => {
    expect(totals.requestsPerOperator).toBe(2);
    // Ana also works the next day, one line: 5 lines over 3 operator-days.
    const nextDay = line({ operator: ANA, handledAt: '2026-11-28T02:00:00.000Z' });
    expect(ledgerTotals([...lines, nextDay]).requestsPerOperator).toBeCloseTo(5 / 3);
  });

  it('counts deadlines met and missed, leaving the not-yet-known out of both', () => {
    expect([totals.deadlineMet, totals.deadlineMissed]).toEqual([2, 1]);
  });

  it('is empty but well-formed for no lines', () => {
    expect(ledgerTotals([])).toMatchObject({
      lines: 0,
      medianHandlingSeconds: null,
      requestsPerOperator: null,
      byChannel: [],
    });
  });
});
