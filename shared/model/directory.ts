import { z } from 'zod';

/** A responsible unit (责任单位): a city department, district, street or community. */
export const Unit = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  parentId: z.string().nullable(),
  /** 1 = city department or district, 2 = its sub-unit (district bureau, street), … */
  level: z.number().int().min(1).max(4),
  /** Other names staff type: short forms (公安, 住建), old names. */
  aliases: z.array(z.string()),
  /** The aliases' pinyin initials (住建局 → zjj), in the aliases' order; an older server sends none. */
  aliasInitials: z.array(z.string()).optional(),
  /** Toneless pinyin of the name, joined (gonganju), and initials (gaj), for type-ahead. */
  pinyin: z.string(),
  initials: z.string(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof Unit>;

/** A node of the three-level category tree (一级/二级/三级分类). Ids are the path, e.g. 城乡建设/城乡规划/违章建筑. */
export const Category = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  parentId: z.string().nullable(),
  level: z.number().int().min(1).max(3),
  /** Position among siblings; the first nine first-level categories take the number keys 1–9. */
  order: z.number().int().nonnegative(),
  /** Toneless pinyin of the name (chengxiangjianshe) and its initials (cxjs), for type-ahead; an older server sends none. */
  pinyin: z.string().optional(),
  initials: z.string().optional(),
});
export type Category = z.infer<typeof Category>;

export const Directory = z.object({
  version: z.number().int().nonnegative(),
  units: z.array(Unit),
  categories: z.array(Category),
});
export type Directory = z.infer<typeof Directory>;
