import { EnvError, loadEnv } from '@it-samverkan/config/env';
import { createApp } from './bootstrap';
import { loadDemoIfEmpty } from './demo';

async function main(): Promise<void> {
  const env = loadEnv();
  const { app, dataSource, bootstrapToken } = await createApp({ env, logger: ['error', 'warn'] });
  if (env.loadDemo) {
    const loaded = await loadDemoIfEmpty(dataSource);
    if (loaded) process.stdout.write('Demosamverkan (Ulricehamn–Tranemo) inläst i en tom databas.\n');
  }
  await app.listen(env.port, env.host);
  const url = `http://${env.host}:${env.port}`;
  process.stdout.write(
    `it-samverkan lyssnar på ${url} (databas: ${env.databaseKind}); API-dokumentation: ${url}/docs\n`,
  );
  if (bootstrapToken) {
    process.stdout.write(
      `\n  Första admin-token (visas bara nu, spara den):\n\n    ${bootstrapToken}\n\n` +
        `  Prova: curl -H "Authorization: Bearer ${bootstrapToken}" ${url}/api/v1/tokens\n\n`,
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Kunde inte starta: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
