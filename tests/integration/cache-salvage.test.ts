import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME, openWorkstationCache } from '../../electron/host/cache/workstation-cache';
import { deleteWalAndShm, overwriteIndexRoot, overwriteRandomPages, truncateToHalf } from '../support/cache-damage';

const SERVER = 'http://127.0.0.1:9';
const OPERATOR = ulid();

/**
 * A closed cache with `waiting` decisions in its outbox and `answered` before them; returns its folder.
 * Left open, the second half of the waiting ones are only in the write-ahead log.
 */
function cacheWith(waiting: number, answered = 20, keepOpen = false) {
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-salvage-'));
  const cache = openWorkstationCache(dir, SERVER);
  const ids: string[] = [];
  for (let i = 0; i < answered + waiting; i += 1) {
    if (keepOpen && i === answered + Math.floor(waiting / 2)) cache.db.pragma('wal_checkpoint(TRUNCATE)');
    cache.transaction(() => {
      const decision = {
        kind: 'note' as const,
        text: `第 ${i} 条备注：市民反映小区门口路灯不亮，已联系物业。`.repeat(4),
        id: ulid(),
        deviceId: cache.device.id,
        seq: cache.device.takeSeq(),
        requestId: ulid(),
        baseVersion: 1,
        operatorId: OPERATOR,
        madeAt: new Date().toISOString(),
      };
      cache.outbox.add(decision, { categoryId: null, unitId: null }, 0);
      if (i < answered) cache.outbox.recordAnswer(decision.id, 'applied', null, new Date().toISOString());
      else ids.push(decision.id);
    });
  }
  if (!keepOpen) cache.close();
  return { dir, file: join(dir, CACHE_FILE_NAME), ids, cache };
}

function reopen(dir: string) {
  const cache = openWorkstationCache(dir, SERVER);
  const kept = cache.db.prepare('SELECT decision_id AS id FROM outbox ORDER BY seq').all() as { id: string }[];
  const notice = cache.notice;
  cache.close();
  return { kept, notice };
}

const withoutLog = (file: string) => rmSync(`${file}.outbox-log`);

describe('a damaged cache keeps every unsent decision that can be read', () => {
  it('reads all 90 past an overwritten root page of the outbox seq index, without the log', () => {
    const { dir, file, ids } = cacheWith(90);
    withoutLog(file);
    overwriteIndexRoot(file, 'sqlite_autoindex_outbox_2');
    const { kept, notice } = reopen(dir);
    expect(notice).toMatchObject({ kind: 'damaged', keptFromFile: 90, keptFromLog: 0, unreadable: null });
    expect(kept.map((d) => d.id)).toEqual(ids);
  });

  it('keeps the rows on pages that survive a file cut to half or 8 overwritten pages, and the log gives back the rest', () => {
    for (const damage of [truncateToHalf, (file: string) => overwriteRandomPages(file, 8, 7)]) {
      const { dir, file, ids } = cacheWith(90);
      const log = `${file}.outbox-log`;
      copyFileSync(log, `${log}.saved`);
      withoutLog(file);
      damage(file);
      copyFileSync(file, `${file}.damaged`);
      const fileOnly = reopen(dir);
      expect(fileOnly.notice?.kind).toBe('damaged');
      // What was kept is what was there, in order (how much survives depends on where the rows sat).
      expect(fileOnly.kept.map((d) => d.id)).toEqual(ids.filter((id) => fileOnly.kept.some((d) => d.id === id)));
      expect(fileOnly.notice!.keptFromFile).toBe(fileOnly.kept.length);

      // The same damage with the outbox log beside it: nothing is lost.
      deleteWalAndShm(file);
      copyFileSync(`${file}.damaged`, file);
      copyFileSync(`${log}.saved`, log);
      const withLog = reopen(dir);
      expect(withLog.notice).toMatchObject({ kind: 'damaged', unreadable: 0 });
      expect(withLog.notice!.keptFromFile + withLog.notice!.keptFromLog).toBe(90);
      expect(withLog.kept.map((d) => d.id)).toEqual(ids);
    }
  });

  it('reads committed decisions from the write-ahead log of a crashed cache whose file was cut short', () => {
    const { file, ids, cache } = cacheWith(90, 20, true);
    const crashed = mkdtempSync(join(tmpdir(), 'yiwang-crashed-'));
    const image = join(crashed, CACHE_FILE_NAME);
    // The files as a SIGKILL leaves them: the database and its log, never checkpointed.
    copyFileSync(file, image);
    copyFileSync(`${file}-wal`, `${image}-wal`);
    cache.close();
    truncateToHalf(image);
    const { kept, notice } = reopen(crashed);
    expect(notice).toMatchObject({ kind: 'damaged', unreadable: null });
    // At least the 45 made since the last checkpoint, all of them in the log.
    expect(notice!.keptFromFile).toBeGreaterThanOrEqual(45);
    expect(kept.map((d) => d.id)).toEqual(ids.filter((id) => kept.some((d) => d.id === id)));
    expect(kept.map((d) => d.id)).toEqual(expect.arrayContaining(ids.slice(45)));
  });

  it('notices a write-ahead log deleted after a crash, and the outbox log gives its decisions back', () => {
    const { file, ids, cache } = cacheWith(60, 20, true);
    const crashed = mkdtempSync(join(tmpdir(), 'yiwang-crashed-'));
    const image = join(crashed, CACHE_FILE_NAME);
    copyFileSync(file, image);
    copyFileSync(`${file}.outbox-log`, `${image}.outbox-log`);
    cache.close();
    const { kept, notice } = reopen(crashed);
    // The 30 made since the last checkpoint were only in the deleted log.
    expect(notice).toMatchObject({ kind: 'behind', keptFromFile: 0, keptFromLog: 30, unreadable: 0 });
    expect(kept.map((d) => d.id)).toEqual(ids);
  });
});
