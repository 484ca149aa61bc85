import {
  DEFAULT_KEYWORD_RULES,
  type KeywordRule,
  type SuggestionRules,
} from '../../../shared/suggestions/keyword-rules';
import type { Cache } from './open-cache';

/** The administrators' keyword rules as last pulled; the defaults until the first pull brings them. */
export function suggestionRulesStore(db: Cache) {
  const get = db.prepare<[], { version: number; rules: string }>(
    'SELECT version, rules FROM suggestion_rules WHERE singleton = 1',
  );
  const put = db.prepare(
    `INSERT INTO suggestion_rules (singleton, version, rules) VALUES (1, @version, @rules)
     ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, rules = excluded.rules`,
  );
  const row = get.get();
  // Kept in memory: every suggestion matches the request against them.
  let current: SuggestionRules | null = row
    ? { version: row.version, rules: JSON.parse(row.rules) as KeywordRule[] }
    : null;

  return {
    /** The version held; 0 before the first pull. */
    version(): number {
      return current?.version ?? 0;
    },
    inForce(): readonly KeywordRule[] {
      return current?.rules ?? DEFAULT_KEYWORD_RULES;
    },
    save(rules: SuggestionRules): void {
      put.run({ version: rules.version, rules: JSON.stringify(rules.rules) });
      current = rules;
    },
  };
}
