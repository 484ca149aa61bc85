import { describe, expect, it } from 'vitest';
import { UNIT_WORK_DEFAULTS, type Decision, type Directory, type Request } from '../../shared/model';
import { directoryLookup, rebase } from '../../electron/host/local-view';

const OPERATOR = '01KB0000000000000000000001';
const REQUEST = '01KB0000000000000000000R01';

const server: Request = {
  id: REQUEST,
  number: 'YW-20261128-0001',
  channel: 'wechat',
  account: 'gh_yiwang_demo',
  citizen: { id: 'wechat:o1', name: null },
  text: '路灯坏了',
  attachments: [],
  receivedAt: '2026-11-28T01:00:00.000Z',
  status: 'new',
  categoryId: null,
  unitId: null,
  mergedInto: null,
  snoozedUntil: null,
  escalated: false,
  version: 3,
  updatedAt: '2026-11-28T01:00:00.000Z',
  lastDecision: null,
  ...UNIT_WORK_DEFAULTS,
};

const directory: Directory = {
  version: 1,
  units: [
    {
      id: 'zjj',
      name: '市住建局',
      parentId: null,
      level: 1,
      aliases: [],
      pinyin: 'shizhujianju',
      initials: 'szjj',
      active: true,
    },
  ],
  categories: [{ id: '城乡建设', name: '城乡建设', parentId: null, level: 1, order: 0 }],
};

let seq = 0;
function decision(action: Record<string, unknown> & { kind: Decision['kind'] }, baseVersion: number): Decision {
  seq += 1;
  return {
    ...action,
    id: `01KB00000000000000000D${String(seq).padStart(4, '0')}`,
    deviceId: 'ws-test',
    seq,
    requestId: REQUEST,
    baseVersion,
    operatorId: OPERATOR,
    madeAt: `2026-11-28T02:00:0${seq % 10}.000Z`,
  } as Decision;
}

const name = () => '张三';

describe('rebase: server state plus pending decisions', () => {
  it('re-applies pending decisions in order on the server state', () => {
    const view = rebase(
      server,
      [
        decision({ kind: 'accept' }, 3),
        decision({ kind: 'classify', categoryId: '城乡建设' }, 4),
        decision({ kind: 'transfer', unitId: 'zjj', note: null }, 5),
      ],
      name,
      directoryLookup(directory),
    );
    expect(view).toMatchObject({ status: 'transferred', categoryId: '城乡建设', unitId: 'zjj', version: 6 });
    expect(view.lastDecision).toMatchObject({ kind: 'transfer', operatorName: '张三', deviceId: 'ws-test' });
  });

  it('skips a pending decision the newer server state no longer allows, keeps the rest', () => {
    const moved: Request = { ...server, status: 'junk', version: 4 };
    const view = rebase(
      moved,
      [decision({ kind: 'accept' }, 3), decision({ kind: 'note', text: '已电话联系' }, 4)],
      name,
      directoryLookup(directory),
    );
    // The accept was made against version 3 and is stale; the note never conflicts.
    expect(view).toMatchObject({ status: 'junk', version: 4 });
  });

  it('leaves the server state alone when nothing is pending', () => {
    expect(rebase(server, [], name, directoryLookup(directory))).toBe(server);
  });

  it('checks units against the pulled directory, and trusts the server before the first pull', () => {
    const transfer = decision({ kind: 'transfer', unitId: 'nowhere', note: null }, 3);
    expect(rebase(server, [transfer], name, directoryLookup(directory)).status).toBe('new');
    expect(rebase(server, [transfer], name, directoryLookup({ version: 0, units: [], categories: [] })).status).toBe(
      'transferred',
    );
  });
});
