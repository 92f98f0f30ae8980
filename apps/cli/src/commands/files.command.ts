import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { FileOut, FinanceFilesService } from '@it-samverkan/application';
import { CliContext, InputError } from '../context';

function save(file: FileOut, out: string | undefined): void {
  const target = out ?? file.filename;
  if (target === '-') {
    process.stdout.write(file.body);
    return;
  }
  writeFileSync(target, file.body);
  process.stderr.write(`Skrev ${target} (${file.body.length} byte)\n`);
}

function format(value: string | undefined): 'csv' | 'xlsx' {
  const f = value ?? 'xlsx';
  if (f !== 'csv' && f !== 'xlsx') throw new InputError(`Okänt format "${f}": välj csv eller xlsx`);
  return f;
}

/** The files finance loads: SIE 4, Peppol, PDF, CSV/XLSX. `--out -` writes to stdout. */
export function registerFilesCommands(program: Command, ctx: CliContext): void {
  const service = async () => new FinanceFilesService(await ctx.db());
  const files = program
    .command('file')
    .description('Filer för ekonomi: SIE 4, Peppol BIS 3.0, PDF, CSV och XLSX');
  files
    .command('sie <period>')
    .description(
      'SIE 4 (PC8) med utfärdade fakturor, kreditfakturor och interndebiteringar inom perioden (2025 = hela året)',
    )
    .option('--out <fil>', 'filnamn, eller - för standard ut')
    .action(async (period: string, opts: { out?: string }) =>
      save(await (await service()).sie(period, (await ctx.actor()).principal, ctx.now()), opts.out),
    );
  files
    .command('purchases-sie <period>')
    .description('SIE 4 med en köparkommuns inköp från samverkan, på dess egna ansvarskoder')
    .option('--buyer <kommun>', 'köparkommunens id, t.ex. tranemo')
    .option('--out <fil>', 'filnamn, eller - för standard ut')
    .action(async (period: string, opts: { buyer?: string; out?: string }) =>
      save(
        await (await service()).purchasesSie(period, opts.buyer, (await ctx.actor()).principal, ctx.now()),
        opts.out,
      ),
    );
  files
    .command('peppol <invoiceId>')
    .description('Peppol BIS Billing 3.0 (UBL) för en utfärdad faktura')
    .option('--out <fil>', 'filnamn, eller - för standard ut')
    .action(async (id: string, opts: { out?: string }) =>
      save(await (await service()).peppol(id, (await ctx.actor()).principal), opts.out),
    );
  files
    .command('pdf <invoiceId>')
    .description('Fakturan som PDF')
    .option('--out <fil>', 'filnamn, eller - för standard ut')
    .action(async (id: string, opts: { out?: string }) =>
      save(await (await service()).pdf(id, (await ctx.actor()).principal, ctx.now()), opts.out),
    );
  files
    .command('invoices <period>')
    .description('Periodens fakturor med rader')
    .option('--format <csv|xlsx>', 'csv (semikolon) eller xlsx', 'xlsx')
    .option('--out <fil>', 'filnamn, eller - för standard ut')
    .action(async (period: string, opts: { format?: string; out?: string }) =>
      save(
        await (
          await service()
        ).invoices(period, format(opts.format), (await ctx.actor()).principal, ctx.now()),
        opts.out,
      ),
    );
  files
    .command('internal-charges <period>')
    .description('Periodens interndebiteringar')
    .option('--format <csv|xlsx>', 'csv (semikolon) eller xlsx', 'xlsx')
    .option('--out <fil>', 'filnamn, eller - för standard ut')
    .action(async (period: string, opts: { format?: string; out?: string }) =>
      save(
        await (
          await service()
        ).internalCharges(period, format(opts.format), (await ctx.actor()).principal, ctx.now()),
        opts.out,
      ),
    );
  files
    .command('appropriation <period>')
    .description('Anslagsrapporten')
    .option('--format <csv|xlsx>', 'csv (semikolon) eller xlsx', 'xlsx')
    .option('--out <fil>', 'filnamn, eller - för standard ut')
    .action(async (period: string, opts: { format?: string; out?: string }) =>
      save(
        await (
          await service()
        ).appropriation(period, format(opts.format), (await ctx.actor()).principal, ctx.now()),
        opts.out,
      ),
    );
}
