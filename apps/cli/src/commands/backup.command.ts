import { Command } from 'commander';
import { loadEnv } from '@it-samverkan/config/env';
import { backupDatabase, restoreDatabase } from '@it-samverkan/persistence';
import { CliContext } from '../context';

const size = (bytes: number) => `${(bytes / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 0 })} kB`;

/** backup and restore of the whole database (DATABASE_URL), safe while the API runs. */
export function registerBackupCommands(program: Command, _ctx: CliContext): void {
  program
    .command('backup')
    .description(
      'Säkerhetskopiera hela databasen till en ny fil medan API:t kör (SQLite: online-backup; MariaDB/MySQL: mariadb-dump --single-transaction)',
    )
    .argument('<fil>', 'filen som skapas (skrivs aldrig över)')
    .action(async (file: string) => {
      const result = await backupDatabase(loadEnv().databaseUrl, file);
      process.stdout.write(
        `Säkerhetskopia (${result.kind}) skriven till ${result.file}, ${size(result.bytes)}.\n`,
      );
    });

  program
    .command('restore')
    .description(
      'Återställ en säkerhetskopia till en tom databas (DATABASE_URL); en databas med tabeller vägras',
    )
    .argument('<fil>', 'säkerhetskopian från backup')
    .action(async (file: string) => {
      const result = await restoreDatabase(loadEnv().databaseUrl, file);
      process.stdout.write(
        `Återställd (${result.kind}) från ${result.file}. Starta API:t: nyare migreringar körs vid start.\n`,
      );
    });
}
