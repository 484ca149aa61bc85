import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { findCjkFont } from '../../documents/cjk-font';
import { splitPassages } from '../../server/library/passages';
import { formatOf, readDocument, UnreadableDocumentError } from '../../server/library/read-document';
import { docxFile } from '../support/docx-file';

const FIRST = '持有居住证满一年的家长，可为子女申请就近入学，教育部门不得以户籍为由拒绝。';
const SECOND = '居住证由居住地派出所受理，材料齐全的应当在十五个工作日内办结。';

function pdfFile(lines: readonly string[]): Promise<Buffer> {
  const font = findCjkFont();
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  (font.name ? doc.font(font.path, font.name) : doc.font(font.path)).fontSize(12).text(lines.join('\n\n'));
  doc.end();
  return done;
}

describe('policy documents read for the library', () => {
  it('reads the Chinese text of a PDF, a DOCX, Markdown and plain text', async () => {
    for (const [name, bytes] of [
      ['notice.pdf', await pdfFile([FIRST, SECOND])],
      ['notice.docx', docxFile([FIRST, SECOND])],
      ['notice.md', Buffer.from(`## 第一条\n\n**${FIRST}**\n\n- ${SECOND}`)],
      ['notice.txt', Buffer.from(`${FIRST}\r\n\r\n${SECOND}`)],
    ] as const) {
      const text = await readDocument(formatOf(name), new Uint8Array(bytes));
      expect(text.replace(/\s+/g, ''), name).toContain(FIRST);
      expect(text.replace(/\s+/g, ''), name).toContain(SECOND);
      expect(text, name).not.toMatch(/[#*]/);
    }
  });

  it('refuses a format it cannot read and a file that is not what its name says', async () => {
    expect(() => formatOf('notice.doc')).toThrow(UnreadableDocumentError);
    await expect(readDocument('docx', new Uint8Array(Buffer.from('not a zip')))).rejects.toThrow(
      UnreadableDocumentError,
    );
    await expect(readDocument('pdf', new Uint8Array(Buffer.from('not a pdf')))).rejects.toThrow(
      UnreadableDocumentError,
    );
  });

  it('splits a document into passages of whole sentences, joining short paragraphs', () => {
    expect(splitPassages(`${FIRST}\n\n${SECOND}`)).toEqual([`${FIRST}\n${SECOND}`]);
    // A PDF's line breaks inside a sentence are not paragraph ends.
    expect(splitPassages('居住证由居住地派出所\n受理。')).toEqual(['居住证由居住地派出所受理。']);
    const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}条规定的事项应当依法办理。`).join('');
    const passages = splitPassages(long);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.every((p) => p.length <= 600 && p.endsWith('。'))).toBe(true);
    expect(passages.join('')).toBe(long);
  });
});
