import { z } from 'zod';

/** What the server's audit log records (docs/security.md): who did what, when, from where. */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-in-throttled',
  'sign-out',
  'account-added',
  'account-disabled',
  'account-enabled',
  'password-changed',
  'admin-created',
  'admin-change',
  'ledger-exported',
  'audit-exported',
  'library-changed',
  'policy-imported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorKind: z.string(),
  actorName: z.string(),
  // Read back as text: an entry written by a newer server still shows, under its raw name.
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  address: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Newest first; `before` the oldest entry's id asks for the page after it. */
export const AuditPage = z.object({ entries: z.array(AuditEntry) });
export type AuditPage = z.infer<typeof AuditPage>;

export const AUDIT_API = '/api/admin/audit';

/**
 * The log as CSV for a spreadsheet. A cell starting with = + - @ (or a tab or return) is what Excel would run
 * as a formula: it is prefixed with ' so an account named "=HYPERLINK(…)" stays text.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const cell = (value: unknown) => {
    const text = String(value ?? '');
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const lines = entries.map((e) =>
    [e.at, e.actorKind, e.actorName, e.action, e.target, JSON.stringify(e.details), e.address].map(cell).join(','),
  );
  return ['at,actor_kind,actor,action,target,details,address', ...lines].join('\r\n') + '\r\n';
}
