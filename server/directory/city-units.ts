/**
 * The seeded units directory of the (fictional) city: its departments and public enterprises,
 * and its districts with their bureaus and streets. Ids are stable slugs that decisions keep
 * referring to, so never change one; rename the unit instead.
 */
export interface UnitSeed {
  id: string;
  name: string;
  aliases: string[];
  children?: UnitSeed[];
}

/** [slug, name, aliases] of the city's departments (市直部门), in the order the directory lists them. */
const DEPARTMENTS: [string, string, string[]][] = [
  ['city-public-security', '市公安局', ['公安', '公安局', '派出所']],
  ['city-traffic-police', '市公安局交通警察支队', ['交警', '交警支队']],
  ['city-education', '市教育局', ['教育', '教育局']],
  ['city-housing', '市住房和城乡建设局', ['住建', '住建局', '建委']],
  ['city-human-resources', '市人力资源和社会保障局', ['人社', '人社局', '劳动局']],
  ['city-health', '市卫生健康委员会', ['卫健', '卫健委', '卫生局']],
  ['city-ecology', '市生态环境局', ['生态环境', '环保', '环保局']],
  ['city-transport', '市交通运输局', ['交通', '交通局', '运管']],
  ['city-market-regulation', '市市场监督管理局', ['市场监管', '市监局', '工商', '质监']],
  ['city-urban-management', '市城市管理和综合执法局', ['城管', '城管局', '综合执法']],
  ['city-natural-resources', '市自然资源和规划局', ['自然资源', '规划局', '国土局', '自规局']],
  ['city-civil-affairs', '市民政局', ['民政', '民政局']],
  ['city-water', '市水务局', ['水务', '水务局', '水利局']],
  ['city-development-reform', '市发展和改革委员会', ['发改', '发改委']],
  ['city-industry-it', '市工业和信息化局', ['工信', '工信局']],
  ['city-science', '市科学技术局', ['科技', '科技局']],
  ['city-finance', '市财政局', ['财政', '财政局']],
  ['city-justice', '市司法局', ['司法', '司法局', '法律援助']],
  ['city-agriculture', '市农业农村局', ['农业农村', '农业局', '农委']],
  ['city-commerce', '市商务局', ['商务', '商务局']],
  ['city-culture-tourism', '市文化旅游广电局', ['文旅', '文旅局', '旅游局', '广电']],
  ['city-veterans', '市退役军人事务局', ['退役军人', '退役军人局']],
  ['city-emergency', '市应急管理局', ['应急', '应急局', '安监']],
  ['city-audit', '市审计局', ['审计', '审计局']],
  ['city-sasac', '市人民政府国有资产监督管理委员会', ['国资', '国资委']],
  ['city-statistics', '市统计局', ['统计', '统计局']],
  ['city-medical-security', '市医疗保障局', ['医保', '医保局']],
  ['city-government-services', '市政务服务中心', ['政务服务', '政务中心', '行政审批', '审批局']],
  ['city-data', '市数据资源局', ['数据局', '大数据局']],
  ['city-sports', '市体育局', ['体育', '体育局']],
  ['city-forestry', '市林业局', ['林业', '林业局', '园林']],
  ['city-housing-fund', '市住房公积金管理中心', ['公积金', '公积金中心']],
  ['city-housing-security', '市住房保障服务中心', ['住房保障', '公租房', '保障房']],
  ['city-real-estate-registration', '市不动产登记中心', ['不动产', '不动产登记', '房产证']],
  ['city-social-insurance', '市社会保险服务中心', ['社保', '社保中心']],
  ['city-employment', '市就业服务中心', ['就业', '就业中心']],
  ['city-labor-inspection', '市劳动保障监察支队', ['劳动监察', '欠薪', '讨薪']],
  ['city-disease-control', '市疾病预防控制中心', ['疾控', '疾控中心', 'CDC']],
  ['city-first-hospital', '市第一人民医院', ['市一医院', '一医院']],
  ['city-central-hospital', '市中心医院', ['中心医院']],
  ['city-tcm-hospital', '市中医医院', ['中医院']],
  ['city-maternal-child', '市妇幼保健院', ['妇幼', '妇幼保健院']],
  ['city-emergency-center', '市急救中心', ['120', '急救']],
  ['city-fire-rescue', '市消防救援支队', ['消防', '消防支队', '119']],
  ['city-entry-exit', '市公安局出入境管理支队', ['出入境', '护照', '港澳通行证']],
  ['city-urban-rural-transport', '市城乡客运管理中心', ['客运', '出租车', '网约车']],
  ['city-highway', '市公路事业发展中心', ['公路', '公路局']],
  ['city-port', '市港航事务中心', ['港航', '海事']],
  ['city-meteorology', '市气象局', ['气象', '气象局']],
  ['city-tax', '国家税务总局市税务局', ['税务', '税务局', '国税', '地税']],
  ['city-customs', '市海关', ['海关']],
  ['city-post', '市邮政管理局', ['邮政管理', '快递投诉']],
  ['city-telecom-admin', '市通信管理办公室', ['通信管理', '通管办', '骚扰电话']],
  ['city-petition', '市信访局', ['信访', '信访局']],
  ['city-ethnic-religious', '市民族宗教事务局', ['民宗', '民宗局']],
  ['city-archives', '市档案馆', ['档案', '档案馆']],
  ['city-library', '市图书馆', ['图书馆']],
  ['city-museum', '市博物馆', ['博物馆']],
  ['city-federation-trade-unions', '市总工会', ['工会', '总工会']],
  ['city-youth-league', '共青团市委', ['团市委', '共青团']],
  ['city-women-federation', '市妇女联合会', ['妇联']],
  ['city-disabled-federation', '市残疾人联合会', ['残联']],
  ['city-red-cross', '市红十字会', ['红十字']],
  ['city-consumer-association', '市消费者委员会', ['消委会', '消协', '消费者协会']],
  ['city-drug-administration', '市药品监督管理局', ['药监', '药监局']],
  ['city-intellectual-property', '市知识产权局', ['知识产权', '专利']],
  ['city-civil-air-defense', '市人民防空办公室', ['人防', '人防办']],
  ['city-investment-promotion', '市投资促进局', ['投促', '招商', '投促局']],
  ['city-supervision-office', '市政府督查室', ['督查室', '督查']],
  ['city-hotline', '市12345政务服务便民热线中心', ['12345', '热线', '市长热线']],
  ['city-talent', '市人才发展服务中心', ['人才', '人才中心', '落户']],
  ['city-rural-revitalization', '市乡村振兴局', ['乡村振兴']],
];

