import type { Writable } from 'node:stream';
import { Money } from '@it-samverkan/domain';
import {
  StreamedCell,
  StreamedTable,
  streamedBytes,
  streamedWorkbook,
  writeStreamedTable,
} from '../spreadsheet/streamed-sheet';
import type { AuditTraceFile, TraceFileBasis, TraceFileLedger } from './audit-trace-file';
import { ReportBlock, reportPdf } from './report-pdf';

const kr = (amount: string | null) => (amount === null ? '–' : Money.parse(amount).toSwedish());
const num = (text: string | null) => (text === null ? null : Number(text));
const decisionText = (f: AuditTraceFile) =>
  f.decision ? `${f.decision.reference}: ${f.decision.subject}` : 'Inget beslut (modellen är inte godkänd)';
const objectsText = (o: Record<string, string>) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** Where the figures come from, as the auditor reads it. */
export function figuresText(f: AuditTraceFile['figures']): string {
  return f.from === 'stored-run'
    ? 'Ur den sparade fördelningskörningen'
    : `Beräknade nu (motor ${f.engineVersion}) ur den godkända versionens dokument: ingen sparad körning`;
}

function facts(f: AuditTraceFile): [string, string][] {
  return [
    ['Spårat', `${f.source.label}${f.source.description ? `: ${f.source.description}` : ''}`],
    ...(f.source.amount ? ([['Belopp', `${kr(f.source.amount)} kr`]] as [string, string][]) : []),
    ['Modell', `${f.model.name} (${f.model.kind === 'actual' ? 'utfall' : 'budget'} ${f.model.year})`],
    ['Beslut', decisionText(f)],
    [
      'Fördelningskörning',
      f.splitRun
        ? `${f.splitRun.id}, ${f.splitRun.createdAt.slice(0, 10)}, motor ${f.splitRun.engineVersion}`
        : 'Ingen sparad körning',
    ],
    ['Siffrorna', figuresText(f.figures)],
    ['Indatahash', f.figures.inputHash],
    ['Resultathash', f.splitRun?.resultHash ?? '–'],
    ['Skapad', f.generatedOn],
  ];
}

type Row = StreamedCell[];

/** Every level of a pool's basis, nearest first (a budget from a budget from an actual …). */
function basisChain(pool: AuditTraceFile['pools'][number]): TraceFileBasis[] {
  const chain: TraceFileBasis[] = [];
  for (let b = pool.basis ?? null; b; b = b.basis) chain.push(b);
  return chain;
}

const modelText = (m: { name: string; year: number; kind: string }) =>
  `${m.name} (${m.kind === 'actual' ? 'utfall' : 'budget'} ${m.year})`;
const LEDGER_HEADERS = [
  'Konto',
  'Kontonamn',
  'Objekt',
  'Kontobelopp',
  'Verifikation',
  'Datum',
  'Text',
  'Belopp',
];
const LEDGER_WIDTHS = [8, 24, 22, 14, 12, 11, 30, 14];

/** A pool's ledger as rows (LEDGER_HEADERS): one per voucher, or one per account without vouchers. */
function ledgerRows(ledger: TraceFileLedger): Row[] {
  return ledger.flatMap((a) => {
    const account: Row = [a.account, a.accountName ?? '', objectsText(a.objects), num(a.amount)];
    if (a.vouchers.length === 0) return [account];
    return a.vouchers.map((v) => [
      ...account,
      `${v.series} ${v.number}`,
      v.date,
      v.text ?? '',
      num(v.amount),
    ]);
  });
}

