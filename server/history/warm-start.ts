import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/open-database';
import { importCategories } from '../directory/import-categories';
import { trainModels } from '../suggestions/retrainer';
import type { HistoryColumns } from './history-csv';
import { importHistory } from './import-history';

/** The board's files (../shared/data/README.md) and what each teaches. */
const BOARD_TEXT = ['留言主题', '留言详情'];
const HISTORY: readonly { file: string; columns: HistoryColumns }[] = [
  {
    file: 'messages-labeled-dev.csv',
    columns: { text: BOARD_TEXT, category: '一级标签', receivedAt: '留言时间' },
  },
  {
    file: 'messages-with-replies.csv',
    columns: { text: BOARD_TEXT, unitFromAnswer: '答复意见', receivedAt: '留言时间' },
  },
];
const TAXONOMY = 'category-taxonomy.csv';

/**
 * A centre starts with history: on a server that has none yet, imports the category tree and the past
 * messages in `dir` (categories from their labels, units from who answered them) and trains the
 * suggestion models before the server takes its first sign-in, so the first suggestion comes from a
 * trained model. Later starts find the history and do nothing.
 */
export async function warmStart(db: Db, dir: string, minPerClass: number, log: FastifyBaseLogger): Promise<void> {
  const any = await db.selectFrom('imported_history').select('text_hash').limit(1).executeTakeFirst();
  if (any) return;
  if (!existsSync(dir)) {
    log.warn({ dir }, 'warm start: no such folder; the suggestions start from keyword rules');
    return;
  }
  const taxonomy = join(dir, TAXONOMY);
  if (existsSync(taxonomy)) {
    const { added } = await importCategories(db, readFileSync(taxonomy, 'utf8'));
    log.info({ file: taxonomy, added }, 'warm start: category tree imported');
  }
  for (const { file, columns } of HISTORY) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const result = await importHistory(db, readFileSync(path, 'utf8'), columns);
    log.info(
      { file: path, imported: result.imported, bad: result.bad.length, unlabelled: result.unlabelled },
      'warm start: history imported',
    );
  }
  const started = Date.now();
  for (const model of await trainModels(db, minPerClass))
    log.info({ ...model, ms: Date.now() - started }, 'warm start: suggestion model trained');
}
