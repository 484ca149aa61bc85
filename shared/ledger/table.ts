import type { Ledger } from './build-ledger';
import { citizenLabel } from './citizen';
import { CHANNEL_LABEL, NO_CATEGORY, NO_UNIT, STATUS_LABEL, yesNo } from './labels';
import type { LedgerLine } from './ledger-line';
import { maskCitizenText, withoutBidiControls } from '../privacy';

/** How an exporter writes a cell: `datetime` cells hold ISO instants, `integer` cells numbers or null. */
export type ColumnKind = 'text' | 'datetime' | 'integer';
export type LedgerCell = string | number | null;

export interface LedgerColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters of a CJK-capable spreadsheet font; the PDF scales these to the page. */
  width: number;
  /**
   * On paper: null for as wide as the widest value (short values, never wrapped); a number for this
   * column's share of the rest of the page, where long text wraps.
   */
  printShare: number | null;
  cell(line: LedgerLine, mask: boolean): LedgerCell;
}

// Bidi overrides are taken out even from an unmasked export: they would show numbers reversed.
const masked = (text: string, mask: boolean) => {
  const plain = withoutBidiControls(text);
  return mask ? maskCitizenText(plain) : plain;
};

/** The ledger's columns, in the order of the issue: one definition for XLSX, CSV and PDF. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: '编号', kind: 'text', width: 18, printShare: null, cell: (l) => l.number },
  { header: '到达时间', kind: 'datetime', width: 19, printShare: null, cell: (l) => l.arrivedAt },
  { header: '渠道', kind: 'text', width: 7, printShare: null, cell: (l) => CHANNEL_LABEL[l.channel] },
  { header: '群众', kind: 'text', width: 13, printShare: null, cell: (l, mask) => citizenLabel(l.citizen, mask) },
  { header: '诉求摘要', kind: 'text', width: 40, printShare: 34, cell: (l, mask) => masked(l.summary, mask) },
  { header: '分类', kind: 'text', width: 20, printShare: 20, cell: (l) => l.category ?? NO_CATEGORY },
  { header: '责任单位', kind: 'text', width: 16, printShare: 16, cell: (l) => l.unit ?? NO_UNIT },
  { header: '受理员', kind: 'text', width: 9, printShare: null, cell: (l) => l.operator.name },
  { header: '处理时长（秒）', kind: 'integer', width: 10, printShare: null, cell: (l) => l.handlingSeconds },
  { header: '按键次数', kind: 'integer', width: 9, printShare: null, cell: (l) => l.keyPresses },
  { header: '首次响应时间', kind: 'datetime', width: 19, printShare: null, cell: (l) => l.firstResponseAt },
  { header: '按时答复', kind: 'text', width: 8, printShare: null, cell: (l) => yesNo(l.deadlineMet) },
  { header: '状态', kind: 'text', width: 8, printShare: null, cell: (l) => STATUS_LABEL[l.status] },
  {
    header: '答复内容',
    kind: 'text',
    width: 40,
    printShare: 30,
    cell: (l, mask) => (l.reply === null ? '' : masked(l.reply, mask)),
  },
];

/** Every line as cells; personal numbers and names are masked unless `mask` is false (authorised export). */
export function ledgerRows(ledger: Ledger, mask = true): LedgerCell[][] {
  return ledger.lines.map((line) => LEDGER_COLUMNS.map((column) => column.cell(line, mask)));
}

export const TOTAL_HEADERS = ['项目', '件数', '处理时长中位数（秒）', '按时答复', '超时答复'] as const;

/** The totals (合计) as titled groups of rows under `TOTAL_HEADERS`. */
export function totalsSections(ledger: Ledger): { title: string; rows: LedgerCell[][] }[] {
  const { totals } = ledger;
  const section = (title: string, rows: typeof totals.byChannel) => ({
    title,
    rows: rows.map((r) => [r.label, r.count, roundOrNull(r.medianHandlingSeconds), r.deadlineMet, r.deadlineMissed]),
  });
  return [
    section('按渠道', totals.byChannel),
    section('按分类', totals.byCategory),
    section('按责任单位', totals.byUnit),
    section('按受理员', totals.byOperator),
  ];
}

/** The day's headline figures, label and value; null where nothing was measured. */
export function summaryFigures(ledger: Ledger): [label: string, value: LedgerCell][] {
  const { totals } = ledger;
  return [
    ['受理总数', totals.lines],
    ['处理时长中位数（秒）', roundOrNull(totals.medianHandlingSeconds)],
    ['计时件数', totals.measuredLines],
    ['人均日受理量', totals.requestsPerOperator === null ? null : Math.round(totals.requestsPerOperator * 10) / 10],
    ['按时答复', totals.deadlineMet],
    ['超时答复', totals.deadlineMissed],
  ];
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}
