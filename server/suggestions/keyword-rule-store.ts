import { sql } from 'kysely';
import { DEFAULT_KEYWORD_RULES, type KeywordRule, type SuggestionRules } from '../../shared/suggestions/keyword-rules';
import { currentValue } from '../db/counters';
import type { Db } from '../db/open-database';

/** Bumped whenever administrators change the keyword rules, so workstations pull them again. */
export const SUGGESTION_RULES_VERSION = 'suggestion_rules_version';

export function suggestionRulesVersion(db: Db): Promise<number> {
  return currentValue(db, SUGGESTION_RULES_VERSION);
}

export async function loadSuggestionRules(db: Db): Promise<SuggestionRules> {
  const version = await suggestionRulesVersion(db);
  const rows = await db.selectFrom('keyword_rules').selectAll().orderBy('position').execute();
  const rules = rows.map((row) => ({
    words: JSON.parse(row.words) as string[],
    categoryId: row.category_id,
    unitId: row.unit_id,
  }));
  return { version, rules };
}

/** The rules, when a workstation's copy (of version `held`) is older; null when it is current or takes none. */
export async function suggestionRulesNewerThan(db: Db, held: number | null): Promise<SuggestionRules | null> {
  if (held === null || held >= (await suggestionRulesVersion(db))) return null;
  return loadSuggestionRules(db);
}

/** Replaces the whole rule list (what the admin page edits) and gives it a new version. */
export async function replaceSuggestionRules(db: Db, rules: readonly KeywordRule[]): Promise<SuggestionRules> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('keyword_rules').execute();
    if (rules.length > 0) {
      await trx
        .insertInto('keyword_rules')
        .values(
          rules.map((rule, position) => ({
            position,
            words: JSON.stringify(rule.words),
            category_id: rule.categoryId,
            unit_id: rule.unitId,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('counters')
      .values({ name: SUGGESTION_RULES_VERSION, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`counters.value + 1` }))
      .execute();
  });
  return loadSuggestionRules(db);
}

/** A new server starts with the default rules; once set (even to none) they are the administrators'. */
export async function seedSuggestionRules(db: Db): Promise<void> {
  if ((await suggestionRulesVersion(db)) === 0) await replaceSuggestionRules(db, DEFAULT_KEYWORD_RULES);
}
