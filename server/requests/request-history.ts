import { historyFields, type HistoryActor, type HistoryEvent, type RequestHistory } from '../../shared/model';
import type { Db } from '../db/open-database';

/**
 * A request's whole story from the server's records: the citizen's messages and every applied decision
 * (operators', units', supervisors', the server's own), oldest first, with who, when and from which device.
 * Null when there is no such request.
 */
export async function requestHistory(db: Db, requestId: string): Promise<RequestHistory | null> {
  const request = await db
    .selectFrom('requests')
    .select(['id', 'citizen_name', 'citizen_id'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!request) return null;
  const [messages, decisions] = await Promise.all([
    db
      .selectFrom('messages')
      .select(['id', 'text', 'received_at'])
      .where('request_id', '=', requestId)
      .orderBy('received_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('decisions as d')
      .leftJoin('operators as o', 'o.id', 'd.operator_id')
      .leftJoin('unit_accounts as u', 'u.id', 'd.operator_id')
      .select([
        'd.id',
        'd.kind',
        'd.actor',
        'd.device_id',
        'd.payload',
        'd.applied_at',
        'o.display_name as operatorName',
        'u.name as unitAccountName',
        'u.unit_id as accountUnitId',
      ])
      .where('d.request_id', '=', requestId)
      .where('d.outcome', '=', 'applied')
      .orderBy('d.applied_at')
      .orderBy('d.applied_version')
      .execute(),
  ]);
  const citizen = request.citizen_name ?? request.citizen_id;
  const events: HistoryEvent[] = [
    ...messages.map((m): HistoryEvent => ({
      id: m.id,
      kind: 'message',
      actor: 'citizen',
      who: citizen,
      deviceId: null,
      at: m.received_at,
      unitId: null,
      categoryId: null,
      text: m.text,
      detail: null,
      pending: false,
    })),
    ...decisions.map((d): HistoryEvent => {
      const actor = actorOf(d.actor, d.device_id);
      const fields = historyFields(JSON.parse(d.payload) as Record<string, unknown>);
      return {
        id: d.id,
        kind: d.kind,
        actor,
        who: actor === 'unit' ? (d.unitAccountName ?? '') : actor === 'system' ? '' : (d.operatorName ?? ''),
        deviceId: d.device_id,
        at: d.applied_at,
        ...fields,
        // A unit's own steps name the unit it acted for.
        unitId: fields.unitId ?? (actor === 'unit' ? d.accountUnitId : null),
        pending: false,
      };
    }),
  ];
  return { requestId, events: events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) };
}

/** Supervisors act through the supervision API and the server through its own device id (server/requests/act-on-request.ts). */
function actorOf(actor: string, deviceId: string): HistoryActor {
  if (actor === 'unit') return 'unit';
  if (deviceId === 'system' || actor === 'system') return 'system';
  return deviceId.startsWith('supervision:') ? 'supervisor' : 'operator';
}
