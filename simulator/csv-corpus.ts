import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { CorpusMessage } from './fixtures/wechat-corpus';

/** A phone message, not a letter: longer board posts are cut here. */
const MAX_TEXT_CHARS = 600;

/**
 * Turns a message-board CSV (columns 留言用户, 留言主题, 留言详情) into WeChat text messages:
 * subject, newline, body, with the board's indentation removed. The same board user always
 * maps to the same openid, so their follow-ups come from one citizen.
 */
export function readCsvCorpus(file: string): CorpusMessage[] {
  return readLabelledCsvCorpus(file, null).map(({ message }) => message);
}

/** A board message with its row's label (e.g. 一级标签, the category it was filed under). */
export interface LabelledCorpusMessage {
  message: CorpusMessage;
  label: string;
  /** The subject and body in full (the message may be cut): what splits keep together. */
  post: string;
}

/**
 * As readCsvCorpus, each message with the value of `labelColumn` (rows without one left out), or with
 * an empty label when `labelColumn` is null.
 */
export function readLabelledCsvCorpus(file: string, labelColumn: string | null): LabelledCorpusMessage[] {
  const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  const messages: LabelledCorpusMessage[] = [];
  for (const row of rows) {
    const subject = (row['留言主题'] ?? '').trim();
    const body = (row['留言详情'] ?? '').trim().replace(/\s*\n\s*/g, '\n');
    const text = [subject, body].filter(Boolean).join('\n');
    const label = labelColumn === null ? '' : (row[labelColumn] ?? '').trim();
    if (!text || (labelColumn !== null && !label)) continue;
    const content = text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS - 1)}…` : text;
    messages.push({
      message: { type: 'text', openid: openidFor(row['留言用户'] ?? subject), content },
      label,
      post: text,
    });
  }
  if (messages.length === 0)
    throw new Error(`${file}: no rows with 留言主题 or 留言详情${labelColumn ? ` and ${labelColumn}` : ''}`);
  return messages;
}

/** A stable, openid-shaped (28 characters, starting with "o") stand-in for a board user id. */
function openidFor(user: string): string {
  return `o${createHash('sha256').update(user).digest('base64url').slice(0, 27)}`;
}
