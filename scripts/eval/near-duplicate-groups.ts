/**
 * `tsx scripts/eval/near-duplicate-groups.ts FILE.csv --text COL[,COL] [--threshold 0.7]`: how many groups
 * of near-duplicate messages the detector finds in a CSV (groups joined transitively over matches).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { NearDuplicateIndex } from '../../shared/text/near-duplicates';

function main(argv: readonly string[]): void {
  const [path, ...rest] = argv;
  const flag = (name: string): string | undefined => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
  const columns = (flag('--text') ?? '').split(',').filter((c) => c !== '');
  if (!path || columns.length === 0)
    throw new Error('usage: tsx scripts/eval/near-duplicate-groups.ts FILE.csv --text COL[,COL] [--threshold 0.7]');
  if (!existsSync(path)) throw new Error(`no such file: ${path}`);
  const records = parse(readFileSync(path, 'utf8'), { bom: true, relax_column_count: true }) as string[][];
  const header = records[0] ?? [];
  const at = columns.map((c) => {
    const i = header.indexOf(c);
    if (i < 0) throw new Error(`${path} has no column "${c}"`);
    return i;
  });
  const texts = records.slice(1).map((r) => at.map((i) => r[i] ?? '').join('\n'));
  const index = new NearDuplicateIndex({ threshold: Number(flag('--threshold') ?? 0.7) });
  const parent = texts.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const started = performance.now();
  texts.forEach((text, i) => {
    for (const match of index.query(text)) parent[root(Number(match.id))] = root(i);
    index.add(String(i), text);
  });
  const seconds = (performance.now() - started) / 1000;
  const sizes = new Map<number, number>();
  texts.forEach((_, i) => sizes.set(root(i), (sizes.get(root(i)) ?? 0) + 1));
  const groups = [...sizes.values()].filter((n) => n > 1).sort((a, b) => b - a);
  console.log(
    JSON.stringify({
      messages: texts.length,
      threshold: index.options.threshold,
      groups: groups.length,
      messagesInGroups: groups.reduce((a, b) => a + b, 0),
      largestGroups: groups.slice(0, 10),
      seconds: Number(seconds.toFixed(2)),
    }),
  );
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`near-duplicate-groups: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
