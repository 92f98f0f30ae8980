import { EnvError, loadEnv } from '@it-samverkan/config/env';
import { createApp } from './bootstrap';
import { loadDemoIfEmpty } from './demo';
import { shutDownGracefully } from './shutdown';

async function main(): Promise<void> {
  const env = loadEnv();
  const { app, dataSource, bootstrapToken } = await createApp({ env, logger: ['error', 'warn'] });
  const demo = env.loadDemo ? await loadDemoIfEmpty(dataSource) : null;
  if (demo) process.stdout.write('Demosamverkan (Ulricehamn–Tranemo) inläst i en tom databas.\n');
  shutDownGracefully(app, dataSource, {
    timeoutMs: env.shutdownTimeoutSeconds * 1000,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  await app.listen(env.port, env.host);
  const url = `http://${env.host}:${env.port}`;
  process.stdout.write(
    `it-samverkan lyssnar på ${url} (databas: ${env.databaseKind})\n` +
      `  Webbapplikationen: ${url}/   API-dokumentation: ${url}/docs\n`,
  );
  if (bootstrapToken) {
    process.stdout.write(
      `\n  Första admin-token (visas bara nu, spara den):\n\n    ${bootstrapToken}\n\n` +
        `  Prova: curl -H "Authorization: Bearer ${bootstrapToken}" ${url}/api/v1/tokens\n\n`,
    );
  }
  if (demo) {
    process.stdout.write(
      `  Demopersoner (lösenord för alla, visas bara nu): ${demo.password}\n` +
        `    ${demo.usernames.join(', ')}\n` +
        `  Logga in: curl -c kakor.txt -H 'Content-Type: application/json' ` +
        `-d '{"username":"${demo.usernames[0]}","password":"${demo.password}"}' ${url}/api/v1/auth/login\n` +
        (env.session.cookieSecure
          ? `  (Sessionskakan är Secure: för curl över vanlig http, starta med SESSION_COOKIE_SECURE=false.)\n\n`
          : '\n'),
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
