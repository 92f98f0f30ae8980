import PDFDocument from 'pdfkit';
import { Money, ValidationError } from '@it-samverkan/domain';
import {
  DEFAULT_VAT_EXEMPTION_REASON,
  GeneratedOn,
  InvoiceFile,
  Party,
  checkInvoiceFile,
  isIsoDate,
} from '../types';

/**
 * The invoice as a person reads it, on A4 in the built-in Helvetica (WinAnsi, which has å ä ö):
 * seller with org no, VAT number and F-skatt; buyer and reference; dates and period; the lines;
 * VAT per rate; totals; how to pay; and on every page the date it was printed and the page number.
 */

type Doc = InstanceType<typeof PDFDocument>;

const LEFT = 50;
const RIGHT = 545;
const FOOTER_Y = 790;
const BODY_BOTTOM = 760;
const GREY = '#555555';

/** UN/ECE rec. 20 codes as a Swedish reader knows them. */
const UNIT_NAMES: Record<string, string> = {
  EA: 'st',
  C62: 'st',
  H87: 'st',
  HUR: 'tim',
  DAY: 'dag',
  WEE: 'v',
  MON: 'mån',
  ANN: 'år',
  KWH: 'kWh',
  GB: 'GB',
  E34: 'GB',
};

const COLUMNS = [
  { header: 'Beskrivning', x: LEFT, width: 215, align: 'left' as const },
  { header: 'Antal', x: 268, width: 52, align: 'right' as const },
  { header: 'Enhet', x: 326, width: 34, align: 'left' as const },
  { header: 'À-pris', x: 362, width: 78, align: 'right' as const },
  { header: 'Moms', x: 444, width: 34, align: 'right' as const },
  { header: 'Belopp', x: 480, width: 65, align: 'right' as const },
];

const kr = (m: Money) => m.toSwedish();
const quantityText = (q: string) => q.replace('.', ',');
const orgNoLine = (p: Party) => `Org.nr ${p.orgNo}${p.vatNo ? `   Momsreg.nr ${p.vatNo}` : ''}`;

