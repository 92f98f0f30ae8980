import { Money } from '@it-samverkan/domain';
import { MONEY_FORMAT, newWorkbook, workbookBytes } from '../spreadsheet/xlsx-format';
import { setUpForPrint } from '../spreadsheet/print-setup';
import { reportPdf } from './report-pdf';

/** The price list as the files print it: names, not ids; money as two-decimal strings. */
export interface PriceListFile {
  /** "Prislista IT-tjänster 2026". */
  title: string;
  year: number;
  model: string;
  previousYear: number | null;
  /** "IT-styrgruppen 2025-11-19 § 12", or null for a list not (yet) resting on a decision. */
  decision: { reference: string; subject: string } | null;
  /** 'YYYY-MM-DD': the date the file was made. */
  generatedOn: string;
  lines: {
    name: string;
    description: string | null;
    unit: string;
    driverName: string;
    volume: string;
    unitPrice: string;
    previousUnitPrice: string | null;
    change: string | null;
    changePercent: string | null;
  }[];
}

/** "ny" when the service had no price last year; "+106,06" / "−6,06" otherwise. */
export function priceChangeText(line: PriceListFile['lines'][number]): { sek: string; percent: string } {
  if (line.change === null) return { sek: 'ny', percent: 'ny' };
  const change = Money.parse(line.change);
  const sign = change.ore > 0n ? '+' : '';
  return {
    sek: `${sign}${change.toSwedish()}`,
    percent: line.changePercent === null ? '–' : `${sign}${line.changePercent.replace('.', ',')} %`,
  };
}

const decisionText = (file: PriceListFile) =>
  file.decision ? `Beslut ${file.decision.reference}: ${file.decision.subject}` : 'Inget beslut';

/** The price list as a workbook: heading rows (title, decision, date made), then the table, set up to print. */
export async function priceListXlsx(file: PriceListFile): Promise<Buffer> {
  const wb = newWorkbook(file.generatedOn);
  const sheet = wb.addWorksheet('Prislista', { views: [{ state: 'frozen', ySplit: 6 }] });
  const previous = file.previousYear ?? file.year - 1;
  sheet.columns = [
    { width: 28 },
    { width: 48 },
    { width: 16 },
    { width: 16, style: { numFmt: MONEY_FORMAT } },
    { width: 16, style: { numFmt: MONEY_FORMAT } },
    { width: 16, style: { numFmt: MONEY_FORMAT } },
    { width: 12 },
  ];
  sheet.getCell('A1').value = file.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = 'Beslut';
  sheet.getCell('B2').value = decisionText(file);
  sheet.getCell('A3').value = 'Skapad';
  sheet.getCell('B3').value = file.generatedOn;
  sheet.getCell('A4').value = 'Modell';
  sheet.getCell('B4').value = file.model;
  const heading = sheet.getRow(6);
  heading.values = [
    'Tjänst',
    'Vad ingår',
    'Enhet',
    `À-pris ${file.year} (kr)`,
    `À-pris ${previous} (kr)`,
    'Förändring (kr)',
    'Förändring (%)',
  ];
  heading.font = { bold: true };
  file.lines.forEach((line, i) => {
    const change = priceChangeText(line);
    sheet.getRow(7 + i).values = [
      line.name,
      line.description ?? '',
      `kr/${line.unit} (${line.driverName})`,
      Number(line.unitPrice),
      line.previousUnitPrice === null ? 'ny' : Number(line.previousUnitPrice),
      line.change === null ? 'ny' : Number(line.change),
      change.percent,
    ];
    sheet.getRow(7 + i).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  setUpForPrint(sheet, {
    title: file.title,
    generatedOn: file.generatedOn,
    decision: file.decision ? `${file.decision.reference}: ${file.decision.subject}` : null,
    headingRow: 6,
    landscape: true,
  });
  return workbookBytes(wb);
}

/** The price list as a PDF a person reads and the framework assignment refers to. */
export function priceListPdf(file: PriceListFile): Promise<Buffer> {
  const previous = file.previousYear ?? file.year - 1;
  return reportPdf({
    title: file.title,
    generatedOn: file.generatedOn,
    landscape: true,
    footer: `${file.title}. ${decisionText(file)}`,
    facts: [
      ['Beslut', decisionText(file)],
      ['Modell', file.model],
      ['Skapad', file.generatedOn],
      ['Jämförelse', file.previousYear === null ? `Ingen godkänd budget ${previous}` : `Budget ${previous}`],
    ],
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'Tjänst', width: 16 },
          { header: 'Vad ingår', width: 30 },
          { header: 'Enhet', width: 14 },
          { header: `À-pris ${file.year}`, width: 10, align: 'right' },
          { header: `À-pris ${previous}`, width: 10, align: 'right' },
          { header: 'Förändring kr', width: 10, align: 'right' },
          { header: 'Förändring %', width: 9, align: 'right' },
        ],
        rows: file.lines.map((line) => {
          const change = priceChangeText(line);
          return [
            line.name,
            line.description ?? '',
            `kr/${line.unit} (${line.driverName})`,
            Money.parse(line.unitPrice).toSwedish(),
            line.previousUnitPrice === null ? 'ny' : Money.parse(line.previousUnitPrice).toSwedish(),
            change.sek,
            change.percent,
          ];
        }),
      },
      {
        kind: 'text',
        text: 'À-pris = tjänstens kostnad enligt godkänd budget delad med fördelningsnyckelns totala volym, avrundat till öre.',
      },
    ],
  });
}
