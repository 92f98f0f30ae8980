import PDFDocument from 'pdfkit';
import { Money, ValidationError } from '@it-samverkan/domain';
import { GeneratedOn, isIsoDate } from '../types';

/** One row of the summary's table per municipality: base, scenario and the change (names, not ids). */
export interface SummaryAmountRow {
  name: string;
  base: string;
  scenario: string;
  difference: string;
  differencePercent: string | null;
}

/**
 * What IT-styrgruppen's one-page meeting summary of a scenario says (DOMAIN.md 8.3): everything
 * already named and worded in Swedish by the caller; amounts as exact decimal text.
 */
export interface ScenarioSummary {
  scenario: string;
  description: string | null;
  model: string;
  year: number;
  /** The base model's approving decision, as minutes cite it; null when the base is a draft. */
  decision: string | null;
  changes: string[];
  municipalities: SummaryAmountRow[];
  totals: Omit<SummaryAmountRow, 'name'>;
  fundingMoves: { name: string; toInternalCharge: string; toAppropriation: string }[];
  load: {
    base: { internalCharges: number; invoices: number };
    scenario: { internalCharges: number; invoices: number };
  };
}

type Doc = InstanceType<typeof PDFDocument>;

const LEFT = 50;
const RIGHT = 545;
const WIDTH = RIGHT - LEFT;
const FOOTER_Y = 790;
const GREY = '#555555';
/** At most this many change lines are printed; the rest are counted, so the page stays one. */
const MAX_CHANGES = 8;
const MAX_ROWS = 14;

const kr = (amount: string) => Money.parse(amount).toSwedish();
const signedKr = (amount: string) =>
  amount.startsWith('-') || amount === '0.00' ? kr(amount) : `+${kr(amount)}`;
const pct = (p: string | null) =>
  p === null ? '–' : `${p.startsWith('-') || p === '0.0' ? '' : '+'}${p.replace('.', ',')} %`;

interface Column {
  header: string;
  width: number;
  align: 'left' | 'right';
}

/** A table with a bold header row and a rule under it; rows one line each (long text is cut). */
function table(doc: Doc, y: number, columns: Column[], rows: string[][], boldLast = false): number {
  const row = (cells: string[], bold: boolean) => {
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor('black');
    let x = LEFT;
    columns.forEach((c, i) => {
      doc.text(cells[i], x, y, {
        width: c.width - 6,
        align: c.align,
        height: 11,
        ellipsis: true,
        lineBreak: false,
      });
      x += c.width;
    });
    y += 14;
  };
  row(
    columns.map((c) => c.header),
    true,
  );
  doc
    .moveTo(LEFT, y - 3)
    .lineTo(RIGHT, y - 3)
    .lineWidth(0.7)
    .strokeColor('black')
    .stroke();
  rows.forEach((cells, i) => {
    if (boldLast && i === rows.length - 1) {
      doc
        .moveTo(LEFT, y - 3)
        .lineTo(RIGHT, y - 3)
        .lineWidth(0.5)
        .stroke();
      row(cells, true);
    } else row(cells, false);
  });
  return y + 8;
}

function heading(doc: Doc, text: string, y: number): number {
  doc.font('Helvetica-Bold').fontSize(11).fillColor('black').text(text, LEFT, y, { width: WIDTH });
  return y + 17;
}

function check(summary: ScenarioSummary, generatedOn: string) {
  const problems = [];
  if (!isIsoDate(generatedOn)) problems.push({ path: 'generatedOn', message: 'Ogiltigt datum (ÅÅÅÅ-MM-DD)' });
  if (summary.municipalities.length > MAX_ROWS)
    problems.push({ path: 'municipalities', message: `Högst ${MAX_ROWS} kommuner får plats på en sida` });
  return problems;
}

/**
 * IT-styrgruppen's meeting summary of a scenario on one A4 page, in the built-in Helvetica
 * (WinAnsi has å ä ö): dated, the base model and its decision, the changes, base and scenario per
 * municipality with the change in SEK and %, the money moving between appropriation and internal
 * charge, and the internal charges and invoices a year.
 */
