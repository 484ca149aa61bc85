import type { PolicyDocument } from '../../shared/library/protocol';
import type { Db } from '../db/open-database';
import { monotonicUlid } from '../db/ulid';
import { addEntries } from './library-store';
import { splitPassages } from './passages';
import { formatOf, readDocument, UnreadableDocumentError } from './read-document';

const newId = monotonicUlid();

export interface PolicyFile {
  title: string;
  issuer: string;
  issuedOn: string;
  validUntil: string | null;
  fileName: string;
  bytes: Uint8Array;
}

/** Reads a policy document, splits it into passages and adds them to the library with its title, issuer, date and validity. */
export async function importPolicy(db: Db, file: PolicyFile, importedBy: string): Promise<PolicyDocument> {
  const format = formatOf(file.fileName);
  const passages = splitPassages(await readDocument(format, file.bytes));
  if (passages.length === 0) throw new UnreadableDocumentError(`${file.fileName} has no text to import`);
  const now = new Date().toISOString();
  const document: PolicyDocument = {
    id: newId(),
    title: file.title,
    issuer: file.issuer,
    issuedOn: file.issuedOn,
    validUntil: file.validUntil,
    fileName: file.fileName,
    format,
    passages: passages.length,
    importedAt: now,
    importedBy,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('policy_documents')
      .values({
        id: document.id,
        title: document.title,
        issuer: document.issuer,
        issued_on: document.issuedOn,
        valid_until: document.validUntil,
        file_name: document.fileName,
        format,
        passages: passages.length,
        imported_at: now,
        imported_by: importedBy,
      })
      .execute();
    await addEntries(
      trx,
      passages.map((text) => ({
        kind: 'passage' as const,
        question: null,
        text,
        requestId: null,
        requestNumber: null,
        categoryId: null,
        unitId: null,
        documentId: document.id,
        title: document.title,
        issuer: document.issuer,
        validUntil: document.validUntil,
        // The document's date stands for when it was said.
        answeredAt: `${document.issuedOn}T00:00:00.000Z`,
      })),
      now,
    );
  });
  return document;
}

export async function policyDocuments(db: Db): Promise<PolicyDocument[]> {
  const rows = await db.selectFrom('policy_documents').selectAll().orderBy('imported_at', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    fileName: row.file_name,
    format: row.format as PolicyDocument['format'],
    passages: Number(row.passages),
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  }));
}
