import ExcelJS from 'exceljs';
import { ALLOCATION_METHODS, COST_MODEL_FORMAT, CostModelDocument, Dec } from '@it-samverkan/domain';
import { COLUMNS, INSTRUCTIONS, MODEL_FIELDS, SHEETS } from './cost-model-xlsx-layout';
import { setUpForPrint } from '@it-samverkan/files';
import { swedishDate } from '../common/swedish-date';

/** A decimal from the document as a number cell when the number is exactly that decimal, else as text. */
export function decimalCell(value: string | number | undefined): string | number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = Number(value);
  try {
    if (Number.isFinite(n) && new Dec(String(n)).equals(new Dec(String(value)))) return n;
  } catch {
    return String(value);
  }
  return String(value);
}

function sheet(wb: ExcelJS.Workbook, name: string, headings: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headings).font = { bold: true };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

/** The receivers cell of a service: "a; b" or "a: 50; b: 40". */
function receiversText(allocate: CostModelDocument['services'][number]['allocate']): string {
  if (allocate.method === 'driver') return '';
  if (Array.isArray(allocate.to)) return allocate.to.join('; ');
  return Object.entries(allocate.to ?? {})
    .map(([id, w]) => `${id}: ${w}`)
    .join('; ');
}

/**
 * Writes a cost model document as a workbook in the import layout (cost-model-xlsx-layout); with no
 * document, the empty template with its instructions.
 */
export async function costModelToXlsx(doc: CostModelDocument | null, created: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'it-samverkan';
  wb.created = created;

  const info = wb.addWorksheet(SHEETS.instructions);
  info.getColumn(1).width = 110;
  for (const line of [...INSTRUCTIONS, '', `Skapad: ${swedishDate(created)}`]) info.addRow([line]);
  info.getRow(1).font = { bold: true, size: 14 };

  const model = sheet(wb, SHEETS.model, [COLUMNS.model.field[0], COLUMNS.model.value[0]], [14, 50]);
  model.addRow([MODEL_FIELDS.format[0], doc?.format ?? COST_MODEL_FORMAT]);
  model.addRow([MODEL_FIELDS.name[0], doc?.name ?? null]);
  model.addRow([MODEL_FIELDS.year[0], doc?.year ?? null]);
  model.addRow([MODEL_FIELDS.currency[0], doc?.currency ?? 'SEK']);
  if (doc?.ledgerMapping) model.addRow([MODEL_FIELDS.ledgerMapping[0], JSON.stringify(doc.ledgerMapping)]);

  const consumers = sheet(
    wb,
    SHEETS.consumers,
    [COLUMNS.consumers.id[0], COLUMNS.consumers.name[0], COLUMNS.consumers.municipality[0]],
    [16, 50, 16],
  );
  for (const c of doc?.consumers ?? []) consumers.addRow([c.id, c.name, c.municipality]);

  const drivers = sheet(
    wb,
    SHEETS.drivers,
    [COLUMNS.drivers.id[0], COLUMNS.drivers.name[0], COLUMNS.drivers.unit[0]],
    [16, 40, 10],
  );
  for (const d of doc?.drivers ?? []) drivers.addRow([d.id, d.name, d.unit]);

  const serviceIds = [...(doc?.services ?? []).map((s) => s.id)];
  for (const p of doc?.pools ?? [])
    for (const id of Object.keys(p.to ?? {})) if (!serviceIds.includes(id)) serviceIds.push(id);
  const pools = sheet(
    wb,
    SHEETS.pools,
    [COLUMNS.pools.id[0], COLUMNS.pools.name[0], COLUMNS.pools.amount[0], ...serviceIds],
    [16, 36, 16, ...serviceIds.map(() => 14)],
  );
  pools.getColumn(3).numFmt = '#,##0.00';
  for (const p of doc?.pools ?? []) {
    pools.addRow([p.id, p.name, decimalCell(p.amount), ...serviceIds.map((id) => decimalCell(p.to?.[id]))]);
  }

  const services = sheet(
    wb,
    SHEETS.services,
    [
      COLUMNS.services.id[0],
      COLUMNS.services.name[0],
      COLUMNS.services.method[0],
      COLUMNS.services.driver[0],
      COLUMNS.services.to[0],
      COLUMNS.services.description[0],
    ],
    [16, 36, 18, 14, 60, 50],
  );
  for (const s of doc?.services ?? []) {
    services.addRow([
      s.id,
      s.name,
      s.allocate.method,
      s.allocate.method === 'driver' ? s.allocate.driver : null,
      receiversText(s.allocate) || null,
      s.description ?? null,
    ]);
  }
  const methodList = `"${ALLOCATION_METHODS.join(',')}"`;
  const lastRow = Math.max(200, services.rowCount + 50);
  for (let r = 2; r <= lastRow; r++) {
    services.getCell(r, 3).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [methodList],
      showErrorMessage: true,
      errorTitle: 'Okänd metod',
      error: `Välj en av: ${ALLOCATION_METHODS.join(', ')}`,
    };
  }

  const driverIds = (doc?.drivers ?? []).map((d) => d.id);
  for (const id of Object.keys(doc?.volumes ?? {})) if (!driverIds.includes(id)) driverIds.push(id);
  const volumes = sheet(
    wb,
    SHEETS.volumes,
    [COLUMNS.volumes.consumer[0], ...driverIds],
    [16, ...driverIds.map(() => 14)],
  );
  const consumerIds = (doc?.consumers ?? []).map((c) => c.id);
  for (const byConsumer of Object.values(doc?.volumes ?? {}))
    for (const id of Object.keys(byConsumer ?? {})) if (!consumerIds.includes(id)) consumerIds.push(id);
  for (const id of consumerIds)
    volumes.addRow([id, ...driverIds.map((d) => decimalCell(doc?.volumes?.[d]?.[id]))]);

  for (const ws of wb.worksheets)
    setUpForPrint(ws, {
      title: `${doc?.name ?? 'Kostnadsmodell, mall för import'}: ${ws.name}`,
      generatedOn: swedishDate(created),
      headingRow: 1,
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
