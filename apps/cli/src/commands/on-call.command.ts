import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { billOnCallFile, OnCallFileBilling, onCallFileJson } from '@it-samverkan/application';
import { Money } from '@it-samverkan/domain';
import { CliContext, printTable } from '../context';
import { InputError } from '../main';

/** `on-call <tariff.json> <incidents.csv> [--json]`: bills an incident file under a tariff, without a database. */
export function registerOnCallCommands(program: Command, _ctx: CliContext): void {
  program
    .command('on-call <tariff> <incidents>')
    .description(
      'Fakturera beredskapsärenden i en CSV-fil (id,start,end,consumer,system,description) med en beredskapstaxa ' +
        '(JSON); ingen databas behövs',
    )
    .option('--json', 'skriv ett JSON-dokument: {"incidents": [...], "totals": {...}}')
    .action((tariffPath: string, incidentsPath: string, opts: { json?: boolean }) => {
      const tariff = readJson(tariffPath);
      const billing = billOnCallFile(tariff, readText(incidentsPath));
      if (opts.json) process.stdout.write(`${JSON.stringify(onCallFileJson(billing), null, 2)}\n`);
      else printBilling(billing);
    });
}

function printBilling(billing: OnCallFileBilling): void {
  printTable(
    [
      'Ärende',
      'Förbrukare',
      'Start',
      'Slut',
      'Kväll',
      'Natt',
      'Helg',
      'Helgdag',
      'Minuter',
      'Belopp',
      'Anmärkning',
    ],
    billing.incidents.map((i) => [
      i.id,
      i.consumer,
      i.startLocal,
      i.endLocal,
      i.minutes.evening,
      i.minutes.night,
      i.minutes.weekend,
      i.minutes.holiday,
      i.billableMinutes,
      i.amount.toSwedish(),
      i.insideSupportHours ? 'inom supporttid, faktureras inte' : '',
    ]),
    [4, 5, 6, 7, 8, 9],
  );
  process.stdout.write('\nSumma per förbrukare\n');
  const count = (consumer: string) => billing.incidents.filter((i) => i.consumer === consumer).length;
  const rows = [...billing.totals].map(([consumer, total]) => [consumer, count(consumer), total.toSwedish()]);
  rows.push(['Totalt', billing.incidents.length, Money.sum(billing.totals.values()).toSwedish()]);
  printTable(['Förbrukare', 'Ärenden', 'Belopp'], rows, [1, 2]);
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

function readJson(path: string): unknown {
  const text = readText(path).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${path} är inte giltig JSON: ${(error as Error).message}`);
  }
}