/** The invoice or credit note as a PDF; `generatedOn` is printed as "Utskriven" and is the file's creation date. */
export function invoicePdf(invoice: InvoiceFile, options: GeneratedOn): Promise<Buffer> {
  const problems = checkInvoiceFile(invoice);
  if (!isIsoDate(options.generatedOn))
    problems.push({ path: 'generatedOn', message: 'Ogiltigt datum (ÅÅÅÅ-MM-DD)' });
  if (problems.length > 0)
    return Promise.reject(new ValidationError(problems, 'Fakturan kan inte skrivas ut'));

  const credit = invoice.kind === 'credit-note';
  const title = credit ? 'Kreditfaktura' : 'Faktura';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: LEFT, right: 595.28 - RIGHT },
    bufferPages: true,
    info: {
      Title: `${title} ${invoice.number}`,
      Author: invoice.seller.name,
      Subject: `${title} ${invoice.number} till ${invoice.buyer.name}`,
      Creator: 'it-samverkan',
      Producer: 'it-samverkan',
      CreationDate: new Date(`${options.generatedOn}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, invoice, title);
  let y = lines(doc, invoice, 300);
  y = totals(doc, invoice, y + 8);
  payment(doc, invoice, y + 18);
  footers(doc, invoice, options.generatedOn);
  doc.end();
  return done;
}

function header(doc: Doc, invoice: InvoiceFile, title: string): void {
  const { seller, buyer } = invoice;
  doc.font('Helvetica-Bold').fontSize(15).fillColor('black').text(seller.name, LEFT, 50, { width: 280 });
  doc.font('Helvetica').fontSize(9);
  doc.text(seller.address.street, LEFT, 72);
  doc.text(`${seller.address.postalCode} ${seller.address.city}`);
  doc.text(`Org.nr ${seller.orgNo}`);
  if (seller.vatNo) doc.text(`Momsreg.nr ${seller.vatNo}`);
  doc.text('Godkänd för F-skatt');
  const contact = seller.contact;
  if (contact) {
    doc.text(`Vår referens: ${contact.name}`, { width: 280 });
    if (contact.phone || contact.email) doc.text([contact.phone, contact.email].filter(Boolean).join('   '));
  }

  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .text(title.toUpperCase(), 330, 48, { width: RIGHT - 330, align: 'right' });
  const facts: [string, string][] = [
    ['Fakturanummer', invoice.number],
    ['Fakturadatum', invoice.issueDate],
    ...(invoice.kind === 'credit-note' ? [] : ([['Förfallodatum', invoice.dueDate]] as [string, string][])),
    ['Period', invoice.period],
    ['Er referens', invoice.buyerReference],
    ...(invoice.seller.contact
      ? ([['Vår referens', invoice.seller.contact.name]] as [string, string][])
      : []),
  ];
  let y = 80;
  doc.fontSize(9);
  for (const [label, value] of facts) {
    doc.font('Helvetica').fillColor(GREY).text(label, 330, y, { width: 85 });
    // One line each: a long reference is cut here and printed whole in the buyer block.
    doc
      .font('Helvetica-Bold')
      .fillColor('black')
      .text(value, 415, y, { width: RIGHT - 415, align: 'right', height: 11, ellipsis: true });
    y += 14;
  }
  if (invoice.kind === 'credit-note') {
    doc
      .font('Helvetica-Bold')
      .text(`Kreditfaktura avser faktura ${invoice.creditedInvoiceNumber}`, 330, y + 4, {
        width: RIGHT - 330,
        align: 'right',
      });
  }

  doc.font('Helvetica').fontSize(8).fillColor(GREY).text('FAKTURAMOTTAGARE', LEFT, 180);
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(buyer.name, LEFT, 192, { width: 280 });
  doc.font('Helvetica').fontSize(9);
  doc.text(buyer.address.street);
  doc.text(`${buyer.address.postalCode} ${buyer.address.city}`);
  doc.text(orgNoLine(buyer));
  doc.text(`Er referens: ${invoice.buyerReference}`);
}

function tableHeader(doc: Doc, y: number): number {
  doc.font('Helvetica-Bold').fontSize(9).fillColor('black');
  for (const c of COLUMNS) doc.text(c.header, c.x, y, { width: c.width, align: c.align });
  doc
    .moveTo(LEFT, y + 13)
    .lineTo(RIGHT, y + 13)
    .lineWidth(0.7)
    .strokeColor('black')
    .stroke();
  return y + 18;
}

/** The text of a line's description cell: the buyer's responsibility code under it, when there is one. */
function descriptionCell(line: InvoiceFile['lines'][number]): string {
  return line.buyerAccountingCode
    ? `${line.description}\nErt ansvar ${line.buyerAccountingCode}`
    : line.description;
}

/**
 * The line table from `top`, continued on new pages as needed; returns where it ends. The last
 * line moves to a new page with the totals rather than leave the totals alone on one.
 */
function lines(doc: Doc, invoice: InvoiceFile, top: number): number {
  let y = tableHeader(doc, top);
  const totalsHeight = totalsRows(invoice).reduce((h, r) => h + rowHeight(r), 0) + 8;
  invoice.lines.forEach((line, i) => {
    doc.font('Helvetica').fontSize(9);
    const description = descriptionCell(line);
    const height = Math.max(doc.heightOfString(description, { width: COLUMNS[0].width }), 11);
    const last = i === invoice.lines.length - 1;
    if (y + height > BODY_BOTTOM || (last && y + height + 4 + totalsHeight > BODY_BOTTOM)) {
      doc.addPage();
      y = tableHeader(doc, 50);
      doc.font('Helvetica').fontSize(9);
    }
    const cells = [
      description,
      quantityText(line.quantity),
      UNIT_NAMES[line.unit] ?? line.unit,
      kr(line.unitPrice),
      `${line.vatRate} %`,
      kr(line.net),
    ];
    COLUMNS.forEach((c, i) => doc.text(cells[i], c.x, y, { width: c.width, align: c.align }));
    y += height + 4;
  });
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.7).stroke();
  return y;
}

interface TotalsRow {
  label: string;
  amount: string;
  bold?: boolean;
  note?: string;
}

/** Net, VAT per rate and the amount to pay (or credited). */
function totalsRows(invoice: InvoiceFile): TotalsRow[] {
  return [
    { label: 'Netto', amount: kr(invoice.totals.net) },
    ...invoice.vatBreakdown.map((b) =>
      b.rate === '0'
        ? {
            label: `Momsfritt 0 % (underlag ${kr(b.base)})`,
            amount: kr(b.vat),
            note: invoice.vatExemptionReason ?? DEFAULT_VAT_EXEMPTION_REASON,
          }
        : { label: `Moms ${b.rate} % (underlag ${kr(b.base)})`, amount: kr(b.vat) },
    ),
    { label: 'Moms totalt', amount: kr(invoice.totals.vat) },
    {
      label: invoice.kind === 'credit-note' ? 'Att kreditera' : 'Att betala',
      amount: `${kr(invoice.totals.gross)} kr`,
      bold: true,
    },
  ];
}

/** The height a totals row takes: a bold row is taller, a note adds a line. */
function rowHeight(row: TotalsRow): number {
  return (row.bold ? 17 : 13) + (row.note ? 10 : 0);
}

/** The totals, right-aligned under the table (which left room for them beside its last line). */
function totals(doc: Doc, invoice: InvoiceFile, top: number): number {
  const rows = totalsRows(invoice);
  let y = top;
  if (y + rows.reduce((h, r) => h + rowHeight(r), 0) > BODY_BOTTOM) {
    doc.addPage();
    y = 50;
  }
  for (const row of rows) {
    doc
      .font(row.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(row.bold ? 11 : 9)
      .fillColor('black');
    doc.text(row.label, 280, y, { width: 170 });
    doc.text(row.amount, 450, y, { width: RIGHT - 450, align: 'right' });
    y += row.bold ? 17 : 13;
    if (row.note) {
      doc
        .font('Helvetica')
        .fontSize(7.5)
        .fillColor(GREY)
        .text(row.note, 290, y - 2, { width: 160 });
      y += 10;
    }
  }
  return y;
}

function payment(doc: Doc, invoice: InvoiceFile, top: number): void {
  let y = top;
  if (y + 60 > BODY_BOTTOM) {
    doc.addPage();
    y = 50;
  }
  const heading = invoice.kind === 'credit-note' ? 'Reglering' : 'Betalning';
  doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(heading, LEFT, y);
  doc.font('Helvetica').fontSize(9);
  const text =
    invoice.kind === 'credit-note'
      ? [`Beloppet krediteras och regleras mot faktura ${invoice.creditedInvoiceNumber}.`]
      : [
          `Bankgiro ${invoice.seller.bankgiro}. Betalningsvillkor ${invoice.paymentTermsDays} dagar netto, förfallodatum ${invoice.dueDate}.`,
          `Ange fakturanummer ${invoice.number} som referens vid betalning.`,
        ];
  for (const t of text) doc.text(t, LEFT, doc.y + 2, { width: RIGHT - LEFT });
}

/** Seller identity, print date and page number at the foot of every page. */
function footers(doc: Doc, invoice: InvoiceFile, generatedOn: string): void {
  const { seller } = invoice;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not start a new page
    doc
      .moveTo(LEFT, FOOTER_Y - 6)
      .lineTo(RIGHT, FOOTER_Y - 6)
      .lineWidth(0.5)
      .strokeColor(GREY)
      .stroke();
    doc.font('Helvetica').fontSize(7.5).fillColor(GREY);
    doc.text(
      `${seller.name}   ${orgNoLine(seller)}   Godkänd för F-skatt   Bankgiro ${seller.bankgiro}`,
      LEFT,
      FOOTER_Y,
      { width: RIGHT - LEFT, lineBreak: false },
    );
    doc.text(
      `Utskriven ${generatedOn}   Sida ${i - range.start + 1} av ${range.count}`,
      LEFT,
      FOOTER_Y + 11,
      {
        width: RIGHT - LEFT,
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottom;
  }
}
