import {
  DEFAULT_REPLY_TEMPLATES,
  TemplateList,
  type ReplyTemplate,
  type ReplyTemplates,
} from '../../shared/replies/reply-templates';
import type { Db } from '../db/open-database';

/** The templates in force: the highest saved version; version 0 and the defaults before any is saved. */
export async function loadReplyTemplates(db: Db): Promise<ReplyTemplates> {
  const row = await db
    .selectFrom('reply_template_versions')
    .select(['version', 'templates'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { version: 0, templates: [...DEFAULT_REPLY_TEMPLATES] };
  return { version: Number(row.version), templates: TemplateList.parse(JSON.parse(row.templates)) };
}

/** The templates, when a workstation's copy (of version `held`) is older; null when it is current or takes none. */
export async function replyTemplatesNewerThan(db: Db, held: number | null): Promise<ReplyTemplates | null> {
  if (held === null) return null;
  const current = await loadReplyTemplates(db);
  return held < current.version ? current : null;
}

/**
 * Saves the whole list as the next version, kept beside the older ones. Two admins saving at once both
 * reach for the same number: the primary key lets one in, and the other's transaction fails rather than
 * overwriting it.
 */
export async function saveReplyTemplates(
  db: Db,
  templates: readonly ReplyTemplate[],
  savedBy: string | null,
): Promise<ReplyTemplates> {
  const list = TemplateList.parse(templates);
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('reply_template_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirst();
    const version = Number(latest?.version ?? 0) + 1;
    await trx
      .insertInto('reply_template_versions')
      .values({ version, templates: JSON.stringify(list), saved_at: new Date().toISOString(), saved_by: savedBy })
      .execute();
    return { version, templates: list };
  });
}

/** A new server starts with the defaults as version 1, so every workstation pulls them once. */
export async function seedReplyTemplates(db: Db): Promise<void> {
  if ((await loadReplyTemplates(db)).version === 0) await saveReplyTemplates(db, DEFAULT_REPLY_TEMPLATES, null);
}
