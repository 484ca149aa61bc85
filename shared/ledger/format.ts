import { dayNumberOf, toBeijingIso } from '../deadline';
import type { Ledger, LedgerCompleteness, LedgerPeriod, LedgerScope } from './build-ledger';

/** '2026-11-28 14:05:09' in Beijing time, whatever the machine's zone. */
export function beijingDateTime(iso: string): string {
  return toBeijingIso(iso).slice(0, 19).replace('T', ' ');
}

/** '2026年11月28日', or '2026年11月1日至11月30日' for a range. */
export function periodLabel(period: LedgerPeriod): string {
  const from = chineseDate(period.from);
  if (period.from === period.to) return from;
  const to = chineseDate(period.to);
  return `${from}至${period.from.slice(0, 4) === period.to.slice(0, 4) ? to.slice(5) : to}`;
}

export function scopeLabel(scope: LedgerScope): string {
  return scope.kind === 'centre' ? '全中心' : `受理员：${scope.name}`;
}

/** The heading every export carries: 工作台账 · 2026年11月28日 · 全中心. */
export function ledgerTitle(ledger: Ledger): string {
  return `工作台账 · ${periodLabel(ledger.period)} · ${scopeLabel(ledger.scope)}`;
}

/** The words every export starts its note with when the server could not be asked. */
export const OFFLINE_NOTE = '离线：仅本机记录。';

/** The sentence every export prints about where the lines came from and whether some may be missing. */
export function completenessNote(completeness: LedgerCompleteness): string {
  if (completeness.kind === 'server') return '数据来源：中心服务器，含全中心受理员的记录。';
  if (completeness.kind === 'complete')
    return `${OFFLINE_NOTE}数据完整：本机在本期结束后已与中心服务器同步，本人的记录都在本机。`;
  const since = completeness.lastSyncAt
    ? `最近一次同步于 ${beijingDateTime(completeness.lastSyncAt)}`
    : '本机尚未与中心服务器同步';
  return `${OFFLINE_NOTE}注意：本台账由本机缓存生成，${since}，可能缺少其他受理员的记录。`;
}

/** Whether the note warns (printed in red): lines of other operators may be missing. */
export function mayMissLines(completeness: LedgerCompleteness): boolean {
  return completeness.kind === 'may-miss-other-operators';
}

function chineseDate(key: string): string {
  dayNumberOf(key); // rejects a malformed key rather than printing it
  const [year, month, day] = key.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
