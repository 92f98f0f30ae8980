import { Command } from 'commander';
import { generatePassword, PersonService } from '@it-samverkan/application';
import { CliContext, InputError, printJson, printTable } from '../context';

/** The first line of standard input: a password given without showing it in the process list. */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  if (!line) throw new InputError('--password-stdin: inget lösenord på standard in');
  return line;
}

/** The password to set: from standard input, or a generated one that is printed once. */
async function chosenPassword(opts: {
  passwordStdin?: boolean;
}): Promise<{ password: string; generated: boolean }> {
  if (opts.passwordStdin) return { password: await passwordFromStdin(), generated: false };
  return { password: generatePassword(), generated: true };
}

/** person create|list|deactivate|password: personal accounts for logging in. */
export function registerPersonCommands(program: Command, ctx: CliContext): void {
  const person = program.command('person').description('Hantera personer (personliga konton för inloggning)');
  const service = async () => new PersonService(await ctx.db());

  person
    .command('create')
    .description('Skapa en person; utan --password-stdin skapas ett lösenord som skrivs ut en gång')
    .requiredOption('--username <användarnamn>', 'inloggningsnamn: gemener, siffror och . _ @ -')
    .requiredOption('--name <namn>', 'personens namn')
    .requiredOption(
      '--role <roll>',
      'admin, tjanstefiering, finance, drift, utveckling, styrgrupp eller readonly',
    )
    .option('--scope <id>', 'begränsa till en kommuns eller ett bolags data, t.ex. tranemo')
    .option('--email <adress>', 'e-postadress')
    .option('--password-stdin', 'läs lösenordet från standard in')
    .option('--no-password', 'inget lokalt lösenord (personen loggar in via OIDC)')
    .option('--json', 'skriv JSON')
    .action(
      async (opts: {
        username: string;
        name: string;
        role: string;
        scope?: string;
        email?: string;
        passwordStdin?: boolean;
        password: boolean;
        json?: boolean;
      }) => {
        const chosen = opts.password ? await chosenPassword(opts) : null;
        const created = await (
          await service()
        ).create(
          {
            username: opts.username,
            displayName: opts.name,
            role: opts.role,
            scope: opts.scope ?? null,
            email: opts.email ?? null,
            password: chosen?.password ?? null,
          },
          await ctx.actor(),
          ctx.now(),
        );
        if (opts.json) return printJson(created);
        process.stdout.write(`Person ${created.username} skapad (${created.id}).\n`);
        if (chosen?.generated) process.stdout.write(`Lösenord (visas bara nu): ${chosen.password}\n`);
      },
    );

  person
    .command('list')
    .description('Lista personer')
    .option('--json', 'skriv JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await (await service()).list();
      if (opts.json) return printJson(list);
      printTable(
        ['användarnamn', 'namn', 'roll', 'omfattning', 'aktiv', 'lösenord', 'oidc'],
        list.map((p) => [
          p.username,
          p.displayName,
          p.role,
          p.scope ?? '-',
          p.active ? 'ja' : 'nej',
          p.hasPassword ? 'ja' : 'nej',
          p.oidcIssuer ?? '-',
        ]),
      );
    });

  person
    .command('deactivate <användarnamn>')
    .description('Inaktivera en person: sessionerna avslutas och personens token slutar gälla')
    .action(async (username: string) => {
      const done = await (await service()).deactivate(username, await ctx.actor(), ctx.now());
      process.stdout.write(`Person ${done.username} inaktiverad.\n`);
    });

  person
    .command('password <användarnamn>')
    .description('Sätt ett nytt lösenord (skapat och utskrivet, eller från --password-stdin)')
    .option('--password-stdin', 'läs lösenordet från standard in')
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const chosen = await chosenPassword(opts);
      const done = await (
        await service()
      ).setPassword(username, chosen.password, await ctx.actor(), ctx.now());
      process.stdout.write(`Nytt lösenord satt för ${done.username}; öppna sessioner avslutade.\n`);
      if (chosen.generated) process.stdout.write(`Lösenord (visas bara nu): ${chosen.password}\n`);
    });
}
