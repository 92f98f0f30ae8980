import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { PriceListService, priceListFile } from '@it-samverkan/application';
import { Money } from '@it-samverkan/domain';
import { priceChangeText, priceListPdf, priceListXlsx } from '@it-samverkan/files';
import { CliContext, InputError, printJson, printTable } from '../context';

function yearOf(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new InputError(`Året "${text}" är inte ett år (t.ex. 2026)`);
  return Number(text);
}

function write(path: string, bytes: Buffer): void {
  writeFileSync(path, bytes);
  process.stderr.write(`Skrev ${path} (${bytes.length} byte)\n`);
}

/** `price-list <year>`: the year's price list from its approved budget, as a table, JSON, PDF or XLSX. */
export function registerPriceListCommands(program: Command, ctx: CliContext): void {
  program
    .command('price-list <year>')
    .description('Prislista IT-tjänster för ett år ur den godkända budgetmodellen (à-pris och förändring)')
    .option('--json', 'skriv dokumentet it-samverkan/price-list@1')
    .option('--pdf <fil>', 'skriv prislistan som PDF')
    .option('--xlsx <fil>', 'skriv prislistan som XLSX')
    .action(async (yearText: string, opts: { json?: boolean; pdf?: string; xlsx?: string }) => {
      const view = await new PriceListService(await ctx.db()).forYear(yearOf(yearText), ctx.now());
      if (opts.pdf) write(opts.pdf, await priceListPdf(priceListFile(view)));
      if (opts.xlsx) write(opts.xlsx, await priceListXlsx(priceListFile(view)));
      if (opts.json) return printJson(view);
      if (opts.pdf || opts.xlsx) return;
      process.stdout.write(
        `${view.title}\n${view.model.name}; beslut ${view.decision?.reference ?? '–'}; skapad ${view.generatedOn}\n\n`,
      );
      printTable(
        ['Tjänst', 'Enhet', 'À-pris', 'Förra året', 'Förändring', '%'],
        view.lines.map((l) => {
          const change = priceChangeText(l);
          return [
            l.name,
            `kr/${l.unit}`,
            Money.parse(l.unitPrice).toSwedish(),
            l.previousUnitPrice === null ? 'ny' : Money.parse(l.previousUnitPrice).toSwedish(),
            change.sek,
            change.percent,
          ];
        }),
        [2, 3, 4, 5],
      );
    });
}
