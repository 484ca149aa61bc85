import { ModelKind, type ModelVersion, type ShippedModel } from '../../shared/sync/protocol';
import { MODEL_FORMAT, type SerializedTextModel } from '../../shared/text';
import type { Db } from '../db/open-database';

/** Older versions are kept a little while for a look back, not for ever: each is megabytes. */
const KEPT_VERSIONS = 3;

/** Stores a newly trained model as the next version of its kind; returns that version. */
export async function saveModel(
  db: Db,
  kind: ModelKind,
  model: SerializedTextModel,
  examples: number,
  trainedAt: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('models')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('kind', '=', kind)
      .executeTakeFirst();
    const version = Number(latest?.version ?? 0) + 1;
    await trx
      .insertInto('models')
      .values({ kind, version, trained_at: trainedAt, examples, blob: JSON.stringify(model) })
      .execute();
    await trx
      .deleteFrom('models')
      .where('kind', '=', kind)
      .where('version', '<=', version - KEPT_VERSIONS)
      .execute();
    return version;
  });
}

/** The latest version of each kind trained so far. */
export async function latestModelVersions(db: Db): Promise<ModelVersion[]> {
  const rows = await db
    .selectFrom('models')
    .select(['kind', (eb) => eb.fn.max('version').as('version')])
    .groupBy('kind')
    .execute();
  return rows.map((row) => ({ kind: ModelKind.parse(row.kind), version: Number(row.version) }));
}

/** True when a kind's latest model is stored in a format this server no longer trains (a workstation reading the current one cannot use it). */
export async function latestModelsOutdated(db: Db): Promise<boolean> {
  for (const { kind, version } of await latestModelVersions(db)) {
    const row = await db
      .selectFrom('models')
      .select('blob')
      .where('kind', '=', kind)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    if ((JSON.parse(row.blob) as { format?: unknown }).format !== MODEL_FORMAT) return true;
  }
  return false;
}

/** When the latest model was trained, or null before the first. */
export async function lastTrainedAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('models')
    .select((eb) => eb.fn.max('trained_at').as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}

/**
 * What a workstation holding `known` lacks: the latest model of each kind it has an older version of,
 * or none of, when that model is in the format the workstation reads. Null when it is up to date, or
 * when it takes no models (an older workstation).
 */
export async function modelsNewerThan(
  db: Db,
  known: readonly ModelVersion[] | null,
  format: string,
): Promise<ShippedModel[] | null> {
  if (known === null) return null;
  const held = new Map(known.map((m) => [m.kind, m.version]));
  const newer = (await latestModelVersions(db)).filter((latest) => latest.version > (held.get(latest.kind) ?? 0));
  if (newer.length === 0) return null;
  const shipped: ShippedModel[] = [];
  for (const { kind, version } of newer) {
    const row = await db
      .selectFrom('models')
      .selectAll()
      .where('kind', '=', kind)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    const model = JSON.parse(row.blob) as SerializedTextModel;
    if (model.format === format)
      shipped.push({ kind, version, trainedAt: row.trained_at, examples: Number(row.examples), model });
  }
  return shipped.length > 0 ? shipped : null;
}