/** The sheets of the trace, as tables of rows (the consumers' pool parts and bases only where there are any). */
function traceTables(f: AuditTraceFile): Omit<StreamedTable, 'print'>[] {
  const tables: (Omit<StreamedTable, 'print'> & { landscape?: boolean })[] = [
    { name: 'Spårning', headers: ['Fält', 'Värde'], widths: [22, 90], rows: facts(f) },
    {
      name: 'Förbrukare',
      headers: ['Förbrukare', 'Kommun', 'Tjänst', 'Volym', 'Total volym', 'Andel %', 'À-pris', 'Belopp'],
      widths: [36, 14, 28, 12, 12, 10, 12, 16],
      money: [6, 7],
      landscape: true,
      rows: f.consumers.flatMap((c) =>
        c.lines.map((l) => [
          c.name,
          c.municipality,
          l.serviceName,
          num(l.volume),
          num(l.totalVolume),
          num(l.share),
          num(l.unitPrice),
          num(l.amount),
        ]),
      ),
    },
  ];
  const withParts = f.consumers.filter((c) => c.pools);
  if (withParts.length > 0)
    tables.push({
      name: 'Poolandelar',
      headers: ['Förbrukare', 'Pool', 'Belopp'],
      widths: [36, 28, 16],
      money: [2],
      rows: withParts.flatMap((c) => c.pools!.map((p) => [c.name, p.poolName, num(p.amount)])),
    });
  tables.push(
    {
      name: 'Tjänster',
      headers: [
        'Tjänst',
        'Metod',
        'Nyckel',
        'Total volym',
        'À-pris',
        'Tjänstens total',
        'Pool',
        'Vikt',
        'Direkt',
        'Belopp',
      ],
      widths: [28, 14, 22, 12, 12, 16, 28, 8, 16, 16],
      money: [4, 5, 8, 9],
      landscape: true,
      rows: f.services.flatMap((s) =>
        s.pools.map((p) => [
          s.name,
          s.method,
          s.driver ? `${s.driver.name} (${s.driver.unit})` : '',
          num(s.totalVolume),
          num(s.unitPrice),
          num(s.total),
          p.poolName,
          num(p.weight),
          num(p.direct),
          num(p.amount),
        ]),
      ),
    },
    {
      name: 'Pooler',
      headers: ['Pool', 'Id', 'Belopp'],
      widths: [36, 16, 16],
      money: [2],
      rows: f.pools.map((p) => [p.name, p.id, num(p.amount)]),
    },
    {
      name: 'Huvudbok',
      headers: ['Pool', ...LEDGER_HEADERS],
      widths: [28, ...LEDGER_WIDTHS],
      money: [4, 8],
      landscape: true,
      rows: f.pools.flatMap((p) => ledgerRows(p.ledger).map((row) => [p.name, ...row])),
    },
  );
  if (f.pools.some((p) => p.basis))
    tables.push({
      name: 'Underlag',
      headers: [
        'Pool',
        'Underlag',
        'Beslut',
        'Belopp i underlaget',
        'Index %',
        'Indexerat',
        ...LEDGER_HEADERS,
      ],
      widths: [28, 34, 30, 16, 9, 16, ...LEDGER_WIDTHS],
      money: [3, 5, 9, 13],
      landscape: true,
      rows: f.pools.flatMap((p) =>
        basisChain(p).flatMap((b) => {
          const level: Row = [
            p.name,
            modelText(b.model),
            b.decision?.reference ?? '',
            num(b.amount),
            num(b.index),
            num(b.indexed),
          ];
          const ledger = ledgerRows(b.ledger);
          return ledger.length === 0 ? [level] : ledger.map((row) => [...level, ...row]);
        }),
      ),
    });
  return tables;
}

/**
 * Writes the trace as a workbook to `out` as it is made (streamed: the whole model's trace at bench
 * scale is some 126 000 rows): Spårning (facts), Förbrukare, Poolandelar (each pool's part of the
 * consumer), Tjänster, Pooler, Huvudbok and Underlag (a drafted model's basis and its ledger), each
 * set up to print.
 */
export async function writeAuditTraceXlsx(f: AuditTraceFile, out: Writable): Promise<void> {
  const wb = streamedWorkbook(out, f.generatedOn);
  const print = {
    title: `Spårning ${f.model.name}`,
    generatedOn: f.generatedOn,
    decision: f.decision?.reference ?? null,
    headingRow: 1,
  };
  for (const { landscape, ...table } of traceTables(f) as (StreamedTable & { landscape?: boolean })[])
    await writeStreamedTable(wb, { ...table, print: { ...print, landscape } });
  await wb.commit();
}

/** The trace as workbook bytes. */
export function auditTraceXlsx(f: AuditTraceFile): Promise<Buffer> {
  return streamedBytes((out) => writeAuditTraceXlsx(f, out));
}

/** A pool's ledger as a PDF table: each account, the vouchers under it. */
function ledgerTable(title: string, ledger: TraceFileLedger): ReportBlock {
  return {
    kind: 'table',
    columns: [
      { header: title, width: 30 },
      { header: 'Objekt', width: 18 },
      { header: 'Verifikation', width: 12 },
      { header: 'Datum', width: 11 },
      { header: 'Belopp', width: 13, align: 'right' },
    ],
    rows: ledger.flatMap((a) => [
      [`${a.account} ${a.accountName ?? ''}`, objectsText(a.objects), '', '', kr(a.amount)],
      ...a.vouchers.map((v) => [`  ${v.text ?? ''}`, '', `${v.series} ${v.number}`, v.date, kr(v.amount)]),
    ]),
  };
}

