import { Command } from 'commander';
import { everyItem, InvoiceService, InvoiceView } from '@it-samverkan/application';
import { CliContext, InputError, printJson, printTable } from '../context';

function invoiceRows(items: InvoiceView[]): (string | number)[][] {
  return items.map((i) => [
    i.number ?? '(utkast)',
    i.kind === 'credit-note' ? 'kredit' : 'faktura',
    i.period,
    `${i.buyer.kind}:${i.buyer.id}`,
    i.lines.length,
    i.net,
    i.vat,
    i.gross,
    i.id,
  ]);
}

const INVOICE_HEADERS = ['nummer', 'typ', 'period', 'köpare', 'rader', 'netto', 'moms', 'brutto', 'id'];

/** Invoice runs, issuing, credit notes, periods and reports, so finance can script a month end. */
export function registerInvoicingCommands(program: Command, ctx: CliContext): void {
  const service = async () => new InvoiceService(await ctx.db());
  const invoice = program
    .command('invoice')
    .description('Fakturering: kör period, lista, utfärda, kreditera');

  invoice
    .command('run <period>')
    .description(
      'Kör en period (2025-03, 2025-Q1, 2025-T1 eller 2025): utkast och interndebiteringar; upprepad körning skapar inget två gånger',
    )
    .option('--json', 'skriv JSON')
    .action(async (period: string, opts: { json?: boolean }) => {
      const result = await (await service()).run(period, await ctx.actor(), ctx.now());
      if (opts.json) return printJson(result);
      process.stdout.write(
        `Period ${result.period}: ${result.createdInvoices} nya utkast, ${result.updatedInvoices} uppdaterade, ${result.addedLines} nya rader, ` +
          `${result.addedInternalCharges} interndebiteringar, ${result.skippedExisting} redan debiterade.\n`,
      );
      for (const w of result.warnings) process.stdout.write(`Obs: ${w}\n`);
    });

  invoice
    .command('settle <year>')
    .description('Slutavräkning för ett år, bokad i en öppen period efter årets slut')
    .requiredOption('--period <period>', 'perioden avräkningen bokas i, t.ex. 2026-01')
    .option('--json', 'skriv JSON')
    .action(async (year: string, opts: { period: string; json?: boolean }) => {
      if (!/^\d{4}$/.test(year)) throw new InputError(`Ogiltigt år "${year}"`);
      const result = await (await service()).settle(Number(year), opts.period, await ctx.actor(), ctx.now());
      if (opts.json) return printJson(result);
      printTable(
        ['förbrukare', 'finansiering', 'debiterat', 'utfall', 'differens', 'bokat'],
        result.lines.map((l) => [l.consumerId, l.fundingMode, l.charged, l.actual, l.difference, l.booked]),
        [2, 3, 4],
      );
    });

  invoice
    .command('list')
    .description('Lista fakturor')
    .option('--period <period>', 'bara denna period')
    .option('--status <status>', 'draft eller issued')
    .option('--json', 'skriv JSON')
    .action(async (opts: { period?: string; status?: 'draft' | 'issued'; json?: boolean }) => {
      const page = await (
        await service()
      ).list(
        { period: opts.period, status: opts.status },
        { page: 1, pageSize: 500 },
        (await ctx.actor()).principal,
      );
      if (opts.json) return printJson(page.items);
      printTable(INVOICE_HEADERS, invoiceRows(page.items), [4, 5, 6, 7]);
    });

  invoice
    .command('show <id>')
    .description('Visa en faktura med rader')
    .option('--json', 'skriv JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const inv = await (await service()).get(id, (await ctx.actor()).principal);
      if (opts.json) return printJson(inv);
      printTable(INVOICE_HEADERS, invoiceRows([inv]), [4, 5, 6, 7]);
      process.stdout.write('\n');
      printTable(
        ['rad', 'beskrivning', 'netto', 'moms %'],
        inv.lines.map((l) => [l.lineNo, l.description, l.net, l.vatRate]),
        [0, 2],
      );
    });

  invoice
    .command('issue [id]')
    .description('Utfärda ett utkast, eller alla utkast i en period med --period')
    .option('--period <period>', 'utfärda alla utkast i perioden')
    .option('--date <ÅÅÅÅ-MM-DD>', 'fakturadatum (annars dagens datum i Sverige)')
    .option('--json', 'skriv JSON')
    .action(async (id: string | undefined, opts: { period?: string; date?: string; json?: boolean }) => {
      const s = await service();
      const ids = id
        ? [id]
        : (
            await s.list(
              { period: opts.period, status: 'draft' },
              { page: 1, pageSize: 500 },
              (await ctx.actor()).principal,
            )
          ).items.map((i) => i.id);
      const issued: InvoiceView[] = [];
      for (const one of ids)
        issued.push(await s.issue(one, await ctx.actor(), ctx.now(), { invoiceDate: opts.date }));
      if (opts.json) return printJson(issued);
      printTable(INVOICE_HEADERS, invoiceRows(issued), [4, 5, 6, 7]);
    });

  invoice
    .command('credit <id>')
    .description('Kreditera det som återstår av en utfärdad faktura')
    .requiredOption('--reason <text>', 'orsak')
    .option('--date <ÅÅÅÅ-MM-DD>', 'kreditfakturans fakturadatum (annars dagens datum i Sverige)')
    .option('--json', 'skriv JSON')
    .action(async (id: string, opts: { reason: string; date?: string; json?: boolean }) => {
      const note = await (
        await service()
      ).credit(id, { reason: opts.reason, invoiceDate: opts.date }, await ctx.actor(), ctx.now());
      if (opts.json) return printJson(note);
      printTable(INVOICE_HEADERS, invoiceRows([note]), [4, 5, 6, 7]);
    });

  const period = program.command('period').description('Lista, stäng eller öppna perioder');
  period
    .command('list')
    .description('Perioder med fakturor, senaste först: utkast, utfärdade, kreditfakturor, belopp, stängd')
    .option('--year <year>', 'bara årets perioder')
    .option('--json', 'skriv JSON')
    .action(async (opts: { year?: string; json?: boolean }) => {
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
        throw new InputError(`Ogiltigt år "${opts.year}"`);
      const invoices = await service();
      const principal = (await ctx.actor()).principal;
      const filter = { year: opts.year === undefined ? undefined : Number(opts.year) };
      const rows = await everyItem((page) => invoices.periods(filter, page, principal));
      if (opts.json) return printJson(rows);
      printTable(
        ['period', 'utkast', 'utfärdade', 'kreditfakturor', 'utfärdat', 'krediterat', 'stängd'],
        rows.map((r) => [
          r.period,
          r.drafts,
          r.issued,
          r.creditNotes,
          r.issuedTotal,
          r.creditedTotal,
          r.closed ? 'ja' : 'nej',
        ]),
        [1, 2, 3, 4, 5],
      );
    });
  period
    .command('close <period>')
    .description('Stäng en period')
    .action(async (p: string) => {
      const r = await (await service()).close(p, await ctx.actor(), ctx.now());
      process.stdout.write(`Stängd: ${r.closedMonths.join(', ')}\n`);
    });
  period
    .command('reopen <period>')
    .description('Öppna en stängd period (loggas)')
    .action(async (p: string) => {
      const r = await (await service()).reopen(p, await ctx.actor(), ctx.now());
      process.stdout.write(`Öppnad: ${r.reopenedMonths.join(', ') || '(inget var stängt)'}\n`);
    });

  const report = program.command('report').description('Anslagsrapport och interndebiteringar');
  report
    .command('appropriation <period>')
    .description('Andelar som det centrala anslaget ska täcka')
    .option('--json', 'skriv JSON')
    .action(async (p: string, opts: { json?: boolean }) => {
      const r = await (await service()).appropriationReport(p, (await ctx.actor()).principal);
      if (opts.json) return printJson(r);
      printTable(
        ['kommun', 'enhet', 'ansvar', 'tjänst', 'belopp'],
        r.rows.map((x) => [x.municipalityId, x.unitName, x.responsibilityCode, x.serviceId, x.amount]),
        [4],
      );
      process.stdout.write(`Summa ${r.period}: ${r.total}\n`);
    });
  report
    .command('internal-charges <period>')
    .description('Interndebiteringar (utan moms)')
    .option('--json', 'skriv JSON')
    .action(async (p: string, opts: { json?: boolean }) => {
      const r = await (await service()).internalCharges(p, (await ctx.actor()).principal);
      if (opts.json) return printJson(r);
      printTable(
        ['enhet', 'tjänst', 'källa', 'belopp'],
        r.charges.map((c) => [c.unitId, c.serviceId ?? '-', c.source, c.amount]),
        [3],
      );
      process.stdout.write(`Summa ${r.period}: ${r.total}\n`);
    });
}
