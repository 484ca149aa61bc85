import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PolicyImport } from '../../shared/library/protocol';
import { audit } from '../audit/audit-log';
import type { Db } from '../db/open-database';
import { fileCommandArgs } from '../file-command';
import { importPolicy } from './import-policy';
import { UnreadableDocumentError } from './read-document';

export const IMPORT_POLICY_USAGE =
  'import-policy <file.txt|md|docx|pdf> --title T --issuer I --date YYYY-MM-DD [--valid-until YYYY-MM-DD]';

/**
 * `tsx server/main.ts import-policy FILE --title … --issuer … --date … [--valid-until …]`: a policy document into
 * the answer library (the library screen imports too). Returns the exit code: 0 imported, 2 wrong flags or an
 * unreadable file, nothing imported.
 */
export async function importPolicyCommand(db: Db, args: string[]): Promise<number> {
  const flags = {
    title: { type: 'string' },
    issuer: { type: 'string' },
    date: { type: 'string' },
    'valid-until': { type: 'string' },
  } as const;
  const parsed = fileCommandArgs(args, flags, IMPORT_POLICY_USAGE);
  if (!parsed) return 2;
  const { file, values } = parsed;
  const checked = PolicyImport.safeParse({
    title: values.title,
    issuer: values.issuer,
    issuedOn: values.date,
    validUntil: values['valid-until'] ?? null,
    fileName: basename(file),
    content: 'file',
  });
  if (!checked.success) {
    console.error(`usage: main.ts ${IMPORT_POLICY_USAGE}`);
    return 2;
  }
  try {
    const document = await importPolicy(db, { ...checked.data, bytes: readFileSync(file) }, 'command line');
    await audit(db, {
      actorKind: 'system',
      actorName: 'command line',
      action: 'policy-imported',
      target: document.id,
      details: { title: document.title, passages: document.passages },
    });
    console.log(
      `imported ${file}: ${document.title} (${document.issuer}, ${document.issuedOn}), ${document.passages} passages`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
    console.error(error.message);
    return 2;
  }
}
