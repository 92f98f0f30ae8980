import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Command } from 'commander';
import {
  everyItem,
  RegisterImportService,
  RegisterImportView,
  RegisterMappingService,
} from '@it-samverkan/application';
import { CliContext, InputError, printJson, printTable } from '../context';

function readFile(path: string): Buffer {
  if (!existsSync(path) || !statSync(path).isFile()) throw new InputError(`Filen ${path} finns inte`);
  return readFileSync(path);
}

function printImport(view: RegisterImportView): void {
  process.stdout.write(
    `${view.applied ? 'Inläst' : 'Provräknat (inget sparat)'}: ${view.fileName} (${view.asOf}) → ${view.driver}, ` +
      `${view.countedRows} av ${view.totalRows} rader räknade, total volym ${view.totalVolume}\n\n`,
  );
  const before = new Map(view.previous.map((p) => [p.consumer, p.volume]));
  printTable(
    ['Förbrukare', 'Rader', 'Volym', 'Tidigare'],
    view.volumes.map((v) => [v.consumer, v.rows, v.volume, before.get(v.consumer) ?? '0']),
    [1, 2, 3],
  );
  if (view.consumersWithoutRows.length)
    process.stdout.write(`\nUtan rader (ingen volym): ${view.consumersWithoutRows.join(', ')}\n`);
  if (view.unmatched.length) {
    process.stdout.write('\nRader som inte räknades\n');
    printTable(
      ['Rad', 'Värde', 'Orsak'],
      view.unmatched.map((u) => [u.line, u.value, u.reason]),
      [0],
    );
  }
}

/** Register mappings and register imports into a draft model version's volumes. */
export function registerRegisterCommands(program: Command, ctx: CliContext): void {
  const register = program
    .command('register')
    .description('Register (datorer, konton, licenser) till volymer');
  const mapping = register
    .command('mapping')
    .description('Registermappningar: värde i registret → förbrukare');

  mapping
    .command('save <name> <rules.json>')
    .description(
      'Spara en mappning (ny, eller ersätt den med samma namn); reglerna: [{"match": {"Ansvar": "3000"}, "consumer": "ulr-bou"}]',
    )
    .option('--json', 'skriv JSON')
    .action(async (name: string, file: string, opts: { json?: boolean }) => {
      let rules: unknown;
      try {
        rules = JSON.parse(
          readFile(file)
            .toString('utf8')
            .replace(/^\uFEFF/, ''),
        );
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`Filen ${file} är inte giltig JSON: ${(error as Error).message}`);
      }
      const service = new RegisterMappingService(await ctx.db());
      const existing = await service.byIdOrName(name.trim());
      const saved = existing
        ? await service.replace(existing.id, { name, rules }, await ctx.actor(), ctx.now())
        : await service.create({ name, rules }, await ctx.actor(), ctx.now());
      if (opts.json) return printJson(saved);
      process.stdout.write(
        `Mappningen "${saved.name}" sparad (${saved.rules.length} regler), id ${saved.id}\n`,
      );
    });

  mapping
    .command('list')
    .option('--json', 'skriv JSON')
    .action(async (opts: { json?: boolean }) => {
      const service = new RegisterMappingService(await ctx.db());
      const list = await everyItem((page) => service.list(page));
      if (opts.json) return printJson(list);
      printTable(
        ['Id', 'Namn', 'Regler'],
        list.map((m) => [m.id, m.name, m.rules.length]),
        [2],
      );
    });

  register
    .command('import <modelVersionId> <file>')
    .description(
      'Läs in ett register (CSV eller XLSX) som en nyckels volymer i ett utkast; rader som inte räknas listas',
    )
    .requiredOption('--driver <id>', 'fördelningsnyckeln, t.ex. devices')
    .requiredOption(
      '--kind <kind>',
      'devices (en rad = en dator), accounts (en rad = ett konto) eller licences (kolumnen Antal)',
    )
    .requiredOption('--snapshot <datum>', 'registrets datum ÅÅÅÅ-MM-DD')
    .requiredOption('--mapping <namn eller id>', 'den sparade mappningen')
    .option('--quantity-column <kolumn>', 'licenslistans kolumn för antal (standard Antal)')
    .option('--status-column <kolumn>', 'kontoexportens statuskolumn')
    .option('--dry-run', 'räkna utan att spara')
    .option('--json', 'skriv JSON')
    .action(
      async (
        versionId: string,
        file: string,
        opts: {
          driver: string;
          kind: string;
          snapshot: string;
          mapping: string;
          quantityColumn?: string;
          statusColumn?: string;
          dryRun?: boolean;
          json?: boolean;
        },
      ) => {
        const db = await ctx.db();
        const found = await new RegisterMappingService(db).byIdOrName(opts.mapping);
        if (!found)
          throw new InputError(`Mappningen "${opts.mapping}" finns inte (se register mapping list)`);
        const view = await new RegisterImportService(db).importRegister(
          versionId,
          {
            driver: opts.driver,
            kind: opts.kind,
            asOf: opts.snapshot,
            mapping: found.id,
            fileName: basename(file),
            quantityColumn: opts.quantityColumn,
            statusColumn: opts.statusColumn,
            dryRun: opts.dryRun,
          },
          readFile(file),
          await ctx.actor(),
          ctx.now(),
        );
        if (opts.json) return printJson(view);
        printImport(view);
      },
    );

  register
    .command('list <modelVersionId>')
    .description('Registerimporterna till en version, nyast först')
    .option('--json', 'skriv JSON')
    .action(async (versionId: string, opts: { json?: boolean }) => {
      const service = new RegisterImportService(await ctx.db());
      const list = await everyItem((page) => service.listForVersion(versionId, page));
      if (opts.json) return printJson(list);
      printTable(
        ['Id', 'Nyckel', 'Typ', 'Datum', 'Fil', 'Räknade', 'Rader'],
        list.map((i) => [i.id ?? '', i.driver, i.kind, i.asOf, i.fileName, i.countedRows, i.totalRows]),
        [5, 6],
      );
    });
}
