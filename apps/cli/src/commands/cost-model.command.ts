import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import {
  computeSplit,
  ComputedSplit,
  costModelFromXlsx,
  readChargedAmounts,
  SettlementDocument,
  settlementDocument,
  splitResultCsv,
  splitResultXlsx,
} from '@it-samverkan/application';
import { Money } from '@it-samverkan/domain';
import { CliContext, printTable } from '../context';
import { InputError } from '../main';

/** Swedish amount for tables: "1 400 000,00". */
const kr = (amount: string) => Money.parse(amount).toSwedish();

function readInputFile(path: string, accepted: string[]): { bytes: Buffer; ext: string } {
  const ext = extname(path).toLowerCase();
  if (!accepted.includes(ext)) {
    throw new InputError(
      `Filen ${path} har en okänd filändelse "${ext || '(ingen)'}"; förväntade ${accepted.join(' eller ')}`,
    );
  }
  if (!existsSync(path) || !statSync(path).isFile()) throw new InputError(`Filen ${path} finns inte`);
  return { bytes: readFileSync(path), ext };
}

function parseJson(bytes: Buffer, path: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`Filen ${path} är inte giltig JSON: ${(error as Error).message}`);
  }
}

/** A cost model document from a .json or .xlsx file (not yet validated for .json). */
async function readModelFile(path: string): Promise<unknown> {
  const { bytes, ext } = readInputFile(path, ['.json', '.xlsx']);
  return ext === '.xlsx' ? costModelFromXlsx(bytes) : parseJson(bytes, path);
}

/** What consumers were charged, from JSON ({id: amount} or [{consumer, amount}]) or CSV (förbrukare;belopp). */
function readChargedFile(path: string): Map<string, Money> {
  const { bytes, ext } = readInputFile(path, ['.json', '.csv']);
  if (ext === '.json') return readChargedAmounts(parseJson(bytes, path), basename(path));
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: text.split(/\r?\n/)[0].includes(';') ? ';' : ',',
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new InputError(`Filen ${path} är inte en läsbar CSV-fil: ${(error as Error).message}`);
  }
  const rows = records.map((r) => ({
    consumer: r['förbrukare'] ?? r['consumer'],
    amount: (r['belopp'] ?? r['amount'] ?? '').replace(/\s/g, '').replace(',', '.'),
  }));
  return readChargedAmounts(rows, basename(path));
}

function printSplitTable(computed: ComputedSplit): void {
  const { document: doc, model } = computed;
  const serviceName = new Map(model.services.map((s) => [s.id, s.name]));
  const consumerName = new Map(model.consumers.map((c) => [c.id, c.name]));
  process.stdout.write(`${doc.model} (${doc.year})\n\nTjänster\n`);
  printTable(
    ['Tjänst', 'Namn', 'Direkt', 'Mottaget', 'Totalt', 'Nyckel', 'Volym', 'À-pris'],
    doc.services.map((s) => [
      s.id,
      serviceName.get(s.id) ?? '',
      kr(s.direct),
      kr(s.received),
      kr(s.total),
      s.driver ?? '-',
      s.volume ?? '-',
      s.unitPrice ? kr(s.unitPrice) : '-',
    ]),
    [2, 3, 4, 6, 7],
  );
  process.stdout.write('\nFörbrukare\n');
  printTable(
    ['Förbrukare', 'Namn', 'Kommun', 'Totalt'],
    doc.consumers.map((c) => [c.id, consumerName.get(c.id) ?? '', c.municipality, kr(c.total)]),
    [3],
  );
  process.stdout.write('\nKommuner\n');
  printTable(
    ['Kommun', 'Totalt'],
    doc.municipalities.map((m) => [m.id, kr(m.total)]),
    [1],
  );
  process.stdout.write(`\nTotalt: ${kr(doc.total)} kr\n`);
}

const KIND_TEXT: Record<string, string> = {
  slutfaktura: 'slutfaktura',
  kreditering: 'kreditering',
  ingen: 'ingen avräkning',
};

function printSettlementTable(doc: SettlementDocument): void {
  process.stdout.write(`Slutavräkning ${doc.year} mot ${doc.actualModel.name} (skapad ${doc.created})\n\n`);
  printTable(
    ['Förbrukare', 'Kommun', 'Debiterat', 'Utfall', 'Skillnad', 'Avräkning'],
    doc.lines.map((l) => [
      l.consumer,
      l.municipality ?? '-',
      kr(l.charged),
      kr(l.actual),
      kr(l.difference),
      KIND_TEXT[l.kind],
    ]),
    [2, 3, 4],
  );
  const t = doc.totals;
  process.stdout.write(
    `\nSumma: debiterat ${kr(t.charged)}, utfall ${kr(t.actual)}, skillnad ${kr(t.difference)} ` +
      `(slutfakturor ${kr(t.slutfaktura)}, krediteringar ${kr(t.kreditering)})\n`,
  );
}

/** split and settle: the cost model from files, no database needed. */
export function registerCostModelCommands(program: Command, ctx: CliContext): void {
  program
    .command('split <modell>')
    .description('Fördela en kostnadsmodell (modell.json eller modell.xlsx); ingen databas behövs')
    .option('--json', 'skriv fördelningsresultatet (it-samverkan/split-result@1) som JSON')
    .option('--csv <fil>', 'skriv resultatet som CSV (semikolon, UTF-8 med BOM)')
    .option('--xlsx <fil>', 'skriv resultatet som XLSX (Tjänster, Förbrukare, Kommuner)')
    .action(async (path: string, opts: { json?: boolean; csv?: string; xlsx?: string }) => {
      const computed = computeSplit(await readModelFile(path));
      if (opts.csv)
        writeFileSync(opts.csv, splitResultCsv(computed.model, computed.document, ctx.now()), 'utf8');
      if (opts.xlsx)
        writeFileSync(opts.xlsx, await splitResultXlsx(computed.model, computed.document, ctx.now()));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(computed.document, null, 2)}\n`);
      if (opts.csv || opts.xlsx) {
        for (const file of [opts.csv, opts.xlsx])
          if (file) process.stdout.write(`Skrev ${file} (totalt ${kr(computed.document.total)} kr)\n`);
        return;
      }
      printSplitTable(computed);
    });

  program
    .command('settle <utfallsmodell> <debiterat>')
    .description(
      'Slutavräkning: debiterat per förbrukare (JSON eller CSV förbrukare;belopp) mot utfallsmodellens fördelning',
    )
    .option('--json', 'skriv slutavräkningen som JSON')
    .action(async (modelPath: string, chargedPath: string, opts: { json?: boolean }) => {
      const charged = readChargedFile(chargedPath);
      const actual = computeSplit(await readModelFile(modelPath));
      const doc = settlementDocument({
        year: actual.model.year,
        actual,
        actualModel: { id: null, name: actual.model.name, status: null },
        charged,
        chargedSource: 'given',
        now: ctx.now(),
      });
      if (opts.json) return void process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      printSettlementTable(doc);
    });
}
