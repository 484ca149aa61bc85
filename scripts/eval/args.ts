/** Command-line flags of `npm run eval`. */
export interface EvalArgs {
  readonly train: string;
  readonly test?: string;
  readonly folds?: number;
  /** Split --train by a hash of the text into an archive to train on and a stream to test on (the triage bench's real stream). */
  readonly splitByHash: boolean;
  /** Cross-validate leaving out one place (the city a message names) at a time. */
  readonly leavePlacesOut: boolean;
  readonly textColumns: readonly string[];
  readonly labelColumn: string;
  readonly json: boolean;
  /** Where to write the confusion matrix as SVG. */
  readonly svg?: string;
  /** Also time one training on this many rows resampled from --train. */
  readonly timingRows?: number;
}

export const USAGE = `usage: npm run eval -- --train A.csv (--test B.csv | --folds K | --split-by-hash | --leave-places-out) --text COL[,COL] --label COL [--json] [--svg FILE] [--timing-rows N]`;

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const values = new Map<string, string>();
  let json = false;
  let splitByHash = false;
  let leavePlacesOut = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json') {
      json = true;
      continue;
    }
    if (flag === '--split-by-hash') {
      splitByHash = true;
      continue;
    }
    if (flag === '--leave-places-out') {
      leavePlacesOut = true;
      continue;
    }
    if (!['--train', '--test', '--folds', '--text', '--label', '--svg', '--timing-rows'].includes(flag))
      throw new Error(`unknown argument ${flag}\n${USAGE}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    values.set(flag, value);
  }
  const required = (flag: string): string => {
    const value = values.get(flag);
    if (value === undefined) throw new Error(`missing ${flag}\n${USAGE}`);
    return value;
  };
  const train = required('--train');
  const test = values.get('--test');
  const folds = optionalInteger(values.get('--folds'), '--folds', 2);
  if ([test !== undefined, folds !== undefined, splitByHash, leavePlacesOut].filter(Boolean).length !== 1)
    throw new Error(`give exactly one of --test, --folds, --split-by-hash or --leave-places-out\n${USAGE}`);
  const svg = values.get('--svg');
  return {
    train,
    textColumns: required('--text')
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    labelColumn: required('--label'),
    json,
    splitByHash,
    leavePlacesOut,
    ...(test === undefined ? {} : { test }),
    ...(folds === undefined ? {} : { folds }),
    ...(svg === undefined ? {} : { svg }),
    ...withTiming(optionalInteger(values.get('--timing-rows'), '--timing-rows', 1)),
  };
}

function withTiming(timingRows: number | undefined): { timingRows?: number } {
  return timingRows === undefined ? {} : { timingRows };
}

function optionalInteger(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}, got ${value}`);
  return n;
}
