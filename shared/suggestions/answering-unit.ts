/**
 * The unit that answered a board message, read from its reply: the answering office signs at the end
 * ("A7县教育局 2018年8月27日") or names itself at the start ("经A2区城管执法大队调查…"). The office's
 * kind is mapped to the directory's unit of that kind; the many district, county, town and street
 * governments answer as one label, `local-government` (this city's districts are its own, not the
 * board's). Null when neither end names an office: about half of the replies.
 */
const KINDS: readonly (readonly [string, RegExp])[] = [
  [
    'local-government',
    /街道办|街道党工委|[镇乡]人民政府|[镇乡]政府|[镇乡]党委|[区县市]人民政府|[区县]政府|[区县]委|管委会|管理委员会/,
  ],
  ['city-traffic-police', /交警|交通警察/],
  ['city-public-security', /公安|派出所/],
  ['city-education', /教育局|教育体育局|教体局|教育和体育局/],
  ['city-housing-security', /住房保障/],
  ['city-housing-fund', /公积金/],
  ['city-real-estate-registration', /不动产/],
  ['city-housing', /住房和城乡建设|住建|建设局|建委|房产局|房管局|房地产管理/],
  ['city-human-resources', /人力资源|人社|社保|社会保险|劳动保障|劳动监察/],
  ['city-health', /卫生健康|卫健|卫计|卫生计生|卫生局|医院/],
  ['city-ecology', /生态环境|环保|环境保护/],
  ['city-transport', /交通运输|交通局|运管|公路/],
  ['city-market-regulation', /市场监督|市场监管|工商|质监|食品药品|食药|物价/],
  ['city-urban-management', /城市管理|城管|行政执法/],
  ['city-natural-resources', /自然资源|国土|规划局|城乡规划/],
  ['city-civil-affairs', /民政局/],
  ['city-water', /水务|水利/],
  ['city-development-reform', /发展和改革|发改|发展改革/],
  ['city-agriculture', /农业|农委|畜牧/],
  ['city-culture-tourism', /文化|旅游|广电|广播电视|文体/],
  ['city-finance', /财政/],
  ['city-tax', /税务/],
  ['power-supply', /供电|电力/],
  ['water-supply', /自来水|供水/],
  ['gas-group', /燃气/],
  ['bus-group', /公交/],
  ['metro-group', /地铁|轨道/],
];

/** An office's name: up to 14 characters before the word that makes it one. */
const OFFICE =
  /[\u4e00-\u9fa5A-Z0-9]{0,14}?(?:局|委员会|委|办事处|人民政府|政府|中心|支队|大队|分局|公司|医院|管委会|党委|党工委)/g;

function kindOf(office: string): string | null {
  return KINDS.find(([, pattern]) => pattern.test(office))?.[0] ?? null;
}

export function answeringUnit(reply: string): string | null {
  const text = reply.replace(/\s+/g, '').replace(/\d{4}年\d{1,2}月\d{1,2}日$/, '');
  // The signature at the end is the surest; else the first office the opening names.
  for (const [zone, last] of [
    [text.slice(-60), true],
    [text.slice(0, 120), false],
  ] as const) {
    const kinds = [...zone.matchAll(OFFICE)].map((m) => kindOf(m[0])).filter((k) => k !== null);
    const kind = last ? kinds.at(-1) : kinds[0];
    if (kind) return kind;
  }
  return null;
}
