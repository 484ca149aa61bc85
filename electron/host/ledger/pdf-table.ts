// The PDFKit namespace (PDFKit.PDFDocument) comes with the package's types.
import type {} from 'pdfkit';

export interface PdfColumn {
  header: string;
  width: number;
  align: 'left' | 'right' | 'center';
}

const PADDING = 2.5;
const HEADER_FILL = '#dde6f0';
const STRIPE_FILL = '#f4f6f8';
const RULE = '#b8c2cc';

/**
 * Draws a table from the current position, starting a new page whenever the next row would not fit and
 * repeating the header row at the top of it, so every printed page can be read on its own.
 */
export function drawTable(doc: PDFKit.PDFDocument, columns: readonly PdfColumn[], rows: readonly string[][], fontSize: number): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  doc.fontSize(fontSize);
  let y = drawRow(doc, columns, columns.map((c) => c.header), left, doc.y, HEADER_FILL, true);
  rows.forEach((row, index) => {
    const height = rowHeight(doc, columns, row);
    if (y + height > bottom()) {
      doc.addPage();
      y = drawRow(doc, columns, columns.map((c) => c.header), left, doc.page.margins.top, HEADER_FILL, true);
    }
    y = drawRow(doc, columns, row, left, y, index % 2 === 1 ? STRIPE_FILL : null, false);
  });
  doc.x = left;
  doc.y = y + fontSize;
}

/** Room left on the page below the current position. */
export function spaceLeft(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom - doc.y;
}

function rowHeight(doc: PDFKit.PDFDocument, columns: readonly PdfColumn[], cells: readonly string[]): number {
  const heights = columns.map((column, i) => doc.heightOfString(cells[i] ?? '', { width: column.width - 2 * PADDING }));
  return Math.max(...heights) + 2 * PADDING;
}

function drawRow(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  cells: readonly string[],
  left: number,
  top: number,
  fill: string | null,
  header: boolean,
): number {
  const height = rowHeight(doc, columns, cells);
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  if (fill) doc.rect(left, top, width, height).fill(fill);
  let x = left;
  columns.forEach((column, i) => {
    doc.fillColor('#1a1a1a').text(cells[i] ?? '', x + PADDING, top + PADDING, {
      width: column.width - 2 * PADDING,
      align: header ? 'center' : column.align,
      lineBreak: true,
    });
    x += column.width;
  });
  doc
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .lineWidth(header ? 0.8 : 0.3)
    .strokeColor(RULE)
    .stroke();
  return top + height;
}
