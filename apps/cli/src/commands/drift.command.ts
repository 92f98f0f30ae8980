import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  ForumImportService,
  ServiceLevelReportService,
  serviceLevelReportXlsx,
  ServiceLevelReportView,
} from '@it-samverkan/application';
import { CliContext, printJson, printTable } from '../context';
import { InputError } from '../main';

const IMPORT_KINDS = {
  tickets: 'importTickets',
  calls: 'importCalls',
  survey: 'importSurveyAnswers',
} as const;
type ImportKind = keyof typeof IMPORT_KINDS;

/** `sla <tertial>` and `sla-import tickets|calls|survey <file.csv>`: IT-forum drift's follow-up on the database. */
export function registerDriftCommands(program: Command, ctx: CliContext): void {
  program
    .command('sla <tertial>')
    .description(
      'Uppföljning av servicenivåer för en tertial (t.ex. 2025-T1) per kommun mot ramuppdragets mål',
    )
    .option('--municipality <kommun>', 'bara en kommun, t.ex. tranemo')
    .option('--json', 'skriv rapporten som JSON')
    .option('--xlsx <fil>', 'skriv rapporten som XLSX till filen')
    .action(async (tertial: string, opts: { municipality?: string; json?: boolean; xlsx?: string }) => {
      const report = await new ServiceLevelReportService(await ctx.db()).report(
        tertial,
        { municipality: opts.municipality },
        await ctx.actor(),
        ctx.now(),
      );
      if (opts.xlsx) {
        writeFile(opts.xlsx, await serviceLevelReportXlsx(report));
        if (!opts.json) process.stdout.write(`Rapporten skriven till ${opts.xlsx}\n`);
      }
      if (opts.json) printJson(report);
      else if (!opts.xlsx) printReport(report);
    });

  program
    .command('sla-import <kind> <file>')
    .description(
      'Läs in en CSV-export: tickets (ärenden), calls (samtal) eller survey (enkätsvar); allt eller inget',
    )
    .option('--json', 'skriv resultatet som JSON')
    .action(async (kind: string, file: string, opts: { json?: boolean }) => {
      if (!(kind in IMPORT_KINDS))
        throw new InputError(`Okänd sort "${kind}": ange tickets, calls eller survey`);
      const service = new ForumImportService(await ctx.db());
      const result = await service[IMPORT_KINDS[kind as ImportKind]](
        readText(file),
        await ctx.actor(),
        ctx.now(),
      );
      if (opts.json) printJson(result);
      else {
        process.stdout.write(
          `${result.rows} rader lästa: ${result.inserted} nya, ${result.updated} ändrade, ${result.unchanged} oförändrade.\n`,
        );
      }
    });
}

function outcome(met: boolean | null): string {
  return met === null ? 'underlag saknas' : met ? 'Uppfyllt' : 'Ej uppfyllt';
}

function printReport(report: ServiceLevelReportView): void {
  process.stdout.write(
    `Servicenivåer ${report.tertial} (${report.firstDay} – ${report.lastDay}), mål för ${report.targets.year} (${report.targets.source === 'recorded' ? 'ramuppdraget' : 'standard'})\n\n`,
  );
  const rows =
    report.municipalities.length > 1 ? [...report.municipalities, report.total] : report.municipalities;
  if (rows.length === 0) {
    process.stdout.write('Inget underlag för tertialen.\n');
    return;
  }
  printTable(
    ['Kommun', 'Mått', 'Utfall', 'Andel %', 'Mål %', 'Resultat'],
    rows.flatMap((row) =>
      row.measures.map((m) => [
        row.name,
        m.label,
        `${m.numerator}/${m.denominator}`,
        m.share ?? '–',
        m.target,
        outcome(m.met),
      ]),
    ),
    [2, 3, 4],
  );
  process.stdout.write('\n');
  printTable(
    ['Kommun', 'Öppnade', 'Stängda', 'Öppna', 'Samtal', 'Enkät utvalda', 'Enkätsvar'],
    rows.map(({ name, counts: c }) => [
      name,
      c.ticketsOpened,
      c.ticketsClosed,
      c.ticketsOpen,
      c.calls,
      c.surveySelected,
      c.surveyAnswers,
    ]),
    [1, 2, 3, 4, 5, 6],
  );
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(
      code === 'ENOENT'
        ? `Filen ${path} finns inte`
        : `Filen ${path} går inte att läsa (${code ?? 'okänt fel'})`,
    );
  }
}

function writeFile(path: string, bytes: Buffer): void {
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    throw new InputError(
      `Filen ${path} går inte att skriva (${(error as { code?: string }).code ?? 'okänt fel'})`,
    );
  }
}
