import { z } from 'zod';
import { LedgerLine } from '../ledger/ledger-line';
import { Instant, Ulid } from '../model';
import { REPORTS_API, SummaryQuery } from './summary';

/**
 * The work ledger's lines as the centre's server has them, over every operator (docs/ledger-export.md):
 *   GET /api/reports/ledger?from=YYYY-MM-DD&to=YYYY-MM-DD&scope=me|centre   → ServerLedger
 * Beijing dates, both inclusive, as for the summary; `me` is the signed-in operator's own lines.
 */
export const LedgerQuery = z.intersection(
  SummaryQuery,
  z.object({
    scope: z.enum(['me', 'centre']),
    // Said by a workstation exporting the ledger, so the server's audit log records who exported what, masked or not.
    format: z.enum(['xlsx', 'csv', 'pdf']).optional(),
    masked: z.enum(['0', '1']).optional(),
  }),
);
export type LedgerQuery = z.infer<typeof LedgerQuery>;

export const ServerLedger = z.object({
  from: z.string(),
  to: z.string(),
  /** The request each line is about, so a workstation can add what it measured itself (handling time, keys). */
  lines: z.array(z.object({ requestId: Ulid, line: LedgerLine })),
  generatedAt: Instant,
});
export type ServerLedger = z.infer<typeof ServerLedger>;

/** The endpoint for a query; the dates and scope are validated values with nothing to escape. */
export function ledgerPath({ from, to, scope, format, masked }: LedgerQuery): string {
  const exported = format && masked ? `&format=${format}&masked=${masked}` : '';
  return `${REPORTS_API}/ledger?from=${from}&to=${to}&scope=${scope}${exported}`;
}
