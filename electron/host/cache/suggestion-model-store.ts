import type { ModelKind, ModelVersion, ShippedModel } from '../../../shared/sync/protocol';
import type { Cache } from './open-cache';

interface ModelRow {
  kind: ModelKind;
  version: number;
  trained_at: string;
  examples: number;
  json: string;
}

/** The latest suggestion model of each kind, as last pulled; each replaces the one before. */
export function suggestionModelStore(db: Cache) {
  const listVersions = db.prepare<[], { kind: ModelKind; version: number }>(
    'SELECT kind, version FROM suggestion_models ORDER BY kind',
  );
  const get = db.prepare<[string], ModelRow>(
    'SELECT kind, version, trained_at, examples, json FROM suggestion_models WHERE kind = ?',
  );
  const put = db.prepare(
    `INSERT INTO suggestion_models (kind, version, trained_at, examples, json) VALUES (@kind, @version, @trainedAt, @examples, @json)
     ON CONFLICT (kind) DO UPDATE SET version = excluded.version, trained_at = excluded.trained_at,
       examples = excluded.examples, json = excluded.json`,
  );
  // Kept in memory: every pull says which versions this workstation holds.
  let versions: ModelVersion[] = listVersions.all();

  return {
    versions(): ModelVersion[] {
      return versions;
    },
    version(kind: ModelKind): number {
      return versions.find((m) => m.kind === kind)?.version ?? 0;
    },
    get(kind: ModelKind): ShippedModel | null {
      const row = get.get(kind);
      if (!row) return null;
      return {
        kind: row.kind,
        version: row.version,
        trainedAt: row.trained_at,
        examples: row.examples,
        model: JSON.parse(row.json) as ShippedModel['model'],
      };
    },
    save(model: ShippedModel): void {
      put.run({
        kind: model.kind,
        version: model.version,
        trainedAt: model.trainedAt,
        examples: model.examples,
        json: JSON.stringify(model.model),
      });
      versions = listVersions.all();
    },
  };
}
