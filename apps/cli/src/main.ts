import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { DomainError } from '@it-samverkan/domain';
import { EnvError } from '@it-samverkan/config/env';
import { COMMAND_GROUPS } from './commands';
import { CliContext, InputError } from './context';

export { InputError };

/**
 * The command-line application. Exit codes: 0 success, 2 invalid input (every problem on
 * stderr), 1 internal error. Only the command's own output goes to stdout.
 */
export async function runCli(argv: string[]): Promise<number> {
  const ctx = new CliContext();
  const program = new Command('it-samverkan')
    .description(
      'it-samverkan: tjänstefiering, beredskap, fakturering och uppföljning för kommunal IT-samverkan',
    )
    .option('--as <användarnamn>', 'utför kommandot som denna person (revisionsloggen namnger personen)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of COMMAND_GROUPS) register(program, ctx);
  program.hook('preAction', () => {
    ctx.actingAs = (program.opts() as { as?: string }).as ?? null;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error);
  } finally {
    await ctx.close();
  }
}

/** Prints an error the way a user can act on it and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof DomainError) {
    process.stderr.write(`Fel (${error.code}): ${error.message}\n`);
    for (const d of error.details) process.stderr.write(`  ${d.path}: ${d.message}\n`);
    return error.kind === 'invalid' ||
      error.kind === 'unprocessable' ||
      error.kind === 'not-found' ||
      error.kind === 'conflict'
      ? 2
      : 1;
  }
  if (error instanceof EnvError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    process.stderr.write(`Fel: ${error.message}\n`);
    return 2;
  }
  process.stderr.write(`Internt fel: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

if (require.main === module || process.argv[1]?.endsWith('cli.js')) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
