import type { Channel, RequestStatus } from '../../shared/model';
import type { LedgerLine } from '../../shared/ledger';

/**
 * Invented ledger lines for tests and the sample picture: no real citizen, number or reply. Every field
 * follows from the line's index, so totals can be worked out by hand (see ledger-export.test.ts).
 */
export const FIXTURE_DAY = '2026-11-27';

export const FIXTURE_OPERATORS = [
  { id: '01JD0000000000000000000001', name: '王丽' },
  { id: '01JD0000000000000000000002', name: '李强' },
  { id: '01JD0000000000000000000003', name: '陈静' },
] as const;

const CHANNELS: readonly Channel[] = ['wechat', 'wechat', 'weibo', 'weibo', 'alipay'];

const CITIZENS: readonly { name: string | null; tail: string }[] = [
  { name: '张伟', tail: 'oF3kQ9xLm2Va' },
  { name: '欧阳娜娜', tail: 'oF3kR7pTn4Wb' },
  { name: null, tail: '5012887341' },
  { name: '路过的猫', tail: '5012990027' },
  { name: '刘洋', tail: '2088102233445566' },
];

/** Request text, category and unit (null: not transferred). */
const CASES: readonly [text: string, category: string, unit: string | null][] = [
  ['小区东门路灯连续三天不亮，夜间出行不便，联系电话13812345678。', '城乡建设/市政设施/路灯', '市城市管理局'],
  [
    '反映滨河路早市占道经营，早高峰车辆拥堵严重，希望城管每天七点前到场。',
    '城市管理/市容环境/占道经营',
    '市城市管理局',
  ],
  ['咨询新生儿落户需要哪些材料，身份证号11010519491231002X，能否网上办理？', '公安/户政/户口迁移', '市公安局'],
  ['楼上住户装修噪音扰民，晚上十点后仍在施工，座机010-62345678。', '生态环境/噪声污染/建筑施工噪声', '市生态环境局'],
  ['公交12路2026年11月26日晚班车未按时发车，乘客在站台等了40分钟。', '交通运输/公共交通/公交服务', '市交通运输局'],
  [
    '社保卡丢失补办进度查询，原卡绑定的银行卡号6222 0212 3456 7890。',
    '人力社保/社会保障/社保卡',
    '市人力资源和社会保障局',
  ],
  ['小区垃圾清运不及时，已堆放两天有异味。', '城市管理/环境卫生/垃圾清运', null],
  ['医保异地备案怎么办理？手机：139 8765 4321。', '医疗卫生/医疗保障/异地就医', '市医疗保障局'],
  [
    '=HYPERLINK("http://example.invalid","点此") 投诉外卖平台拒绝退款。',
    '市场监管/消费维权/网络交易',
    '市市场监督管理局',
  ],
  ['学校周边有无证摊贩，存在食品安全隐患。', '市场监管/食品安全/无证经营', '市市场监督管理局'],
];

const STATUSES: readonly RequestStatus[] = ['transferred', 'replied', 'transferred', 'closed', 'transferred', 'junk'];

const MINUTE = 60_000;
/** 08:30 Beijing on the fixture day. */
const DAY_START = Date.parse(`${FIXTURE_DAY}T08:30:00+08:00`);

export function fixtureLine(index: number): LedgerLine {
  const arrived = DAY_START + index * 17 * MINUTE;
  const handled = arrived + ((index % 4) + 1) * MINUTE;
  const status = STATUSES[index % STATUSES.length] as RequestStatus;
  const [text, category, unit] = CASES[index % CASES.length] as (typeof CASES)[number];
  const citizen = CITIZENS[index % CITIZENS.length] as (typeof CITIZENS)[number];
  const channel = CHANNELS[index % CHANNELS.length] as Channel;
  const answered = status !== 'junk';
  return {
    number: `YW-20261127-${String(index + 1).padStart(4, '0')}`,
    arrivedAt: new Date(arrived).toISOString(),
    handledAt: new Date(handled).toISOString(),
    channel,
    citizen: { id: `${channel}:${citizen.tail}`, name: citizen.name },
    summary: text,
    category: status === 'junk' ? null : category,
    unit: status === 'junk' ? null : unit,
    operator: FIXTURE_OPERATORS[index % FIXTURE_OPERATORS.length] as (typeof FIXTURE_OPERATORS)[number],
    handlingSeconds: index % 7 === 6 ? null : 20 + index * 5,
    keyPresses: index % 7 === 6 ? null : 4 + (index % 5),
    firstResponseAt: answered ? new Date(handled + 30_000).toISOString() : null,
    deadlineMet: answered ? index % 9 !== 8 : null,
    status,
    reply: answered ? '您好，您反映的问题已转交相关单位办理，请保持电话13812345678畅通。' : null,
  };
}

/** `count` lines handled on FIXTURE_DAY (30 fit between 08:30 and 17:00). */
export function fixtureLines(count = 30): LedgerLine[] {
  return Array.from({ length: count }, (_, i) => fixtureLine(i));
}
