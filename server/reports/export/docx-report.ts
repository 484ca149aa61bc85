import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { PeriodReport } from '../../../shared/reports/period-report';
import {
  categoryTable,
  commentaryLines,
  headlineFigures,
  leagueTable,
  notableTable,
  reportTitle,
  surgeTable,
  watchedTable,
  type ReportTable,
} from '../../../shared/reports/report-tables';
import type { ReportChart } from './report-charts';

/** Width of a chart on an A4 page with Word's default margins, in pixels at 96 dpi. */
const CHART_WIDTH = 600;

/**
 * The report as a Word document the office can edit: title, headline figures, the commentary, the charts
 * (SVG, with the PNG Word versions without SVG show instead), the league table, categories, surges, the
 * watched surges and the notable cases, each a real Word table.
 */
export async function docxReport(report: PeriodReport, charts: readonly ReportChart[]): Promise<Buffer> {
  const commentary = commentaryLines(report);
  const document = new Document({
    creator: 'Yiwang 一网受理工作台',
    title: reportTitle(report),
    styles: {
      default: { document: { run: { font: { ascii: 'Arial', eastAsia: '宋体', hAnsi: 'Arial' }, size: 21 } } },
    },
    sections: [
      {
        children: [
          new Paragraph({ text: reportTitle(report), heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
          heading('一、总体情况'),
          figuresTable(headlineFigures(report)),
          heading('二、分析意见'),
          ...commentary.text.split('\n').map((line) => new Paragraph({ text: line })),
          ...(commentary.signature
            ? [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: [new TextRun({ text: commentary.signature, italics: true })],
                }),
              ]
            : []),
          heading('三、受理量与趋势'),
          ...charts.map(
            (chart) =>
              new Paragraph({
                children: [
                  new ImageRun({
                    type: 'svg',
                    data: Buffer.from(chart.svg),
                    transformation: {
                      width: CHART_WIDTH,
                      height: Math.round((CHART_WIDTH * chart.height) / chart.width),
                    },
                    fallback: { type: 'png', data: chart.png },
                    altText: { name: chart.title, description: chart.title, title: chart.title },
                  }),
                ],
              }),
          ),
          ...section('四、', leagueTable(report)),
          ...section('五、', categoryTable(report)),
          ...section('六、', surgeTable(report)),
          ...section('七、', watchedTable(report)),
          ...section('八、', notableTable(report)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function heading(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
}

function section(number: string, table: ReportTable): (Paragraph | Table)[] {
  if (table.rows.length === 0) return [heading(`${number}${table.title}`), new Paragraph({ text: '本期无。' })];
  return [
    heading(`${number}${table.title}`),
    wordTable(
      table.headers,
      table.rows.map((row) => row.map(String)),
    ),
  ];
}

function figuresTable(figures: [string, string][]): Table {
  return wordTable(
    figures.map(([label]) => label),
    [figures.map(([, value]) => value)],
  );
}

function wordTable(headers: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  });
}
