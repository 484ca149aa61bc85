import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import { openWorkstationCache, type WorkstationCache } from '../../electron/host/cache/workstation-cache';
import { cityUnits, type UnitSeed } from '../../server/directory/city-units';
import { FIRST_LEVEL_CATEGORIES } from '../../server/directory/first-level-categories';
import { aliasInitials, namePinyin } from '../../server/directory/name-pinyin';
import {
  Request as RequestSchema,
  type Channel,
  type Directory,
  type Operator,
  type Request,
  type RequestStatus,
  type Unit,
} from '../../shared/model';

/**
 * A workstation cache filled without a server: the seeded directory, a signed-in operator and any
 * number of requests, written straight into the cache as a pull would. The host started on it
 * works offline, which is all the triage flow needs (it never waits for the network).
 */

export const OPERATOR: Operator = {
  id: '01JD0000000000000000000001',
  name: 'admin',
  displayName: '值班员',
  role: 'operator',
};

const ulid = monotonicFactory();

export function seededDirectory(): Directory {
  const units: Unit[] = [];
  const walk = (seeds: UnitSeed[], parentId: string | null, level: number) => {
    for (const seed of seeds) {
      units.push({
        id: seed.id,
        name: seed.name,
        parentId,
        level,
        aliases: seed.aliases,
        aliasInitials: aliasInitials(seed.aliases),
        ...namePinyin(seed.name),
        active: true,
      });
      if (seed.children) walk(seed.children, seed.id, level + 1);
    }
  };
  walk(cityUnits(), null, 1);
  const categories = FIRST_LEVEL_CATEGORIES.map((name, order) => ({ id: name, name, parentId: null, level: 1, order }));
  return { version: 1, units, categories };
}

export interface RequestSeed {
  text: string;
  citizenId?: string;
  citizenName?: string | null;
  channel?: Channel;
  status?: RequestStatus;
  categoryId?: string | null;
  unitId?: string | null;
  receivedAt?: string;
}

/** Makes a request as the server would have it; numbers count up from `index`. */
export function makeRequest(seed: RequestSeed, index: number, at = Date.now()): Request {
  const receivedAt = seed.receivedAt ?? new Date(at - 600_000 + index).toISOString();
  const channel = seed.channel ?? 'wechat';
  return {
    ...defaults(),
    id: ulid(Date.parse(receivedAt)),
    number: `YW-20261128-${String(index + 1).padStart(6, '0')}`,
    channel,
    account: 'gh_yiwang_demo',
    citizen: {
      id: seed.citizenId ?? `${channel}:citizen-${index}`,
      name: seed.citizenName === undefined ? `市民${index}` : seed.citizenName,
    },
    text: seed.text,
    attachments: [],
    receivedAt,
    status: seed.status ?? 'new',
    categoryId: seed.categoryId ?? null,
    unitId: seed.unitId ?? null,
    mergedInto: null,
    snoozedUntil: null,
    escalated: false,
    version: seed.status && seed.status !== 'new' ? 3 : 0,
    updatedAt: receivedAt,
    lastDecision: null,
  };
}

let parsedDefaults: Request | null = null;
/** The fields newer than the walking skeleton, with the model's own defaults (parsed once, not per request). */
function defaults(): Request {
  parsedDefaults ??= RequestSchema.parse({
    id: '01JD0000000000000000000000',
    number: 'YW-0',
    channel: 'wechat',
    account: 'a',
    citizen: { id: 'wechat:x', name: null },
    text: '',
    attachments: [],
    receivedAt: new Date(0).toISOString(),
    status: 'new',
    categoryId: null,
    unitId: null,
    mergedInto: null,
    snoozedUntil: null,
    escalated: false,
    version: 0,
    updatedAt: new Date(0).toISOString(),
    lastDecision: null,
  });
  return parsedDefaults;
}

/** Writes requests in batches, each as server state and local view at once. */
export function storeRequests(cache: WorkstationCache, requests: readonly Request[]): void {
  const BATCH = 5000;
  for (let i = 0; i < requests.length; i += BATCH) {
    cache.transaction(() => {
      for (const request of requests.slice(i, i + BATCH)) {
        cache.requests.saveServer(request);
        cache.requests.saveLocal(request);
      }
    });
  }
}

/** A fresh cache folder with directory, signed-in operator and the given requests. */
export function seedWorkstation(
  requests: readonly Request[],
  serverUrl: string,
  dataDir = mkdtempSync(join(tmpdir(), 'yiwang-seeded-')),
): string {
  const cache = openWorkstationCache(dataDir, serverUrl);
  try {
    cache.directory.save(seededDirectory());
    cache.session.save({ operator: OPERATOR, token: 'seeded-token-not-valid-on-any-server', serverUrl });
    storeRequests(cache, requests);
  } finally {
    cache.close();
  }
  return dataDir;
}
