import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The flags of a file command of server/main.ts, each taking a value (`--title 标题`). */
export type FileCommandFlags = Record<string, { type: 'string' }>;

export interface FileCommandArgs<Required extends string> {
  file: string;
  values: Partial<Record<string, string>> & Record<Required, string>;
}

/**
 * A file command's one file and its flags, or null after saying on stderr what is wrong (an unknown flag, a
 * required one missing, no file or several, a file that is not there); the command then exits with 2.
 */
export function fileCommandArgs<Required extends string = never>(
  args: string[],
  flags: FileCommandFlags,
  usage: string,
  required: readonly Required[] = [],
): FileCommandArgs<Required> | null {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: flags });
  } catch (err) {
    console.error(`${(err as Error).message}\nusage: main.ts ${usage}`);
    return null;
  }
  const values = parsed.values as Partial<Record<string, string>>;
  const [file, ...more] = parsed.positionals;
  if (!file || more.length > 0 || required.some((flag) => !values[flag])) {
    console.error(`usage: main.ts ${usage}`);
    return null;
  }
  if (!existsSync(file)) {
    console.error(`no such file: ${file}`);
    return null;
  }
  return { file, values: values as FileCommandArgs<Required>['values'] };
}
