import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_REPLY_TEMPLATES,
  RELAY_TEMPLATE_ID,
  REPLY_TEMPLATES_PATH,
  ReplyTemplates,
  type ReplyTemplate,
} from '../../shared/replies/reply-templates';
import { ApiError, LoginResponse, PullResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { openDatabase, type Db } from '../../server/db/open-database';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { value, waitFor } from '../support/host-replies';
import { jsonClient } from '../support/json-client';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { workstation } from '../support/unit-work';

// The centre's reply templates: kept on the server, replaced whole by admins as numbered versions, pulled by
// workstations like the directory and held in their cache.

const EDITED: ReplyTemplate = {
  id: 'transferred',
  name: '已转办',
  text: '{citizen}您好，您的诉求（编号 {number}）已交{unit}，将于{deadline}前答复。',
};

describe.each(testBackends())('reply templates on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let host: HostProcess;
  let db: Db;
  let client: ReturnType<typeof jsonClient>;
  let admin: string;

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url });
    db = openDatabase(database.url);
    client = jsonClient(server.url);
    const login = await client.post(SYNC_PATHS.login, { name: 'admin', password: 'admin', deviceId: 'test-console' });
    admin = LoginResponse.parse(login.body).token;
    host = await startHostProcess({ serverUrl: server.url, pollMs: 300, holdMs: 100 });
    value(await host.call('session.signIn', { name: 'admin', password: 'admin' }));
  });

  afterAll(async () => {
    await host?.stop();
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  const save = (templates: readonly ReplyTemplate[], token = admin) =>
    client.put(REPLY_TEMPLATES_PATH, { templates }, token);
  const pullHolding = async (held: number | null) => {
    const body = { cursor: null, directoryVersion: 1_000_000, limit: 1, replyTemplatesVersion: held };
    return PullResponse.parse((await client.post(SYNC_PATHS.pull, body, admin)).body).replyTemplates;
  };

  it('starts with the five templates and the relay as version 1, and admits only admins', async () => {
    const served = await client.get(REPLY_TEMPLATES_PATH, admin);
    expect(ReplyTemplates.parse(served.body)).toEqual({ version: 1, templates: DEFAULT_REPLY_TEMPLATES });
    const desk = await workstation(db, client, 'zhang.wei');
    expect((await client.get(REPLY_TEMPLATES_PATH, desk.token)).status).toBe(403);
    expect((await save(DEFAULT_REPLY_TEMPLATES, desk.token)).status).toBe(403);
    expect((await client.get(REPLY_TEMPLATES_PATH)).status).toBe(401);
  });

  it('refuses an unknown field, a lone brace, a removed relay and a repeated id, saying which', async () => {
    const refusals: [ReplyTemplate[], string][] = [
      [[{ ...EDITED, text: '{citzen}您好' }, ...DEFAULT_REPLY_TEMPLATES.slice(1)], 'unknown field {citzen}'],
      [[{ ...EDITED, text: '编号 {number' }, ...DEFAULT_REPLY_TEMPLATES.slice(1)], 'a lone { or }'],
      [DEFAULT_REPLY_TEMPLATES.filter((t) => t.id !== RELAY_TEMPLATE_ID), 'cannot be removed'],
      [[...DEFAULT_REPLY_TEMPLATES, DEFAULT_REPLY_TEMPLATES[0]!], 'two templates have the id transferred'],
    ];
    for (const [templates, words] of refusals) {
      const refused = await save(templates);
      expect(refused.status, words).toBe(400);
      expect(ApiError.parse(refused.body).error.message).toContain(words);
    }
    expect(ReplyTemplates.parse((await client.get(REPLY_TEMPLATES_PATH, admin)).body).version).toBe(1);
  });

  it('keeps each save as the next version, and pulls send it only to an older copy', async () => {
    const saved = await save([EDITED, ...DEFAULT_REPLY_TEMPLATES.slice(1)]);
    expect(saved.status).toBe(200);
    expect(ReplyTemplates.parse(saved.body).version).toBe(2);
    expect((await pullHolding(1))?.templates[0]).toEqual(EDITED);
    expect(await pullHolding(2)).toBeNull();
    // An older workstation that never asks gets none.
    expect(await pullHolding(null)).toBeNull();
    const versions = await db.selectFrom('reply_template_versions').select('version').orderBy('version').execute();
    expect(versions.map((v) => Number(v.version))).toEqual([1, 2]);
  });

  it('reaches the workstation on its next pull, where an admin saves the next version and it stays held offline', async () => {
    await waitFor('version 2 on the workstation', async () => {
      await host.call('sync.now', {});
      return value(await host.call('templates.get', {})).version === 2;
    });
    expect(value(await host.call('templates.get', {})).templates[0]).toEqual(EDITED);

    // The centre's order is the keys' order: the relay first makes it r 1.
    const relayFirst = [...DEFAULT_REPLY_TEMPLATES].reverse();
    const mine = value(await host.call('templates.save', { templates: relayFirst }));
    expect(mine.version).toBe(3);
    expect(value(await host.call('templates.get', {})).templates.map((t) => t.id)).toEqual(relayFirst.map((t) => t.id));
    expect(ReplyTemplates.parse((await client.get(REPLY_TEMPLATES_PATH, admin)).body).version).toBe(3);

    // The server gone, the workstation still holds them; saving then fails as offline.
    await server.stop();
    expect(value(await host.call('templates.get', {})).version).toBe(3);
    const offline = await host.call('templates.save', { templates: [...DEFAULT_REPLY_TEMPLATES] });
    expect(offline.ok).toBe(false);
  });
});
