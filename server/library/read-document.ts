import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import mammoth from 'mammoth';
import type { PolicyFormat } from '../../shared/library/protocol';

/** A file the import cannot read: its format or its content. */
export class UnreadableDocumentError extends Error {}

const FORMATS: Record<string, PolicyFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

export function formatOf(fileName: string): PolicyFormat {
  const format = FORMATS[extname(fileName).toLowerCase()];
  if (!format) throw new UnreadableDocumentError(`cannot read ${fileName}: import a .txt, .md, .docx or .pdf file`);
  return format;
}

/** The document's text, paragraphs separated by blank lines. */
export async function readDocument(format: PolicyFormat, bytes: Uint8Array): Promise<string> {
  switch (format) {
    case 'text':
      return new TextDecoder('utf-8').decode(bytes);
    case 'markdown':
      return plainMarkdown(new TextDecoder('utf-8').decode(bytes));
    case 'docx':
      try {
        return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
      } catch (error) {
        throw new UnreadableDocumentError(`not a readable DOCX file: ${String(error)}`, { cause: error });
      }
    case 'pdf':
      return readPdf(bytes);
  }
}

/** Markdown's marks (headings, emphasis, quotes, list bullets, links) dropped: passages are read as plain text. */
function plainMarkdown(text: string): string {
  return text
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]{1,3}/g, '');
}

/**
 * A PDF's text layer, page by page, through pdf.js. Chinese PDFs often use the predefined CJK character maps,
 * which pdf.js reads from its cmaps folder; a scanned PDF has no text layer and yields nothing.
 */
async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  let document;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: `${join(root, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
      isEvalSupported: false,
    }).promise;
  } catch (error) {
    throw new UnreadableDocumentError(`not a readable PDF file: ${String(error)}`, { cause: error });
  }
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    let page = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      page += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(page);
  }
  await document.destroy();
  const text = pages.join('\n\n');
  if (text.trim() === '')
    throw new UnreadableDocumentError('the PDF has no text layer (a scan?): import its text instead');
  return text;
}
