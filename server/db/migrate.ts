import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as unitWork from './migrations/0002-unit-work';
import * as claimsShifts from './migrations/0003-claims-shifts';
import * as suggestionModels from './migrations/0004-suggestion-models';
import * as outboundMedia from './migrations/0005-outbound-media';
import * as citizenLinks from './migrations/0006-citizen-links';
import * as closingTheLoop from './migrations/0007-closing-the-loop';
import * as answerRejections from './migrations/0008-answer-rejections';
import * as secureByDefault from './migrations/0010-secure-by-default';
import * as surgeMarks from './migrations/0011-surge-marks';
import * as reportCommentary from './migrations/0012-report-commentary';
import * as decisionsByTime from './migrations/0013-decisions-by-time';
import * as answerLibrary from './migrations/0014-answer-library';
import * as replyTemplates from './migrations/0016-reply-templates';
import * as manyInstances from './migrations/0017-many-instances';
import * as importedHistory from './migrations/0019-imported-history';
import type { Db } from './open-database';

/** Listed here rather than read from disk so the migrations travel inside a bundle. Never reorder or rename. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-unit-work': unitWork,
  '0003-claims-shifts': claimsShifts,
  '0004-suggestion-models': suggestionModels,
  '0005-outbound-media': outboundMedia,
  '0006-citizen-links': citizenLinks,
  '0007-closing-the-loop': closingTheLoop,
  '0008-answer-rejections': answerRejections,
  '0010-secure-by-default': secureByDefault,
  '0011-surge-marks': surgeMarks,
  '0012-report-commentary': reportCommentary,
  '0013-decisions-by-time': decisionsByTime,
  '0014-answer-library': answerLibrary,
  '0016-reply-templates': replyTemplates,
  '0017-many-instances': manyInstances,
  '0019-imported-history': importedHistory,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
