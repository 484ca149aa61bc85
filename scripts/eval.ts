/**
 * `npm run eval -- --train A.csv (--test B.csv | --folds K | --split-by-hash) --text COL[,COL] --label COL [--json]`
 * Trains the text model on one labelled CSV and reports how it does on another, cross-validates, or
 * trains on the archive side of the real-stream split and tests on the stream side.
 */
import { writeFileSync } from 'node:fs';
import { parseEvalArgs } from './eval/args';
import { confusionSvg } from './eval/confusion-svg';
import { inArchive } from './eval/hash-split';
import { placeOf } from './eval/place-of';
import { reportJson, reportText } from './eval/format-report';
import { readLabelledCsv } from './eval/read-csv';
import { evaluate, timeTraining } from './eval/run-evaluation';

function main(): void {
  const args = parseEvalArgs(process.argv.slice(2));
  const rows = readLabelledCsv(args.train, args.textColumns, args.labelColumn);
  const train = args.splitByHash ? rows.filter((r) => inArchive(r.fields.join(''))) : rows;
  const test = args.splitByHash
    ? rows.filter((r) => !inArchive(r.fields.join('')))
    : args.test === undefined
      ? null
      : readLabelledCsv(args.test, args.textColumns, args.labelColumn);
  if (train.length === 0) throw new Error(`${args.train} has no labelled rows`);
  const folds = args.leavePlacesOut ? train.map((r) => placeOf(r.fields.join('\n'))) : (args.folds ?? 0);
  const result = evaluate(train, test, folds, args.splitByHash ? 'real stream (hash split)' : null);
  const timing = args.timingRows === undefined ? null : timeTraining(train, args.timingRows);
  if (args.svg)
    writeFileSync(
      args.svg,
      confusionSvg(
        result.labels,
        result.confusion,
        `Confusion matrix, ${result.mode} (accuracy ${result.accuracy.toFixed(3)})`,
      ),
    );
  console.log(args.json ? reportJson(result, timing) : reportText(result, timing));
}

try {
  main();
} catch (error) {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
