import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Command } from 'commander';
import { LedgerImportService, LedgerImportView } from '@it-samverkan/application';
import { Money } from '@it-samverkan/domain';
import { CliContext, InputError, printJson, printTable } from '../context';

const kr = (amount: string) => Money.parse(amount).toSwedish();
const objectsText = (objects: Record<string, string>) =>
  [
    objects.responsibility && `ansvar ${objects.responsibility}`,
    objects.activity && `verksamhet ${objects.activity}`,
  ]
    .filter(Boolean)
    .join(', ') || '-';

function printReconciliation(view: LedgerImportView): void {
  process.stdout.write(
    `${view.fileName} (${view.format}, ${view.source === 'vouchers' ? 'verifikationer' : 'resultatsaldon'}, ` +
      `${view.rows} rader, sha256 ${view.fileHash.slice(0, 12)}…)\n\nPooler\n`,
  );
  printTable(
    ['Pool', 'Namn', 'Tidigare', 'Från huvudboken', 'Konton'],
    view.pools.map((p) => [p.poolId, p.poolName, kr(p.previousAmount), kr(p.amount), p.accounts.length]),
    [2, 3, 4],
  );
  process.stdout.write(`\nOmappat (${view.unmapped.length})\n`);
  printTable(
    ['Konto', 'Namn', 'Objekt', 'Belopp'],
    view.unmapped.map((u) => [u.account, u.accountName ?? '', objectsText(u.objects), kr(u.amount)]),
    [3],
  );
  process.stdout.write(
    `\nMappat ${kr(view.mappedTotal)} + omappat ${kr(view.unmappedTotal)} = ${kr(view.scopeTotal)} kr ` +
      `(${view.reconciled ? 'stämmer på öret' : 'STÄMMER INTE'}); utanför omfattningen ${view.outsideScope.rows} rader, ` +
      `andra år ${view.otherYears.rows} rader\n`,
  );
}

/** import-ledger: costs from the host's ledger (SIE 4 or CSV) into a draft model version. */
export function registerLedgerCommands(program: Command, ctx: CliContext): void {
  program
    .command('import-ledger <versionsid> <fil>')
    .description(
      'Importera huvudboken (SIE 4 .se/.si/.sie eller semikolon-CSV) till ett utkast: sätter poolerna enligt ' +
        'versionens kontomappning och skriver avstämningen',
    )
    .option('--format <format>', 'sie4 eller csv (annars av filändelsen)')
    .option('--json', 'skriv importen (avstämning, poolernas källor, omappat) som JSON')
    .action(async (versionId: string, path: string, opts: { format?: string; json?: boolean }) => {
      if (!existsSync(path) || !statSync(path).isFile()) throw new InputError(`Filen ${path} finns inte`);
      const view = await new LedgerImportService(await ctx.db()).importLedger(
        {
          modelVersionId: versionId,
          format: opts.format,
          fileName: basename(path),
          content: readFileSync(path),
        },
        await ctx.actor(),
        ctx.now(),
      );
      if (opts.json) return printJson(view);
      printReconciliation(view);
    });
}
