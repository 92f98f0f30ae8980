import { Command } from 'commander';
import { NextYearService, YearChanges } from '@it-samverkan/application';
import { CliContext, InputError, printJson, printTable } from '../context';

const pct = (p: string | null) => (p === null ? '-' : `${p} %`);
const or = (x: string | null) => x ?? '-';

function printChanges(view: YearChanges): void {
  const c = view.changes;
  process.stdout.write(`${view.version.name} mot ${view.against.name}\n\nPooler\n`);
  printTable(
    ['Pool', 'Namn', 'Förra året', 'Nytt', 'Ändring', '%'],
    c.pools.map((p) => [p.id, p.name, or(p.last), or(p.next), or(p.change), pct(p.percent)]),
    [2, 3, 4, 5],
  );
  process.stdout.write('\nÀ-pris per tjänst\n');
  printTable(
    ['Tjänst', 'Namn', 'Förra året', 'Nytt', 'Ändring', '%'],
    c.services.map((s) => [s.id, s.name, or(s.last), or(s.next), or(s.change), pct(s.percent)]),
    [2, 3, 4, 5],
  );
  process.stdout.write('\nFörbrukare\n');
  printTable(
    ['Förbrukare', 'Kommun', 'Förra året', 'Nytt', 'Ändring', '%'],
    c.consumers.map((x) => [x.id, x.municipality, or(x.last), or(x.next), or(x.change), pct(x.percent)]),
    [2, 3, 4, 5],
  );
  process.stdout.write(
    `\nTotalt: ${c.total.last} → ${c.total.next} (${c.total.change}, ${pct(c.total.percent)})\n`,
  );
}

/** The yearly cycle: next year's budget drafted from this year's with indices, and what changed. */
export function registerBudgetCycleCommands(program: Command, ctx: CliContext): void {
  const budget = program.command('budget').description('Nästa års budget och vad som ändrats mot förra året');

  budget
    .command('next-year <modelVersionId>')
    .description(
      'Utkast till nästa års budget från en godkänd version; --index pool=procent (t.ex. personal=3.5)',
    )
    .option(
      '--index <pool=procent>',
      'index för en pool (kan upprepas)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--name <namn>', 'utkastets namn (standard "Tjänstefiering <år>, budget")')
    .option('--json', 'skriv JSON')
    .action(async (id: string, opts: { index: string[]; name?: string; json?: boolean }) => {
      const indices: Record<string, string> = {};
      for (const pair of opts.index) {
        const at = pair.indexOf('=');
        if (at <= 0) throw new InputError(`--index ${pair}: skriv pool=procent, t.ex. personal=3.5`);
        indices[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
      }
      const view = await new NextYearService(await ctx.db()).draftNextYear(
        id,
        { indices, name: opts.name },
        await ctx.actor(),
        ctx.now(),
      );
      if (opts.json) return printJson(view);
      process.stdout.write(`Utkast ${view.version.id} sparat.\n\n`);
      printChanges(view);
    });

  budget
    .command('changes <modelVersionId>')
    .description('Vad som ändrats mot förra året: per pool, à-pris per tjänst och per förbrukare')
    .option('--json', 'skriv JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const view = await new NextYearService(await ctx.db()).changes(id);
      if (opts.json) return printJson(view);
      printChanges(view);
    });
}
