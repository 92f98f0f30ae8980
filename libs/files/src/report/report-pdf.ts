import PDFDocument from 'pdfkit';

/**
 * A printable report on A4 in the built-in Helvetica (WinAnsi has å ä ö): a title, facts (label and
 * value), then sections of text and tables. A table's heading row is repeated on every page it runs
 * onto; every page's footer carries the date the file was made, what it rests on and the page number.
 * Used for the price list and the auditor's trace: documents a person reads, signs or files.
 */

type Doc = InstanceType<typeof PDFDocument>;

export interface ReportColumn {
  header: string;
  /** Share of the page width (the columns' widths are scaled to fill it). */
  width: number;
  align?: 'left' | 'right';
}

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'table'; columns: ReportColumn[]; rows: string[][]; boldLast?: boolean };

export interface ReportDocument {
  title: string;
  /** Label → value lines under the title (date made, decision, model, …). */
  facts: [string, string][];
  blocks: ReportBlock[];
  /** Printed in every footer, e.g. the decision the document rests on. */
  footer: string;
  /** 'YYYY-MM-DD': the date the file was made ("Skapad"), also its creation date. */
  generatedOn: string;
  landscape?: boolean;
}

const MARGIN = 40;
const GREY = '#555555';
const ROW_FONT = 8;

/** The report as PDF bytes. */
export function reportPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: report.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: report.title,
      Creator: 'it-samverkan',
      Producer: 'it-samverkan',
      CreationDate: new Date(`${report.generatedOn}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 24;

  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(report.title, MARGIN, MARGIN, { width });
  doc.moveDown(0.4);
  for (const [label, value] of report.facts) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(9).fillColor(GREY).text(label, MARGIN, y, { width: 120 });
    doc
      .font('Helvetica')
      .fillColor('black')
      .text(value, MARGIN + 125, y, { width: width - 125 });
  }
  doc.moveDown(0.8);

  for (const block of report.blocks) {
    if (block.kind === 'heading') {
      if (doc.y > bottom() - 60) doc.addPage();
      doc.moveDown(0.4);
      doc.font('Helvetica-Bold').fontSize(11).fillColor('black').text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.2);
    } else if (block.kind === 'text') {
      doc.font('Helvetica').fontSize(9).fillColor('black').text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
    } else table(doc, block, width, bottom);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - 12;
    // Writing inside the bottom margin must not start a new page.
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(GREY)
      .text(`Skapad ${report.generatedOn}   ${report.footer}`, MARGIN, y, {
        width: width - 70,
        lineBreak: false,
        ellipsis: true,
      })
      .text(`Sida ${i + 1} av ${range.count}`, MARGIN + width - 70, y, { width: 70, align: 'right' });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}

function table(
  doc: Doc,
  block: Extract<ReportBlock, { kind: 'table' }>,
  width: number,
  bottom: () => number,
): void {
  const scale = width / block.columns.reduce((s, c) => s + c.width, 0);
  const xs: number[] = [];
  let x = MARGIN;
  for (const c of block.columns) {
    xs.push(x);
    x += c.width * scale;
  }
  const cellWidth = (k: number) => block.columns[k].width * scale - 4;
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(ROW_FONT);
    return Math.max(...cells.map((text, k) => doc.heightOfString(text || ' ', { width: cellWidth(k) }))) + 4;
  };
  const drawRow = (cells: string[], bold: boolean) => {
    const y = doc.y;
    const h = rowHeight(cells, bold);
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(ROW_FONT)
      .fillColor('black');
    cells.forEach((text, k) =>
      doc.text(text, xs[k], y + 2, { width: cellWidth(k), align: block.columns[k].align ?? 'left' }),
    );
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    doc.y = y + h;
    doc.x = MARGIN;
  };
  const headers = block.columns.map((c) => c.header);
  if (doc.y + rowHeight(headers, true) * 2 > bottom()) doc.addPage();
  drawRow(headers, true);
  block.rows.forEach((row, r) => {
    const bold = block.boldLast === true && r === block.rows.length - 1;
    if (doc.y + rowHeight(row, bold) > bottom()) {
      doc.addPage();
      drawRow(headers, true);
    }
    drawRow(row, bold);
  });
  doc.moveDown(0.5);
}
