import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryEntry } from '../../shared/library/library-entry';
import {
  LIBRARY_API,
  libraryEntryPath,
  LibraryMatchResponse,
  LibraryPullResponse,
  LibrarySearchResponse,
  PolicyDocument,
  PolicyImportResult,
} from '../../shared/library/protocol';
import { LoginResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { UNIT_API } from '../../shared/units/protocol';
import { openDatabase, type Db } from '../../server/db/open-database';
import { addUnitAccount } from '../../server/units/unit-accounts';
import { jsonClient } from '../support/json-client';
import { decisionMaker } from '../support/make-decision';
import { makeMessage } from '../support/make-message';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { unitLogin, workstation } from '../support/unit-work';
import { runServerCli } from '../support/server-cli';

const URBAN = 'city-urban-management';
const LAMP_QUESTION = '芙蓉区五一大道旁边的人行道路灯已经坏了半个月，晚上一片漆黑，老人出门很危险，请尽快修复。';
const LAMP_ANSWER = '经核实，五一大道人行道路灯因线路老化损坏，我局已于11月20日完成更换，恢复照明。';
const LIKE_LAMP = '五一大道人行道的路灯坏了，晚上漆黑一片，什么时候修？';
const UNRELATED = '孩子明年九月上小学，户口在外地，入学需要准备哪些材料？';
const POLICY = `# 关于规范居住证办理的联合通知

各区公安分局、人力资源和社会保障局：

为保障来本市务工人员子女平等接受义务教育，持有居住证满一年的家长，可为子女申请就近入学，教育部门不得以户籍为由拒绝。

居住证由居住地派出所受理，材料齐全的应当在十五个工作日内办结，不得要求申请人提供本通知规定以外的证明。`;

describe.each(testBackends())('the answer library on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let db: Db;
  let client: ReturnType<typeof jsonClient>;
  let desk: Awaited<ReturnType<typeof workstation>>;
  let supervisor: string;
  let unit: string;
  let push: (requestId: string, kind: Parameters<ReturnType<typeof decisionMaker>>[2]) => Promise<void>;

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url });
    db = openDatabase(database.url);
    client = jsonClient(server.url);
    await addUnitAccount(db, 'cgj', 'cgj-pass', URBAN);
    desk = await workstation(db, client, 'li.na');
    await workstation(db, client, 'wang.fang', 'supervisor');
    supervisor = LoginResponse.parse(
      (await client.post(SYNC_PATHS.login, { name: 'wang.fang', password: 'pa55word', deviceId: 'ws-sup' })).body,
    ).token;
    unit = await unitLogin(client, 'cgj', 'cgj-pass');
    // A second device of the same operator, so its decisions number themselves apart from the helper's.
    const token = LoginResponse.parse(
      (await client.post(SYNC_PATHS.login, { name: 'li.na', password: 'pa55word', deviceId: 'ws-li.na-2' })).body,
    ).token;
    const make = decisionMaker('ws-li.na-2', desk.operator.id);
    push = async (requestId, action) => {
      const current = await desk.pull(requestId);
      const response = await client.post(
        SYNC_PATHS.push,
        { deviceId: 'ws-li.na-2', decisions: [make(requestId, current.version, action)] },
        token,
      );
      expect(PushResponse.parse(response.body).results[0]?.outcome).toBe('applied');
    };
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  const search = async (q: string) =>
    LibrarySearchResponse.parse((await client.get(`${LIBRARY_API}/search?q=${encodeURIComponent(q)}`, desk.token)).body)
      .entries;
  const matches = async (text: string) =>
    LibraryMatchResponse.parse((await client.post(`${LIBRARY_API}/matches`, { text }, desk.token)).body).matches;

  it("makes a unit's answer an entry of its request, category and unit, found by Chinese words and by a like request", async () => {
    const request = await desk.transferredTo(URBAN, LAMP_QUESTION);
    expect((await client.post(`${UNIT_API}/requests/${request.id}/answer`, { text: LAMP_ANSWER }, unit)).status).toBe(
      200,
    );

    const [entry] = await search('路灯 更换');
    expect(entry).toMatchObject({
      kind: 'answer',
      question: LAMP_QUESTION,
      text: LAMP_ANSWER,
      requestId: request.id,
      requestNumber: request.number,
      unitId: URBAN,
      retired: false,
    });
    // One character is a prefix of the pairs; a word absent from every entry finds nothing.
    expect((await search('灯')).map((e) => e.id)).toContain(entry!.id);
    expect(await search('地铁站')).toEqual([]);

    const [best] = await matches(LIKE_LAMP);
    expect(best?.entry.id).toBe(entry!.id);
    expect(best!.score).toBeGreaterThan(0.2);
    // Nothing beats noise: an unrelated question gets no suggestion at all.
    expect(await matches(UNRELATED)).toEqual([]);
  });

  it('retires an answer sent back to its unit, and a reply the request was then transferred after', async () => {
    const request = await desk.transferredTo(URBAN, `${LAMP_QUESTION}（第二次反映）`);
    await client.post(`${UNIT_API}/requests/${request.id}/answer`, { text: '已转交相关部门处理。' }, unit);
    await push(request.id, { kind: 'reject-answer', unitId: URBAN, reason: '未实质答复' });
    const [sentBack] = (await search('已转交相关部门处理')).filter((e) => e.requestId === request.id);
    expect(sentBack?.retired).toBe(true);

    const { requestId } = await desk.intake.receive(makeMessage({ text: '请问办理居住证需要什么材料？' }));
    await push(requestId, { kind: 'accept' });
    await push(requestId, { kind: 'reply', text: '您好，办理居住证请携带身份证和租房合同到居住地派出所。' });
    const [reply] = (await search('居住证 租房合同')).filter((e) => e.requestId === requestId);
    expect(reply).toMatchObject({ kind: 'reply', retired: false, unitId: null });
    await push(requestId, { kind: 'transfer', unitId: URBAN, note: null });
    expect((await search('居住证 租房合同')).find((e) => e.requestId === requestId)?.retired).toBe(true);
  });

  it('lets supervisors and admins edit, retire and promote entries, not operators, and pulls each change once in order', async () => {
    const first = LibraryPullResponse.parse(
      (await client.post(`${LIBRARY_API}/pull`, { cursor: null }, desk.token)).body,
    );
    expect(first.entries.length).toBeGreaterThanOrEqual(3);
    const [entry] = await search('路灯 更换');
    const path = libraryEntryPath(entry!.id);
    expect((await client.patch(path, { promoted: true }, desk.token)).status).toBe(403);
    const edited = await client.patch(
      path,
      { promoted: true, text: `${LAMP_ANSWER}如再有损坏请拨打12319。` },
      supervisor,
    );
    expect(edited.status).toBe(200);
    expect(LibraryEntry.parse(edited.body)).toMatchObject({ promoted: true });
    expect((await search('12319')).map((e) => e.id)).toEqual([entry!.id]);

    const next = LibraryPullResponse.parse(
      (await client.post(`${LIBRARY_API}/pull`, { cursor: first.cursor }, desk.token)).body,
    );
    expect(next.entries.map((e) => [e.id, e.promoted])).toEqual([[entry!.id, true]]);
    expect(next.hasMore).toBe(false);

    expect((await client.patch(path, { retired: true }, supervisor)).status).toBe(200);
    expect(await matches(LIKE_LAMP)).toEqual([]);
    expect(
      (await client.patch(libraryEntryPath('01ARZ3NDEKTSV4RRFFQ69G5FAV'), { retired: true }, supervisor)).status,
    ).toBe(404);
  });

  it('imports a policy document as passages with its title, issuer, date and validity, by API and from the command line', async () => {
    const upload = {
      title: '关于规范居住证办理的联合通知',
      issuer: '市公安局 市人力资源和社会保障局',
      issuedOn: '2025-03-01',
      validUntil: '2030-12-31',
      fileName: 'notice.md',
      content: Buffer.from(POLICY).toString('base64'),
    };
    expect((await client.post(`${LIBRARY_API}/documents`, upload, desk.token)).status).toBe(403);
    const imported = await client.post(`${LIBRARY_API}/documents`, upload, supervisor);
    expect(imported.status).toBe(200);
    const { document } = PolicyImportResult.parse(imported.body);
    expect(document).toMatchObject({ format: 'markdown', passages: 1, importedBy: 'wang.fang' });

    const [passage] = await matches('我有居住证一年了，孩子能不能在这里上学？学校说没有户籍不收。');
    expect(passage?.entry).toMatchObject({
      kind: 'passage',
      title: upload.title,
      issuer: upload.issuer,
      validUntil: '2030-12-31',
      documentId: document.id,
    });
    expect(passage!.entry.text).not.toContain('#');

    const bad = await client.post(`${LIBRARY_API}/documents`, { ...upload, fileName: 'notice.exe' }, supervisor);
    expect(bad.status).toBe(400);

    const dir = mkdtempSync(join(tmpdir(), 'yiwang-policy-'));
    try {
      const file = join(dir, 'expired.txt');
      writeFileSync(file, '燃气表更换由燃气公司免费上门，不收取任何费用。\n\n更换前会提前三天张贴通知。');
      const args = ['import-policy', file, '--title', '燃气表更换须知', '--issuer', '市燃气集团'];
      const { stdout } = await runServerCli(
        server.dataDir,
        [...args, '--date', '2020-01-01', '--valid-until', '2021-12-31'],
        '',
        {
          DATABASE_URL: database.url,
          YIWANG_ADMIN_PASSWORD: 'admin',
        },
      );
      expect(stdout).toContain('1 passages');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const documents = (await client.get(`${LIBRARY_API}/documents`, desk.token)).body as unknown[];
    expect(documents.map((d) => PolicyDocument.parse(d).title)).toContain('燃气表更换须知');
    expect((await search('燃气表')).length).toBe(1);
    // Out of force: found by words, never suggested.
    expect(await matches('燃气表要更换，燃气公司上门收不收费用？')).toEqual([]);
  });
});