/** The trace as a PDF an auditor files: facts, the consumer's services, the services' pools, the ledger. */
export function auditTracePdf(f: AuditTraceFile): Promise<Buffer> {
  const blocks: ReportBlock[] = [];
  for (const c of f.consumers) {
    blocks.push({ kind: 'heading', text: `${c.name} (${c.municipality}): ${kr(c.total)} kr för året` });
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Tjänst', width: 26 },
        { header: 'Volym', width: 10, align: 'right' },
        { header: 'Total volym', width: 11, align: 'right' },
        { header: 'Andel', width: 10, align: 'right' },
        { header: 'À-pris', width: 11, align: 'right' },
        { header: 'Belopp', width: 13, align: 'right' },
      ],
      rows: [
        ...c.lines.map((l) => [
          l.serviceName,
          l.volume,
          l.totalVolume,
          `${l.share.replace('.', ',')} %`,
          kr(l.unitPrice),
          kr(l.amount),
        ]),
        ['Summa', '', '', '', '', kr(c.total)],
      ],
      boldLast: true,
    });
    if (c.pools)
      blocks.push({
        kind: 'table',
        columns: [
          { header: 'Poolernas del av beloppet', width: 40 },
          { header: 'Belopp', width: 13, align: 'right' },
        ],
        rows: [...c.pools.map((p) => [p.poolName, kr(p.amount)]), ['Summa', kr(c.total)]],
        boldLast: true,
      });
  }
  blocks.push({ kind: 'heading', text: 'Tjänsterna och poolerna bakom dem' });
  for (const s of f.services) {
    const basis = s.driver
      ? `nyckel ${s.driver.name}, total volym ${s.totalVolume} ${s.driver.unit}, à-pris ${kr(s.unitPrice)} kr`
      : `metod ${s.method}`;
    blocks.push({ kind: 'text', text: `${s.name}: ${kr(s.total)} kr (${basis})` });
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Pool', width: 30 },
        { header: 'Vikt', width: 8, align: 'right' },
        { header: 'Direkt', width: 14, align: 'right' },
        { header: 'Via stödtjänster', width: 14, align: 'right' },
        { header: 'Belopp', width: 14, align: 'right' },
      ],
      rows: s.pools.map((p) => [
        p.poolName,
        p.weight ?? '–',
        kr(p.direct),
        kr(Money.parse(p.amount).minus(Money.parse(p.direct)).toString()),
        kr(p.amount),
      ]),
    });
  }
  const withLedger = f.pools.filter((p) => p.ledger.length > 0);
  blocks.push({ kind: 'heading', text: 'Huvudboken bakom poolerna' });
  if (withLedger.length === 0)
    blocks.push({
      kind: 'text',
      text: f.pools.some((p) => p.basis)
        ? 'Modellen har ingen egen huvudboksimport: poolerna är framräknade ur underlaget nedan.'
        : 'Modellen har ingen huvudboksimport: poolernas belopp är inmatade.',
    });
  for (const p of withLedger) blocks.push(ledgerTable(`${p.name} (${kr(p.amount)} kr): konto`, p.ledger));
  const withBasis = f.pools.filter((p) => p.basis);
  if (withBasis.length > 0) {
    blocks.push({ kind: 'heading', text: 'Underlaget: modellen poolerna räknades fram ur' });
    for (const p of withBasis)
      for (const b of basisChain(p)) {
        const decision = b.decision ? `beslut ${b.decision.reference}` : 'inget beslut';
        blocks.push({
          kind: 'text',
          text:
            `${p.name}: ${kr(b.amount)} kr i ${modelText(b.model)}, ${decision}; ` +
            `index ${b.index.replace('.', ',')} % ger ${kr(b.indexed)} kr`,
        });
        if (b.ledger.length > 0) blocks.push(ledgerTable(`${p.name} ${b.model.year}: konto`, b.ledger));
      }
  }
  return reportPdf({
    title: `Spårning: ${f.source.label}`,
    generatedOn: f.generatedOn,
    footer: `Beslut ${f.decision?.reference ?? '–'}`,
    facts: facts(f),
    blocks,
  });
}
