// The PDFKit namespace (PDFKit.PDFDocument) comes with the package's types.
import type {} from 'pdfkit';

export interface PdfColumn {
  header: string;
  width: number;
  align: 'left' | 'right' | 'center';
}

/** A column before fitting: `share` null means as wide as its widest value, else its share of what is left. */
export interface PdfColumnSpec {
  header: string;
  share: number | null;
  align: PdfColumn['align'];
}

const PADDING = 2.5;
/** Headers up to this many characters stay on one line; longer ones wrap after four (处理时长 / （秒）). */
const ONE_LINE_HEADER = 6;
const MAX_FITTED_WIDTH = 100;
const HEADER_FILL = '#dde6f0';
const STRIPE_FILL = '#f4f6f8';
const RULE = '#b8c2cc';

/**
 * Draws a table from the current position, starting a new page whenever the next row would not fit and
 * repeating the header row at the top of it, so every printed page can be read on its own.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  rows: readonly string[][],
  fontSize: number,
): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  doc.fontSize(fontSize);
  let y = drawRow(
    doc,
    columns,
    columns.map((c) => c.header),
    left,
    doc.y,
    HEADER_FILL,
    true,
  );
  rows.forEach((row, index) => {
    const height = rowHeight(doc, columns, row);
    if (y + height > bottom()) {
      doc.addPage();
      y = drawRow(
        doc,
        columns,
        columns.map((c) => c.header),
        left,
        doc.page.margins.top,
        HEADER_FILL,
        true,
      );
    }
    y = drawRow(doc, columns, row, left, y, index % 2 === 1 ? STRIPE_FILL : null, false);
  });
  doc.x = left;
  doc.y = y + fontSize;
}

/**
 * Column widths from the text itself, at the current font and size, since Latin glyph widths differ a lot
 * between CJK fonts: short columns get their widest value, long-text columns share the rest of `total`.
 */
export function fitColumns(
  doc: PDFKit.PDFDocument,
  specs: readonly PdfColumnSpec[],
  rows: readonly string[][],
  total: number,
): PdfColumn[] {
  const fitted = specs.map((spec, i) => {
    if (spec.share !== null) return null;
    const header = Array.from(spec.header);
    const minimum =
      doc.widthOfString(header.length <= ONE_LINE_HEADER ? spec.header : header.slice(0, 4).join('')) + 2 * PADDING;
    const widest = Math.max(0, ...rows.map((row) => doc.widthOfString(row[i] ?? '')));
    return Math.min(MAX_FITTED_WIDTH, Math.max(minimum, Math.ceil(widest + 2 * PADDING + 1)));
  });
  const rest = total - fitted.reduce<number>((sum, width) => sum + (width ?? 0), 0);
  const shares = specs.reduce((sum, spec) => sum + (spec.share ?? 0), 0);
  return specs.map((spec, i) => ({
    header: spec.header,
    align: spec.align,
    width: fitted[i] ?? (rest * (spec.share ?? 0)) / shares,
  }));
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
