import { DEFAULT_REPLY_TEMPLATES, ReplyTemplates } from '../../../shared/replies/reply-templates';
import type { Cache } from './open-cache';

/** The centre's reply templates as last pulled, for offline work too; the defaults (version 0) until the first pull. */
export function replyTemplatesStore(db: Cache) {
  const get = db.prepare<[], { version: number; templates: string }>(
    'SELECT version, templates FROM reply_templates WHERE singleton = 1',
  );
  const put = db.prepare(
    `INSERT INTO reply_templates (singleton, version, templates) VALUES (1, @version, @templates)
     ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, templates = excluded.templates`,
  );
  const row = get.get();
  let current: ReplyTemplates = row
    ? ReplyTemplates.parse({ version: row.version, templates: JSON.parse(row.templates) })
    : { version: 0, templates: [...DEFAULT_REPLY_TEMPLATES] };

  return {
    inForce(): ReplyTemplates {
      return current;
    },
    /** Keeps the newer of what is held and `templates` (a pull and an admin's own save may cross). */
    save(templates: ReplyTemplates): void {
      if (templates.version <= current.version) return;
      put.run({ version: templates.version, templates: JSON.stringify(templates.templates) });
      current = templates;
    },
  };
}
