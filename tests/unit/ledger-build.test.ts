import { describe, expect, it } from 'vitest';
import {
  buildLedger,
  completenessNote,
  deadlineMet,
  ledgerLineFrom,
  type LedgerRequest,
  ledgerRows,
  ledgerTitle,
  LEDGER_COLUMNS,
} from '../../shared/ledger';
import { FIXTURE_DAY, FIXTURE_OPERATORS, fixtureLine, fixtureLines } from '../support/ledger-fixture';

const complete = { kind: 'complete' } as const;
const generatedAt = '2026-11-27T10:00:00.000Z';

describe('buildLedger', () => {
  it('keeps the lines handled on the Beijing day, in handling order', () => {
    // 23:59:30 Beijing on the 26th is the 26th even though it is 15:59 UTC; 00:10 Beijing on the 28th is the 28th.
    const lateEve = { ...fixtureLine(40), number: 'YW-EVE', handledAt: '2026-11-26T15:59:30.000Z' };
    const earlyNext = { ...fixtureLine(41), number: 'YW-NEXT', handledAt: '2026-11-27T16:10:00.000Z' };
    const ledger = buildLedger({
      lines: [earlyNext, ...fixtureLines().reverse(), lateEve],
      day: FIXTURE_DAY,
      centre: true,
      completeness: complete,
      generatedAt,
    });
    expect(ledger.lines).toHaveLength(30);
    expect(ledger.lines[0]?.number).toBe('YW-20261127-0001');
    expect(ledger.lines.map((l) => l.number)).not.toContain('YW-EVE');
    expect(ledger.lines.map((l) => l.number)).not.toContain('YW-NEXT');
    expect(ledger.period).toEqual({ from: FIXTURE_DAY, to: FIXTURE_DAY });
    expect(ledger.totals.lines).toBe(30);
  });

  it("keeps one operator's lines for an operator ledger", () => {
    const operator = FIXTURE_OPERATORS[1];
    const ledger = buildLedger({
      lines: fixtureLines(),
      day: FIXTURE_DAY,
      operator,
      completeness: complete,
      generatedAt,
    });
    expect(ledger.lines).toHaveLength(10);
    expect(ledger.lines.every((l) => l.operator.id === operator.id)).toBe(true);
    expect(ledgerTitle(ledger)).toBe('工作台账 · 2026年11月27日 · 受理员：李强');
  });

  it('takes a range of days, both ends included', () => {
    const nextDay = { ...fixtureLine(3), handledAt: '2026-11-28T01:00:00.000Z' };
    const ledger = buildLedger({
      lines: [...fixtureLines(), nextDay],
      range: { from: '2026-11-27', to: '2026-11-28' },
      centre: true,
      completeness: complete,
      generatedAt,
    });
    expect(ledger.lines).toHaveLength(31);
    expect(ledgerTitle(ledger)).toBe('工作台账 · 2026年11月27日至11月28日 · 全中心');
    expect(() =>
      buildLedger({
        lines: [],
        range: { from: '2026-11-28', to: '2026-11-27' },
        centre: true,
        completeness: complete,
        generatedAt,
      }),
    ).toThrow(RangeError);
    expect(() =>
      buildLedger({ lines: [], day: '2026-02-30', centre: true, completeness: complete, generatedAt }),
    ).toThrow(RangeError);
  });

  it('masks citizen numbers and names in the rows unless told not to', () => {
    const ledger = buildLedger({
      lines: fixtureLines(3),
      day: FIXTURE_DAY,
      centre: true,
      completeness: complete,
      generatedAt,
    });
    const summary = LEDGER_COLUMNS.findIndex((c) => c.header === '诉求摘要');
    const citizen = LEDGER_COLUMNS.findIndex((c) => c.header === '群众');
    const masked = ledgerRows(ledger);
    expect(masked[0]?.[summary]).toContain('138****5678');
    expect(masked[2]?.[summary]).toContain('110***********002X');
    expect(masked[0]?.[citizen]).toBe('张* …m2Va');
    expect(ledgerRows(ledger, false)[0]?.[summary]).toContain('13812345678');
  });
});

describe('completeness note', () => {
  it('says plainly when other operators\u2019 lines may be missing, with the last sync in Beijing time', () => {
    expect(completenessNote({ kind: 'may-miss-other-operators', lastSyncAt: '2026-11-27T08:55:00.000Z' })).toBe(
      '离线：仅本机记录。注意：本台账由本机缓存生成，最近一次同步于 2026-11-27 16:55:00，可能缺少其他受理员的记录。',
    );
    expect(completenessNote({ kind: 'may-miss-other-operators', lastSyncAt: null })).toContain(
      '本机尚未与中心服务器同步',
    );
    expect(completenessNote(complete)).toMatch(/^离线：仅本机记录。数据完整/);
  });

  it('names the server as the source when the lines came from it', () => {
    expect(completenessNote({ kind: 'server' })).toBe('数据来源：中心服务器，含全中心受理员的记录。');
  });
});

describe('deadlineMet', () => {
  const due = '2026-11-27T02:00:00.000Z';
  it('is met when answered by the due time, missed when later or unanswered past it, unknown before', () => {
    expect(deadlineMet(due, '2026-11-27T02:00:00.000Z', '2026-11-27T09:00:00.000Z')).toBe(true);
    expect(deadlineMet(due, '2026-11-27T02:00:01.000Z', '2026-11-27T09:00:00.000Z')).toBe(false);
    expect(deadlineMet(due, null, '2026-11-27T03:00:00.000Z')).toBe(false);
    expect(deadlineMet(due, null, '2026-11-27T01:00:00.000Z')).toBeNull();
    expect(deadlineMet(null, null, '2026-11-27T01:00:00.000Z')).toBeNull();
  });
});

describe('ledgerLineFrom', () => {
  it('makes a line from a request and what the host knows about its handling', () => {
    const request: LedgerRequest = {
      number: 'YW-20261127-0042',
      channel: 'wechat',
      citizen: { id: 'wechat:oF3kQ9xLm2Va', name: '张伟' },
      text: '小区东门路灯连续三天不亮，夜间出行不便，联系电话13812345678，麻烦尽快安排维修人员到现场查看，另外小区北门的两盏路灯也时亮时灭，一并处理，谢谢！',
      receivedAt: '2026-11-27T01:00:00.000Z',
      status: 'transferred',
      categoryId: '城乡建设/市政设施/路灯',
    };
    const line = ledgerLineFrom(request, {
      operator: FIXTURE_OPERATORS[0],
      handledAt: '2026-11-27T01:05:00.000Z',
      handlingSeconds: 7,
      keyPresses: 4,
      firstResponseAt: '2026-11-27T01:05:00.000Z',
      reply: '已转派',
      unitName: '市城市管理局',
      answerDueAt: '2026-11-27T02:00:00.000Z',
      asOf: '2026-11-27T10:00:00.000Z',
    });
    expect(line).toMatchObject({
      number: 'YW-20261127-0042',
      unit: '市城市管理局',
      category: '城乡建设/市政设施/路灯',
      deadlineMet: true,
    });
    expect(Array.from(line.summary).length).toBeLessThanOrEqual(60);
    expect(line.summary.endsWith('…')).toBe(true);
  });
});
