import { Command } from 'commander';
import { assertScopeNamesParty, loadDemo, TokenService } from '@it-samverkan/application';
import { CliContext, printJson, printTable } from '../context';
import { registerPersonCommands } from './person.command';

interface TokenCreateOptions {
  name: string;
  role: string;
  scope?: string;
  owner?: string;
  ownerSystem?: string;
  expires?: string;
  json?: boolean;
}

/** migrate, demo, token and person commands. */
export function registerAdminCommands(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('Kör databasmigreringar (sker också vid start av API:t)')
    .action(async () => {
      const ds = await ctx.db();
      process.stdout.write(`Databasen är uppdaterad (${ds.migrations.length} migreringar kända).\n`);
    });

  program
    .command('demo')
    .description('Läs in demosamverkan (Ulricehamn–Tranemo) i en tom databas')
    .action(async () => {
      const loaded = await loadDemo(await ctx.db(), ctx.now());
      process.stdout.write(
        loaded
          ? `Demosamverkan inläst. Demopersoner: ${loaded.usernames.join(', ')}; lösenord (visas bara nu): ${loaded.password}\n`
          : 'Databasen är inte tom; inget läst in.\n',
      );
    });

  const token = program.command('token').description('Hantera API-token');
  token
    .command('create')
    .description('Skapa en token; hemligheten skrivs ut en gång')
    .requiredOption('--name <namn>', 'vem eller vad tokenen är för')
    .requiredOption(
      '--role <roll>',
      'admin, tjanstefiering, finance, drift, utveckling, styrgrupp eller readonly',
    )
    .option('--scope <kommun>', 'begränsa till en kommuns eller ett bolags data, t.ex. tranemo')
    .option('--owner <användarnamn>', 'personen som äger tokenen')
    .option('--owner-system <namn>', 'systemet som äger tokenen (standard: tokenens namn)')
    .option('--expires <tid>', 'giltig till, ISO 8601, t.ex. 2026-12-31T23:00:00Z')
    .option('--json', 'skriv JSON')
    .action(async (opts: TokenCreateOptions) => {
      await assertScopeNamesParty(await ctx.db(), opts.scope);
      const created = await new TokenService(await ctx.db()).create(
        {
          name: opts.name,
          role: opts.role,
          scope: opts.scope ?? null,
          ownerUsername: opts.owner ?? null,
          ownerSystem: opts.ownerSystem ?? null,
          expiresAt: opts.expires ?? null,
        },
        await ctx.actor(),
        ctx.now(),
      );
      if (opts.json) printJson(created);
      else process.stdout.write(`${created.token}\n`);
    });
  token
    .command('list')
    .description('Lista token (utan hemligheter)')
    .option('--json', 'skriv JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await new TokenService(await ctx.db()).list();
      if (opts.json) return printJson(list);
      printTable(
        ['id', 'namn', 'roll', 'omfattning', 'ägare', 'prefix', 'skapad', 'giltig till', 'återkallad'],
        list.map((t) => [
          t.id,
          t.name,
          t.role,
          t.scope ?? '-',
          `${t.ownerKind === 'person' ? 'person' : 'system'}:${t.owner}`,
          t.prefix,
          t.createdAt,
          t.expiresAt ?? '-',
          t.revokedAt ?? '-',
        ]),
      );
    });
  token
    .command('revoke <id>')
    .description('Återkalla en token')
    .action(async (id: string) => {
      await new TokenService(await ctx.db()).revoke(id, await ctx.actor(), ctx.now());
      process.stdout.write(`Token ${id} återkallad.\n`);
    });
  registerPersonCommands(program, ctx);
}
