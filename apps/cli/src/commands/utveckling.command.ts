import { Command } from 'commander';
import { DevelopmentHoursService, DevelopmentRequestService } from '@it-samverkan/application';
import { CliContext, printJson, printTable } from '../context';

/** `utveckling list` (a meeting's list with --meeting) and `utveckling charges <month>` on the database. */
export function registerUtvecklingCommands(program: Command, ctx: CliContext): void {
  const group = program
    .command('utveckling')
    .description('IT-forum utveckling: utvecklingsärenden och debiterbar tid');
  group
    .command('list')
    .description('Lista utvecklingsärenden; med --meeting mötets lista (att ta upp, och beslutade på mötet)')
    .option('--meeting <datum>', 'mötesdatum ÅÅÅÅ-MM-DD')
    .option('--status <status>', 'received, prioritised, decided, in-progress, done eller rejected')
    .option('--json', 'skriv JSON')
    .action(async (opts: { meeting?: string; status?: string; json?: boolean }) => {
      const page = await new DevelopmentRequestService(await ctx.db()).list(
        { meetingDate: opts.meeting, status: opts.status },
        await ctx.actor(),
        { page: 1, pageSize: 500 },
      );
      if (opts.json) return printJson(page.items);
      printTable(
        ['Rubrik', 'Enhet', 'Status', 'Finansiering', 'Uppskattning h', 'Rapporterat h', 'Beslut'],
        page.items.map((r) => [
          r.title,
          r.unitName,
          r.statusLabel,
          r.funding,
          r.estimateHours,
          r.reportedHours,
          r.decision?.reference ?? '–',
        ]),
        [4, 5],
      );
    });
  group
    .command('charges <month>')
    .description('Debiterbar tid på tilläggsuppdrag en månad (ÅÅÅÅ-MM), underlag för faktureringen')
    .option('--json', 'skriv JSON')
    .action(async (month: string, opts: { json?: boolean }) => {
      const inputs = await new DevelopmentHoursService(await ctx.db()).chargeInputs(month, await ctx.actor());
      if (opts.json) return printJson(inputs);
      printTable(
        ['Källa', 'Förbrukare', 'Timmar', 'Text'],
        inputs.map((c) => [c.sourceKey, c.consumerId, c.hours, c.description]),
        [2],
      );
    });
}
