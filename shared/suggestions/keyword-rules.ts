import { z } from 'zod';

/**
 * Words that point to a category and a responsible unit: what suggests before a trained model ships
 * (a cold start with no history). Administrators edit them on the server; workstations receive them
 * through sync. Ids are the seeded directory's; a rule naming an id the directory lacks simply
 * contributes nothing.
 */
export const KeywordRule = z.object({
  words: z.array(z.string().trim().min(1).max(50)).min(1).max(100),
  categoryId: z.string().min(1).max(200).nullable(),
  unitId: z.string().min(1).max(200).nullable(),
});
export type KeywordRule = z.infer<typeof KeywordRule>;

export const KeywordRules = z.array(KeywordRule).max(2000);

/** The rules as a whole, versioned so a workstation knows when its copy is old. */
export const SuggestionRules = z.object({ version: z.number().int().nonnegative(), rules: KeywordRules });
export type SuggestionRules = z.infer<typeof SuggestionRules>;

/** The centre's rules of thumb that a new server starts with, for the first-level categories and common units. */
export const DEFAULT_KEYWORD_RULES: readonly KeywordRule[] = [
  {
    words: ['被偷', '被盗', '报警', '诈骗', '打架', '派出所', '小偷'],
    categoryId: '政法',
    unitId: 'city-public-security',
  },
  {
    words: ['交警', '违停', '闯红灯', '交通事故', '红绿灯', '乱停车'],
    categoryId: '交通运输',
    unitId: 'city-traffic-police',
  },
  { words: ['公交', '地铁', '出租车', '网约车', '客运'], categoryId: '交通运输', unitId: 'city-transport' },
  {
    words: ['路灯', '占道', '摊贩', '违章建筑', '违建', '垃圾', '井盖'],
    categoryId: '城乡建设',
    unitId: 'city-urban-management',
  },
  { words: ['物业', '房屋', '小区', '电梯', '住建'], categoryId: '城乡建设', unitId: 'city-housing' },
  { words: ['公积金'], categoryId: '城乡建设', unitId: 'city-housing-fund' },
  { words: ['噪音', '油烟', '污染', '排污', '异味', '扰民'], categoryId: '环境保护', unitId: 'city-ecology' },
  { words: ['学校', '老师', '学生', '幼儿园', '入学', '食堂'], categoryId: '教育文体', unitId: 'city-education' },
  { words: ['欠薪', '工资', '讨薪', '拖欠'], categoryId: '劳动和社会保障', unitId: 'city-labor-inspection' },
  { words: ['社保', '养老金', '社保卡'], categoryId: '劳动和社会保障', unitId: 'city-social-insurance' },
  { words: ['医院', '挂号', '医生', '看病'], categoryId: '卫生计生', unitId: 'city-health' },
  { words: ['医保', '报销'], categoryId: '卫生计生', unitId: 'city-medical-security' },
  {
    words: ['缺斤短两', '假货', '消费', '退款', '商家', '价格'],
    categoryId: '商贸旅游',
    unitId: 'city-market-regulation',
  },
  { words: ['景区', '旅游', '导游'], categoryId: '商贸旅游', unitId: 'city-culture-tourism' },
  { words: ['低保', '养老院', '救助', '婚姻登记'], categoryId: '民政', unitId: 'city-civil-affairs' },
  { words: ['停水', '水管', '自来水', '积水'], categoryId: '城乡建设', unitId: 'city-water' },
  { words: ['土地', '征地', '规划'], categoryId: '国土资源', unitId: 'city-natural-resources' },
  { words: ['农村', '农民', '种植', '养殖'], categoryId: '农村农业', unitId: 'city-agriculture' },
  { words: ['网络', '宽带', '信号', '骚扰电话'], categoryId: '科技与信息产业', unitId: 'city-telecom-admin' },
  { words: ['办事', '审批', '办证', '窗口'], categoryId: '党务政务', unitId: 'city-government-services' },
  { words: ['物价', '企业', '营商环境', '税'], categoryId: '经济管理', unitId: 'city-development-reform' },
  { words: ['贪污', '受贿', '腐败', '吃拿卡要'], categoryId: '纪检监察', unitId: null },
];

/** The rules whose words appear in the text. */
export function matchingRules(text: string, rules: readonly KeywordRule[] = DEFAULT_KEYWORD_RULES): KeywordRule[] {
  return rules.filter((rule) => rule.words.some((word) => text.includes(word)));
}
