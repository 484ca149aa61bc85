/**
 * `npm run eval -- --train A.csv (--test B.csv | --folds K) --text COL[,COL] --label COL [--json]`
 * Trains the text model on one labelled CSV and reports how it does on another, or cross-validates.
 */
import { writeFileSync } from 'node:fs';
import { parseEvalArgs } from './eval/args';
import { confusionSvg } from './eval/confusion-svg';
import { reportJson, reportText } from './eval/format-report';
import { readLabelledCsv } from './eval/read-csv';
import { evaluate, timeTraining } from './eval/run-evaluation';

function main(): void {
  const args = parseEvalArgs(process.argv.slice(2));
  const train = readLabelledCsv(args.train, args.textColumns, args.labelColumn);
  const test = args.test === undefined ? null : readLabelledCsv(args.test, args.textColumns, args.labelColumn);
  if (train.length === 0) throw new Error(`${args.train} has no labelled rows`);
  const result = evaluate(train, test, args.folds ?? 0);
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
