import type { FastifyRequest } from 'fastify';
import { monotonicFactory } from 'ulid';
import type { Db } from '../db/open-database';
import type { AuditLogTable } from '../db/schema';
import type { AuditAction, AuditEntry as StoredEntry } from '../../shared/audit/audit-log';

const ulid = monotonicFactory();

export interface AuditEntry {
  actorKind: AuditLogTable['actor_kind'];
  actorId?: string | null;
  actorName: string;
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown>;
  address?: string | null;
}

/** Appends one entry. The table refuses updates and deletes (migration 0010), so what is written stays. */
export async function audit(db: Db, entry: AuditEntry, at = new Date()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: ulid(at.getTime()),
      at: at.toISOString(),
      actor_kind: entry.actorKind,
      actor_id: entry.actorId ?? null,
      actor_name: entry.actorName,
      action: entry.action,
      target: entry.target ?? null,
      details: JSON.stringify(entry.details ?? {}),
      address: entry.address ?? null,
    })
    .execute();
}

/** The operator signed in on this request, as the actor of what it does. */
export function operatorActor(
  request: FastifyRequest,
): Pick<AuditEntry, 'actorKind' | 'actorId' | 'actorName' | 'address'> {
  const operator = request.session?.operator;
  return {
    actorKind: operator ? 'operator' : 'anonymous',
    actorId: operator?.id ?? null,
    actorName: operator?.name ?? '',
    address: request.ip,
  };
}

/** The newest entries first, `limit` at a time, older than `before` (an entry id) when paging. */
export async function auditEntries(db: Db, limit: number, before?: string): Promise<StoredEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
  if (before) query = query.where('id', '<', before);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorKind: row.actor_kind,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    details: JSON.parse(row.details) as Record<string, unknown>,
    address: row.address,
  }));
}
