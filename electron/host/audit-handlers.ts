import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiArgs, ApiResult } from '../../shared/api/workstation-api';
import { auditCsv } from '../../shared/audit/audit-log';
import type { WorkstationCache } from './cache/workstation-cache';
import { signedInToken } from './report-handlers';
import type { SyncClient } from './sync/sync-client';

export interface AuditDeps {
  cache: WorkstationCache;
  client: SyncClient;
  exportsDir: string;
}

type AuditMethod = 'audit.list' | 'audit.export';
type AuditHandlers = { [M in AuditMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

/** The server's audit log for admins: read a page at a time, or written whole into the exports folder. Online only. */
export function auditHandlers({ cache, client, exportsDir }: AuditDeps): AuditHandlers {
  const token = () => signedInToken(cache);
  return {
    'audit.list': async ({ before }) => client.admin.audit(token(), before),
    'audit.export': async () => {
      const { entries } = await client.admin.exportAudit(token());
      mkdirSync(exportsDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const fileName = `audit-log-${stamp}.csv`;
      const path = join(exportsDir, fileName);
      // The byte-order mark makes Excel read the Chinese names as UTF-8.
      writeFileSync(path, `\uFEFF${auditCsv(entries)}`, { mode: 0o600 });
      return { fileName, path, entries: entries.length };
    },
  };
}
