import ExcelJS from 'exceljs';
import { MeasureResult, SERVICE_LEVEL_MEASURE_LABELS, SERVICE_LEVEL_MEASURES } from '@it-samverkan/domain';
import { setUpForPrint } from '@it-samverkan/files';
import { MunicipalityReportView, ServiceLevelReportView } from './service-level-report.service';

/** How a measure's outcome is written in files: met, missed or no data. */
export function outcomeLabel(met: boolean | null): string {
  return met === null ? 'Underlag saknas' : met ? 'Uppfyllt' : 'Ej uppfyllt';
}

const PERCENT_FORMAT = '0.0';
const DAY_NAMES: Record<string, string> = { mon: 'mån', tue: 'tis', wed: 'ons', thu: 'tor', fri: 'fre' };

function utcDate(localDate: string): Date {
  const [y, m, d] = localDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function percentCell(share: string | null): number | string {
  return share === null ? '–' : Number(share);
}

/** A header row in bold, frozen, with a filter over the rows below it. */
function table(
  sheet: ExcelJS.Worksheet,
  headers: { header: string; width: number }[],
  rows: ExcelJS.CellValue[][],
): void {
  sheet.columns = headers.map((h) => ({ header: h.header, width: h.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row);
  if (rows.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
}

function rowsOf(report: ServiceLevelReportView): MunicipalityReportView[] {
  return report.municipalities.length > 1 ? [...report.municipalities, report.total] : report.municipalities;
}

/**
 * The tertial report as XLSX with Swedish headers: "Servicenivåer" (one row per municipality and
 * measure: utfall, underlag, andel, mål, Uppfyllt / Ej uppfyllt), "Underlag" (the counts) and
 * "Om rapporten" (tertial, targets, support hours, how it is counted, the date it was made).
 */
export async function serviceLevelReportXlsx(report: ServiceLevelReportView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'it-samverkan';
  wb.created = utcDate(report.generatedOn);
  wb.modified = utcDate(report.generatedOn);

  const levels = wb.addWorksheet('Servicenivåer');
  table(
    levels,
    [
      { header: 'Kommun', width: 24 },
      { header: 'Mått', width: 40 },
      { header: 'Utfall (antal)', width: 14 },
      { header: 'Underlag (antal)', width: 16 },
      { header: 'Andel (%)', width: 11 },
      { header: 'Mål (%)', width: 9 },
      { header: 'Resultat', width: 16 },
    ],
    rowsOf(report).flatMap((row) =>
      row.measures.map((m: MeasureResult) => [
        row.name,
        m.label,
        m.numerator,
        m.denominator,
        percentCell(m.share),
        Number(m.target),
        outcomeLabel(m.met),
      ]),
    ),
  );
  levels.getColumn(5).numFmt = PERCENT_FORMAT;
  levels.getColumn(6).numFmt = PERCENT_FORMAT;

  const counts = wb.addWorksheet('Underlag');
  table(
    counts,
    [
      'Kommun',
      'Öppnade ärenden',
      'Stängda',
      'Öppna',
      'Linje 1',
      'Linje 2',
      'Linje 3',
      'Lösta i första linjen',
      'Normalärenden',
      'Normalärenden i underlaget',
      'Inom en arbetsdag',
      'Väntande (gräns ej passerad)',
      'Samtal',
      'Besvarade',
      'Inom 10 s',
      'Inom 60 s',
      'Lösta i tertialen',
      'Utvalda för enkät',
      'Enkätsvar',
      'Nöjda',
    ].map((header, i) => ({ header, width: i === 0 ? 24 : 14 })),
    rowsOf(report).map(({ name, counts: c }) => [
      name,
      c.ticketsOpened,
      c.ticketsClosed,
      c.ticketsOpen,
      c.closedByLine[1],
      c.closedByLine[2],
      c.closedByLine[3],
      c.solvedAtFirstLine,
      c.ordinaryOpened,
      c.ordinaryCounted,
      c.ordinaryWithin,
      c.ordinaryPending,
      c.calls,
      c.callsAnswered,
      c.answeredWithin10s,
      c.answeredWithin60s,
      c.ticketsResolvedInTertial,
      c.surveySelected,
      c.surveyAnswers,
      c.surveySatisfied,
    ]),
  );

  const about = wb.addWorksheet('Om rapporten');
  about.columns = [{ width: 36 }, { width: 110 }];
  const hours = report.targets.calendar.supportHours;
  const info: [string, string][] = [
    ['Rapport', `Uppföljning av servicenivåer, IT-forum drift, ${report.tertial}`],
    ['Period', `${report.firstDay} – ${report.lastDay}`],
    ['Underlag per', report.asOf],
    [
      'Supporttider',
      `${Object.entries(hours)
        .map(([day, window]) => `${DAY_NAMES[day] ?? day} ${window?.[0]}–${window?.[1]}`)
        .join(', ')} (${report.targets.calendar.timezone})`,
    ],
    [
      'Mål',
      report.targets.source === 'recorded'
        ? `Ramuppdragets mål för ${report.targets.year}`
        : `Standardmål (inga mål registrerade för ${report.targets.year})`,
    ],
    ...SERVICE_LEVEL_MEASURES.map((m): [string, string] => [
      SERVICE_LEVEL_MEASURE_LABELS[m],
      `minst ${report.targets.targets[m]} %`,
    ]),
    ...report.rules.map((rule, i): [string, string] => [i === 0 ? 'Så räknas det' : '', rule]),
    ['Skapad', report.generatedOn],
  ];
  for (const [label, text] of info) about.addRow([label, text]);
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  for (const ws of wb.worksheets)
    setUpForPrint(ws, {
      title: `Uppföljning av servicenivåer ${report.tertial}: ${ws.name}`,
      generatedOn: report.generatedOn,
      headingRow: 1,
    });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