/** [slug, name, aliases] of the public enterprises (公共企事业单位) that answer citizens' requests. */
const ENTERPRISES: [string, string, string[]][] = [
  ['power-supply', '国网市供电公司', ['供电', '供电公司', '电力', '停电']],
  ['gas-group', '市燃气集团', ['燃气', '燃气集团', '天然气', '煤气']],
  ['water-supply', '市自来水公司', ['自来水', '水司', '停水']],
  ['bus-group', '市公交集团', ['公交', '公交集团', '公交公司']],
  ['metro-group', '市地铁集团', ['地铁', '轨道交通', '地铁集团']],
  ['drainage', '市排水有限公司', ['排水', '污水', '下水道']],
  ['heating', '市热力有限公司', ['供暖', '热力', '暖气']],
  ['sanitation-group', '市环境卫生集团', ['环卫', '垃圾清运']],
  ['china-mobile', '中国移动市分公司', ['移动', '中国移动']],
  ['china-unicom', '中国联通市分公司', ['联通', '中国联通']],
  ['china-telecom', '中国电信市分公司', ['电信', '中国电信']],
  ['cable-tv', '市广电网络公司', ['有线电视', '广电网络']],
  ['china-post', '中国邮政市分公司', ['邮政', '邮局', 'EMS']],
  ['urban-construction-investment', '市城市建设投资集团', ['城投', '城投集团']],
  ['rail-station', '市火车站', ['火车站', '铁路']],
  ['airport', '市机场集团', ['机场']],
  ['expressway', '市高速公路管理有限公司', ['高速', '高速公路', 'ETC']],
];

/** [slug, name, streets] of the districts and the county. Street ids are their position here: append, never reorder. */
const DISTRICTS: [string, string, string[]][] = [
  ['furong', '芙蓉区', ['东湖街道', '文艺路街道', '朝阳街道', '火星街道']],
  ['qingshan', '青山区', ['青山路街道', '白沙街道', '枫林街道', '望月街道']],
  ['linjiang', '临江区', ['江滨街道', '港口街道', '沿河街道', '新桥街道']],
  ['donghu', '东湖区', ['湖滨街道', '东塘街道', '荷花街道', '桂园街道']],
  ['nanxi', '南溪区', ['南门街道', '溪口街道', '黄花街道', '长岭街道']],
  ['beitang', '北塘区', ['北站街道', '塘湾街道', '洪山街道', '通泰街道']],
  ['jinqiao', '金桥区', ['金桥街道', '银盆街道', '梅溪湖街道', '观沙岭街道']],
  ['yunling', '云岭区', ['云岭街道', '雨花亭街道', '高桥街道', '井湾街道']],
  ['gaoxin', '高新技术产业开发区', ['麓谷街道', '东方红街道', '雷锋街道']],
  ['qinghe', '清河县', ['城关镇', '清河镇', '双河镇', '石门乡']],
];

/** [slug suffix, name suffix, alias suffixes] of the bureaus every district has. */
const DISTRICT_BUREAUS: [string, string, string[]][] = [
  ['police', '公安分局', ['公安', '公安局', '分局']],
  ['education', '教育局', ['教育']],
  ['housing', '住房和城乡建设局', ['住建']],
  ['human-resources', '人力资源和社会保障局', ['人社']],
  ['health', '卫生健康局', ['卫健']],
  ['urban-management', '城市管理和综合执法局', ['城管']],
  ['market-regulation', '市场监督管理局', ['市场监管']],
  ['civil-affairs', '民政局', ['民政']],
];

export function cityUnits(): UnitSeed[] {
  const departments = [...DEPARTMENTS, ...ENTERPRISES].map(([id, name, aliases]): UnitSeed => ({ id, name, aliases }));
  const districts = DISTRICTS.map(([slug, name, streets]): UnitSeed => {
    // Staff say 芙蓉公安 or 芙蓉住建: the district's name without 区/县, then the bureau's short form.
    const short = name.replace(/(区|县)$/, '').replace('高新技术产业开发', '高新');
    const id = `district-${slug}`;
    return {
      id,
      name,
      aliases: short === name ? [] : [short],
      children: [
        ...DISTRICT_BUREAUS.map(([suffix, bureau, aliases]) => ({
          id: `${id}.${suffix}`,
          name: `${name}${bureau}`,
          aliases: aliases.map((a) => `${short}${a}`),
        })),
        ...streets.map((street, i) => ({ id: `${id}.street-${i + 1}`, name: street, aliases: [] })),
      ],
    };
  });
  return [...departments, ...districts];
}
