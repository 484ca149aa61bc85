import { join } from 'node:path';
import { openDatabase } from '../server/db/open-database';
import { runScenario, SCENARIOS, type ChaosResult } from '../tests/support/chaos';
import { startServer } from '../tests/support/server-process';

/**
 * npm run chaos [decisions]: every scenario of tests/support/chaos.ts against a real server and real
 * workstation hosts, 90 decisions each unless told, printed as the table docs/reliability.md keeps.
 */
const decisions = Number(process.argv[2] ?? 90);
const server = await startServer({ YIWANG_DEMO: '1' });
const db = openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
const results: ChaosResult[] = [];
try {
  for (const scenario of SCENARIOS) {
    const result = await runScenario(server, db, { ...scenario, decisions });
    results.push(result);
    console.error(`${result.scenario}: ${JSON.stringify(result)}`);
  }
} finally {
  await db.destroy();
  await server.stop();
}

console.log(
  '| damage | acknowledged | stored | lost | doubled | refused after | read back from the file | from the outbox log | on the server, missing from the cache (renumbered) | the operator was told |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const n = r.notice;
  const told = !n
    ? 'nothing (nothing was wrong)'
    : n.kind === 'damaged'
      ? `damaged, rebuilt; ${n.keptFromFile + n.keptFromLog} kept, ${n.unreadable ?? 'uncounted'} unreadable`
      : `behind; ${n.keptFromLog} recovered, ${n.serverAhead} on the server, ${n.unreadable ?? 0} lost`;
  console.log(
    `| ${r.scenario} | ${r.acknowledged} | ${r.stored} | ${r.lost} | ${r.doubled} | ${r.refusedAfter} | ${n?.keptFromFile ?? 0} | ${n?.keptFromLog ?? 0} | ${n?.serverAhead ?? 0} (${n?.renumbered ?? 0}) | ${told} |`,
  );
}
