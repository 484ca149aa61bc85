import type { ExtensionRequestList } from '../../shared/units/protocol';
import type { Db } from '../db/open-database';
import { toRequest } from '../requests/request-rows';

const LIMIT = 500;

/** The supervisors' inbox of extension requests: transferred requests whose unit waits for an answer, oldest ask first. */
export async function extensionRequests(db: Db, now: Date): Promise<ExtensionRequestList> {
  const rows = await db
    .selectFrom('requests')
    .leftJoin('units', 'units.id', 'requests.unit_id')
    .selectAll('requests')
    .select('units.name as unit_name')
    .where('requests.status', '=', 'transferred')
    .where('requests.extension_request', 'is not', null)
    .limit(LIMIT)
    .execute();
  const requests = rows
    .map((row) => ({ request: toRequest(row), unitName: row.unit_name }))
    .sort((a, b) => a.request.extensionRequest!.at.localeCompare(b.request.extensionRequest!.at));
  return { requests, serverTime: now.toISOString() };
}
