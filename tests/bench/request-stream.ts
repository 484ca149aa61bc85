import type { Channel } from '../../shared/model';
import { inArchive } from '../../scripts/eval/hash-split';
import { join } from 'node:path';
import { answeringUnit } from '../../shared/suggestions/answering-unit';
import { trainTextModel } from '../../shared/text';
import { readLabelledCsvCorpus, type LabelledCorpusMessage } from '../../simulator/csv-corpus';
import type { CorpusMessage } from '../../simulator/fixtures/wechat-corpus';
import { seededDirectory, type RequestSeed } from '../support/seeded-workstation';

/**
 * Requests with known right answers, as the centre sees them: recurring topics in many wordings.
 * Some topics carry words the keyword rules know; some only past decisions can answer; a few carry
 * words that point the rules the wrong way (扰民 from a dog, 办证 for a property deed).
 */
interface Topic {
  categoryId: string;
  unitId: string;
  texts: readonly string[];
}

const TOPICS: readonly Topic[] = [
  {
    categoryId: '城乡建设',
    unitId: 'city-urban-management',
    texts: [
      '{place}的路灯坏了{days}天，晚上一片漆黑',
      '{place}路边井盖松动，{time}差点绊倒人',
      '{place}有流动摊贩占道经营，堵得走不动',
    ],
  },
  {
    categoryId: '环境保护',
    unitId: 'city-ecology',
    texts: [
      '{place}楼下饭店油烟太大，{time}熏得没法开窗',
      '{place}工地{time}还在施工，噪音很大',
      '{place}附近工厂排污，河水有异味',
    ],
  },
  {
    categoryId: '劳动和社会保障',
    unitId: 'city-labor-inspection',
    texts: ['我在{place}的公司拖欠工资{days}个月了', '{place}工地老板欠薪不给，工友们讨薪无门'],
  },
  {
    categoryId: '政法',
    unitId: 'city-public-security',
    texts: ['{time}在{place}手机被偷了，已经报警，想问进展', '{place}有人打架斗殴，{time}闹了很久'],
  },
  {
    categoryId: '交通运输',
    unitId: 'city-transport',
    texts: ['{place}的公交车{time}一直不来，等了很久', '{place}出租车拒载，司机态度很差'],
  },
  {
    categoryId: '教育文体',
    unitId: 'city-education',
    texts: ['孩子在{place}的学校食堂吃得很差', '{place}幼儿园入学报名一直排不上'],
  },
  {
    categoryId: '卫生计生',
    unitId: 'city-health',
    texts: ['{place}医院挂号排队{days}小时，希望增加窗口', '{place}医院医生态度不好，看病太难'],
  },
  {
    categoryId: '商贸旅游',
    unitId: 'city-market-regulation',
    texts: ['{place}菜市场缺斤短两，商家还不承认', '在{place}买到假货，商家拒绝退款'],
  },
  {
    categoryId: '城乡建设',
    unitId: 'city-housing-fund',
    texts: ['想问公积金提取需要哪些材料，在{place}上班', '公积金贷款{days}天了还没审批下来'],
  },
  {
    categoryId: '城乡建设',
    unitId: 'city-housing',
    texts: ['{place}小区电梯坏了{days}天没人修', '{place}物业乱收费，还不开发票'],
  },
  {
    categoryId: '交通运输',
    unitId: 'city-traffic-police',
    texts: ['{place}路口乱停车严重，车都过不去', '{place}的红绿灯{time}坏了，交通很乱'],
  },
  {
    categoryId: '劳动和社会保障',
    unitId: 'city-social-insurance',
    texts: ['社保卡在{place}办理了{days}天还没拿到', '养老金发放查询不到，住在{place}'],
  },
  {
    categoryId: '国土资源',
    unitId: 'city-real-estate-registration',
    texts: ['{place}的房子不动产证一直办不下来，办证太难', '不动产登记要跑{days}趟，{place}窗口说材料不全'],
  },
  {
    categoryId: '城乡建设',
    unitId: 'city-urban-management',
    texts: ['{place}有人遛狗不牵绳，狗叫扰民', '{place}流浪狗很多，{time}追着孩子跑'],
  },
  {
    categoryId: '民政',
    unitId: 'city-veterans',
    texts: ['退役军人优待证在{place}怎么办理', '我是退伍老兵，住{place}，想咨询安置政策'],
  },
  {
    categoryId: '政法',
    unitId: 'city-fire-rescue',
    texts: ['{place}小区消防通道被车堵死了', '{place}商场的消防栓{time}被挡住'],
  },
  {
    categoryId: '政法',
    unitId: 'city-entry-exit',
    texts: ['在{place}办护照要等{days}天吗', '港澳通行证续签，{place}能办吗'],
  },
];

