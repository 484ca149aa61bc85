/**
 * The first-level categories (一级分类) of the complaint taxonomy, in the order the workstation
 * numbers them (keys 1–9 for the first nine). Second and third levels come from the CSV import.
 */
export const FIRST_LEVEL_CATEGORIES = [
  '城乡建设',
  '环境保护',
  '交通运输',
  '教育文体',
  '劳动和社会保障',
  '商贸旅游',
  '卫生计生',
  '政法',
  '国土资源',
  '农村农业',
  '科技与信息产业',
  '经济管理',
  '民政',
  '党务政务',
  '纪检监察',
] as const;
