import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRequest } from '../../shared/api/workstation-api';
import { LEDGER_COLUMNS } from '../../shared/ledger';
import { LoginResponse, PullResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { citizenWrites } from '../support/citizen-writes';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { jsonClient } from '../support/json-client';
import { decisionMaker } from '../support/make-decision';
import { startServer, type ServerProcess } from '../support/server-process';
import { value, waitFor } from '../support/host-replies';

// The ledger a workstation exports: online from the server, with every operator's lines (this operator's with the
// timings measured here, another operator's without), masked numbers and the source said; offline from its own
// cache, saying so (离线：仅本机记录) and that other operators' lines may be missing.

const RAW_MOBILE = '13812345678';
const HEADERS = LEDGER_COLUMNS.map((c) => c.header);
const column = (header: string) => HEADERS.indexOf(header);

let server: ServerProcess;

/** The ledger's lines of an exported CSV: after the header, up to the empty row before the totals. */
function csvLines(text: string): string[][] {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  expect(rows[0]).toEqual(HEADERS);
  return rows.slice(
    1,
    rows.findIndex((r) => r.length === 1 && r[0] === ''),
  );
}
let host: HostProcess;

/** Another operator (op2) junks a request from their own workstation, straight through the sync API. */
async function otherOperatorJunks(requestId: string): Promise<void> {
  const client = jsonClient(server.url);
  const login = LoginResponse.parse(
    (await client.post(SYNC_PATHS.login, { name: 'op2', password: 'op2', deviceId: 'ws-op2' })).body,
  );
  const pulled = PullResponse.parse(
    (await client.post(SYNC_PATHS.pull, { cursor: null, directoryVersion: 0, limit: 1000 }, login.token)).body,
  );
  const request = pulled.requests.find((r) => r.id === requestId)!;
  const make = decisionMaker('ws-op2', login.operator.id);
  const push = PushResponse.parse(
    (
      await client.post(
        SYNC_PATHS.push,
        { deviceId: 'ws-op2', decisions: [make(requestId, request.version, { kind: 'junk' })] },
        login.token,
      )
    ).body,
  );
  expect(push.results[0]?.outcome).toBe('applied');
}

beforeAll(async () => {
  server = await startServer({ YIWANG_DEMO: '1' });
  host = await startHostProcess({ serverUrl: server.url, pollMs: 300, holdMs: 300 });
  value(await host.call('session.signIn', { name: 'op1', password: 'op1' }));
  await citizenWrites(
    server.url,
    { channel: 'wechat', citizen: 'o-ledger-1', text: `小区门口路灯坏了，联系电话${RAW_MOBILE}` },
    { encrypt: true },
  );
  await citizenWrites(
    server.url,
    { channel: 'wechat', citizen: 'o-ledger-2', text: '公交站台积水严重' },
    { encrypt: true },
  );
  // Not junk by the intake rules: a person has to judge this one.
  await citizenWrites(
    server.url,
    { channel: 'wechat', citizen: 'o-ledger-3', text: '转发这条锦鲤祝好运' },
    { encrypt: true },
  );
  const queue = await waitFor('three requests in the queue', async () => {
    const items = value(await host.call('queue.list', { view: 'queue' }));
    return items.length === 3 ? items : null;
  });
  const byText = (part: string) => queue.find((r) => r.text.includes(part))!;
  const lamp = byText('路灯');
  const puddle = byText('积水');
  value(
    await host.call('request.decideAll', {
      requestId: lamp.id,
      actions: [{ kind: 'accept' }, { kind: 'transfer', unitId: 'city-public-security', note: null }],
      measure: { handlingMs: 4_200, keyPresses: 3 },
    }),
  );
  value(
    await host.call('request.decide', {
      requestId: puddle.id,
      action: { kind: 'reply', text: `已转交，回电请拨${RAW_MOBILE}` },
      measure: { handlingMs: 9_800, keyPresses: 7 },
    }),
  );
  await otherOperatorJunks(byText('锦鲤').id);
  await waitFor('decisions synced and the other operator’s pulled', async () => {
    await host.call('sync.now', {});
    const status = value(await host.call('sync.status', {}));
    const junk = value(await host.call('queue.list', { view: 'junk' })) as LocalRequest[];
    return status.outbox === 0 && junk.length === 1;
  });
});

afterAll(async () => {
  await host?.stop();
  await server?.stop();
});

describe('ledger export from a workstation online: the server’s lines', () => {
  it('writes the centre’s CSV with both operators’ lines, my timings, the replies masked and the source', async () => {
    const exported = value(await host.call('ledger.export', { format: 'csv', scope: 'centre' }));
    expect(exported.path.startsWith(host.dataDir)).toBe(true);
    expect(exported.lines).toBe(3);
    expect(exported.completeness).toEqual({ kind: 'server' });

    const text = readFileSync(exported.path, 'utf8');
    expect(text).not.toContain(RAW_MOBILE);
    expect(text).toContain('138****5678');
    expect(text).toContain('数据来源：中心服务器');
    expect(text).not.toContain('离线');
    const lines = csvLines(text);
    const line = (part: string) => lines.find((r) => r[column('诉求摘要')]!.includes(part))!;
    expect(line('路灯')[column('受理员')]).toBe('受理员一');
    expect(line('路灯')[column('处理时长（秒）')]).toBe('4');
    expect(line('路灯')[column('按键次数')]).toBe('3');
    expect(line('路灯')[column('责任单位')]).toBe('市公安局');
    expect(line('积水')[column('答复内容')]).toContain('138****5678');
    expect(line('锦鲤')[column('受理员')]).toBe('受理员二');
    expect(line('锦鲤')[column('状态')]).toBe('无效');
    expect(line('锦鲤')[column('处理时长（秒）')]).toBe('');
  });

  it('writes my own XLSX with only my lines, read back with exceljs', async () => {
    const exported = value(await host.call('ledger.export', { format: 'xlsx', scope: 'me' }));
    expect(exported.lines).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported.path);
    const sheet = book.getWorksheet('台账')!;
    expect(String(sheet.getCell('A1').value)).toContain('受理员：受理员一');
    expect(String(sheet.getCell('A2').value)).toContain('数据来源：中心服务器');
    const cells = JSON.stringify(sheet.getSheetValues());
    expect(cells).not.toContain(RAW_MOBILE);
    expect(cells).toContain('138****5678');
    expect(cells).not.toContain('受理员二');
  });

  it('serves the file for download to the page with the token only', async () => {
    const exported = value(await host.call('ledger.export', { format: 'pdf', scope: 'centre' }));
    const url = `${host.url}/api/exports/${exported.fileName}`;
    expect((await fetch(url)).status).toBe(401);
    const download = await fetch(`${url}?token=${host.token}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(exported.fileName);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(`${host.url}/api/exports/..%2Fworkstation.sqlite?token=${host.token}`)).status).toBe(404);
  });

  it('refuses a range that ends before it starts, and a day together with a range', async () => {
    expect(
      await host.call('ledger.export', { format: 'csv', scope: 'centre', from: '2026-11-28', to: '2026-11-27' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(
      await host.call('ledger.export', {
        format: 'csv',
        scope: 'centre',
        day: '2026-11-28',
        from: '2026-11-27',
        to: '2026-11-28',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
  });
});

describe('ledger export from a workstation offline: its own cache', () => {
  it('builds the centre’s CSV from the cache, saying it is offline and may miss other operators’ lines', async () => {
    await server.stop();
    const exported = value(await host.call('ledger.export', { format: 'csv', scope: 'centre' }));
    expect(exported.completeness).toMatchObject({ kind: 'may-miss-other-operators' });
    expect(exported.completeness.kind === 'may-miss-other-operators' && exported.completeness.lastSyncAt).toBeTruthy();
    const text = readFileSync(exported.path, 'utf8');
    expect(text).toContain('离线：仅本机记录');
    expect(text).toContain('可能缺少其他受理员的记录');
    const lines = csvLines(text);
    // The other operator's junk reached this cache by the pull, as the last decision on the request.
    expect(lines.map((r) => r[column('受理员')]).sort()).toEqual(['受理员一', '受理员一', '受理员二']);
    expect(lines.find((r) => r[column('诉求摘要')]!.includes('路灯'))![column('按键次数')]).toBe('3');
  });
});
