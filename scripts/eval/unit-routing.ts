/**
 * `npx tsx scripts/eval/unit-routing.ts ../shared/data/messages-with-replies.csv`: labels each message
 * with the unit that answered it (answering-unit.ts), says how many it labels, then evaluates the unit
 * model on those labels by 5-fold cross-validation and by leaving out one place at a time.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { answeringUnit } from '../../shared/suggestions/answering-unit';
import { reportText } from './format-report';
import { placeOf } from './place-of';
import type { LabelledRow } from './read-csv';
import { evaluate } from './run-evaluation';

/** As the server trains: a unit with fewer examples is left out of the model. */
const MIN_PER_UNIT = 5;

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/eval/unit-routing.ts messages-with-replies.csv');
  process.exit(2);
}
const records: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true, bom: true });
const labelled = records.flatMap((r): LabelledRow[] => {
  const unit = answeringUnit(r['答复意见'] ?? '');
  return unit ? [{ fields: [r['留言主题'] ?? '', r['留言详情'] ?? ''], label: unit }] : [];
});
const counts = new Map<string, number>();
for (const row of labelled) counts.set(row.label, (counts.get(row.label) ?? 0) + 1);
const rows = labelled.filter((r) => counts.get(r.label)! >= MIN_PER_UNIT);
console.log(
  `${labelled.length} of ${records.length} messages labelled with their answering unit; ` +
    `${rows.length} in units with at least ${MIN_PER_UNIT} (${[...counts.values()].filter((n) => n >= MIN_PER_UNIT).length} units)`,
);
console.log(
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([unit, n]) => `${unit} ${n}`)
    .join(', '),
);
console.log(`\n${reportText(evaluate(rows, null, 5), null)}`);
const byPlace = evaluate(
  rows,
  null,
  rows.map((r) => placeOf(r.fields.join('\n'))),
);
console.log(
  `\n${byPlace.mode}: accuracy ${byPlace.accuracy.toFixed(4)}, top-3 ${byPlace.top3.toFixed(4)}, macro-F1 ${byPlace.macroF1.toFixed(4)}, calibration error ${byPlace.calibrationError.toFixed(4)}`,
);