const PLACES = [
  '东湖路',
  '西城区',
  '南山街道',
  '北塘村',
  '中山路',
  '人民路',
  '解放路',
  '建设路',
  '和平街',
  '幸福里',
  '阳光小区',
  '锦绣花园',
  '滨江苑',
  '翠湖',
  '长安街',
  '芙蓉区',
  '天心区',
  '岳麓区',
  '开福区',
  '雨花区',
];
const TIMES = ['昨晚', '今天早上', '每天晚上', '周末', '凌晨两点', '中午', '最近一周'];
const CHANNELS: readonly Channel[] = ['wechat', 'weibo', 'alipay'];
const NAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];

export interface StreamRequest {
  seed: RequestSeed;
  answer: { categoryId: string; unitId: string };
}

/** Resolved requests name these places; new ones the rest, so a model trained on the former must generalise. */
const ARCHIVE_PLACES = PLACES.slice(0, 14);
const NEW_PLACES = PLACES.slice(14);

/**
 * A deterministic stream: the same seed gives the same requests, so runs compare. New requests come
 * from places the resolved archive never mentions: the same complaints from other streets.
 */
export function requestStream(count: number, seed: number, resolved: boolean): StreamRequest[] {
  const places = resolved ? ARCHIVE_PLACES : NEW_PLACES;
  // mulberry32: a plain LCG's low bits repeat with a short period, so `% 2` would tie a topic's wording to its position.
  let state = seed >>> 0;
  const next = (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const topic = TOPICS[next(TOPICS.length)]!;
    const text = topic.texts[next(topic.texts.length)]!.replace('{place}', places[next(places.length)]!)
      .replace('{time}', TIMES[next(TIMES.length)]!)
      .replace('{days}', String(2 + next(20)));
    const channel = CHANNELS[next(CHANNELS.length)]!;
    const seedFields: RequestSeed = {
      text: `${text}。${next(4) === 0 ? '希望尽快处理，谢谢！' : ''}`,
      channel,
      citizenId: `${channel}:citizen-${next(20_000)}`,
      citizenName: `${NAMES[next(NAMES.length)]}先生${i % 97}`,
    };
    const answer = { categoryId: topic.categoryId, unitId: topic.unitId };
    return {
      seed: resolved ? { ...seedFields, status: next(3) === 0 ? 'closed' : 'transferred', ...answer } : seedFields,
      answer,
    };
  });
}

/** A unit in this city's directory, or null: the board's district and town governments have none. */
const UNIT_IDS = new Set(seededDirectory().units.map((u) => u.id));

/**
 * Real posts from ../shared/data (read in place, never copied), split by a hash of the text into the
 * resolved archive (about 4 in 5) and new requests, so no post is in both (`inArchive`, the split
 * `npm run eval -- --split-by-hash` makes): free citizen wording that no template shares.
 *
 * The requests under test are the posts of messages-with-replies.csv whose answer names a unit of this
 * directory (shared/suggestions/answering-unit.ts): the right unit is the one that really answered.
 * No post there carries its category, so the right category is the board's label as a model trained on
 * all 921 labelled posts (messages-labeled-dev.csv) gives it: the truth for the unit, an estimate for
 * the category. The archive holds the labelled posts on the archive side, with their real category
 * (no unit), and the answered posts on the archive side, with their answering unit (no category): each
 * model learns only from real labels.
 */
export function boardStream(dir: string, resolved: boolean): StreamRequest[] {
  const labelled = readLabelledCsvCorpus(join(dir, 'messages-labeled-dev.csv'), '一级标签');
  const answered = readLabelledCsvCorpus(join(dir, 'messages-with-replies.csv'), '答复意见').flatMap((post) => {
    const unitId = answeringUnit(post.label);
    return unitId && UNIT_IDS.has(unitId) ? [{ ...post, unitId }] : [];
  });
  const requests: { message: CorpusMessage; answer: Partial<StreamRequest['answer']> }[] = [];
  if (resolved) {
    for (const { message, label, post } of labelled)
      if (inArchive(post)) requests.push({ message, answer: { categoryId: label } });
    for (const { message, post, unitId } of answered)
      if (inArchive(post)) requests.push({ message, answer: { unitId } });
  } else {
    const board = boardCategoryModel(labelled);
    for (const { message, post, unitId } of answered)
      if (!inArchive(post)) requests.push({ message, answer: { categoryId: board.predict(post)[0]!.label, unitId } });
  }
  return requests.map(({ message, answer }, i) => {
    const seed: RequestSeed = {
      // The board's posts are read as WeChat text messages.
      text: message.type === 'text' ? message.content : '',
      channel: CHANNELS[i % CHANNELS.length]!,
      citizenId: `wechat:${message.openid}`,
      citizenName: null,
    };
    return {
      seed: resolved ? { ...seed, status: 'closed', ...answer } : seed,
      answer: { categoryId: answer.categoryId ?? '', unitId: answer.unitId ?? '' },
    };
  });
}

/** The board's own labelling, as well as the labelled posts teach it. */
function boardCategoryModel(labelled: readonly LabelledCorpusMessage[]) {
  return trainTextModel(labelled.map(({ label, post }) => ({ text: post, label })));
}
