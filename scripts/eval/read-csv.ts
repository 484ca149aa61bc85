/** Reads a labelled UTF-8 CSV into examples, naming the missing file or column plainly. */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface LabelledRow {
  readonly fields: readonly string[];
  readonly label: string;
}

export function readLabelledCsv(path: string, textColumns: readonly string[], labelColumn: string): LabelledRow[] {
  if (!existsSync(path)) throw new Error(`no such file: ${path}`);
  const records = parse(readFileSync(path, 'utf8'), { bom: true, relax_column_count: true }) as string[][];
  const header = records[0];
  if (!header) throw new Error(`${path} is empty`);
  const column = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${path} has no column "${name}" (columns: ${header.join(', ')})`);
    return at;
  };
  const textAt = textColumns.map(column);
  const labelAt = column(labelColumn);
  return records
    .slice(1)
    .map((r) => ({ fields: textAt.map((i) => r[i] ?? ''), label: (r[labelAt] ?? '').trim() }))
    .filter((r) => r.label !== '');
}