export function scenarioSummaryPdf(summary: ScenarioSummary, options: GeneratedOn): Promise<Buffer> {
  const problems = check(summary, options.generatedOn);
  if (problems.length > 0)
    return Promise.reject(new ValidationError(problems, 'Mötesunderlaget kan inte skapas'));
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: LEFT, right: 595.28 - RIGHT },
    info: {
      Title: `Mötesunderlag: ${summary.scenario}`,
      Author: 'IT-styrgruppen',
      Subject: `Scenario på ${summary.model}`,
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

  doc.font('Helvetica').fontSize(9).fillColor(GREY).text('IT-STYRGRUPPEN  MÖTESUNDERLAG', LEFT, 50);
  doc.text(`Daterat ${options.generatedOn}`, LEFT, 50, { width: WIDTH, align: 'right' });
  doc.font('Helvetica-Bold').fontSize(16).fillColor('black');
  doc.text(summary.scenario, LEFT, 66, { width: WIDTH, height: 40, ellipsis: true });
  let y = doc.y + 4;
  doc.font('Helvetica').fontSize(9.5);
  const base = `Bas: ${summary.model} (${summary.year}). ${
    summary.decision ? `Godkänd genom beslut ${summary.decision}.` : 'Basen är inte godkänd.'
  }`;
  doc.text(base, LEFT, y, { width: WIDTH });
  y = doc.y + 2;
  if (summary.description) {
    doc.fillColor(GREY).text(summary.description, LEFT, y, { width: WIDTH, height: 36, ellipsis: true });
    y = doc.y + 2;
  }

  y = heading(doc, 'Ändringar', y + 8);
  doc.font('Helvetica').fontSize(9).fillColor('black');
  const shown = summary.changes.slice(0, MAX_CHANGES);
  for (const c of shown) {
    doc.text(`•  ${c}`, LEFT + 4, y, { width: WIDTH - 4, height: 11, ellipsis: true, lineBreak: false });
    y += 13;
  }
  if (summary.changes.length > shown.length) {
    doc.text(`… och ${summary.changes.length - shown.length} ändringar till`, LEFT + 4, y);
    y += 13;
  }

  y = heading(doc, 'Per kommun, kronor per år', y + 8);
  y = table(
    doc,
    y,
    [
      { header: 'Kommun', width: 150, align: 'left' },
      { header: 'Bas', width: 90, align: 'right' },
      { header: 'Scenario', width: 90, align: 'right' },
      { header: 'Förändring', width: 90, align: 'right' },
      { header: 'Förändring %', width: 75, align: 'right' },
    ],
    [
      ...summary.municipalities.map((m) => [
        m.name,
        kr(m.base),
        kr(m.scenario),
        signedKr(m.difference),
        pct(m.differencePercent),
      ]),
      [
        'Summa',
        kr(summary.totals.base),
        kr(summary.totals.scenario),
        signedKr(summary.totals.difference),
        pct(summary.totals.differencePercent),
      ],
    ],
    true,
  );

  y = heading(doc, 'Pengar mellan anslag och interndebitering, kronor per år', y + 4);
  if (summary.fundingMoves.length === 0) {
    doc
      .font('Helvetica')
      .fontSize(9)
      .text('Ingen kommun har anslag eller interndebitering i modellen.', LEFT, y);
    y += 22;
  } else {
    y = table(
      doc,
      y,
      [
        { header: 'Kommun', width: 165, align: 'left' },
        { header: 'Från anslag till interndebitering', width: 165, align: 'right' },
        { header: 'Från interndebitering till anslag', width: 165, align: 'right' },
      ],
      summary.fundingMoves.map((m) => [m.name, kr(m.toInternalCharge), kr(m.toAppropriation)]),
    );
  }

  y = heading(doc, 'Debiteringar och fakturor per år', y + 4);
  table(
    doc,
    y,
    [
      { header: 'Slag', width: 165, align: 'left' },
      { header: 'Bas', width: 90, align: 'right' },
      { header: 'Scenario', width: 90, align: 'right' },
    ],
    [
      [
        'Interndebiteringar',
        String(summary.load.base.internalCharges),
        String(summary.load.scenario.internalCharges),
      ],
      ['Fakturor', String(summary.load.base.invoices), String(summary.load.scenario.invoices)],
    ],
  );

  doc.page.margins.bottom = 0; // the footer sits below the margin and must not start a new page
  doc
    .moveTo(LEFT, FOOTER_Y - 6)
    .lineTo(RIGHT, FOOTER_Y - 6)
    .lineWidth(0.5)
    .strokeColor(GREY)
    .stroke();
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(GREY)
    .text(
      `Skapat ${options.generatedOn} av it-samverkan. Scenariot ändrar inte basen och skapar inga fakturor. Belopp exakta till öret.`,
      LEFT,
      FOOTER_Y,
      { width: WIDTH, lineBreak: false },
    );
  doc.end();
  return done;
}
