#!/usr/bin/env node
/**
 * `npm run bench -- <name>` runs bench/<name>.bench.ts (all benchmarks without a name).
 * Figures are printed, never asserted: speed is measured here, not in tests.
 */
require('./register');
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const dir = path.resolve(__dirname, '..', 'bench');
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''));
  const names = wanted.length ? wanted : all;
  for (const name of names) {
    if (!all.includes(name)) {
      process.stderr.write(`Okänd benchmark "${name}"; finns: ${all.join(', ')}\n`);
      process.exit(2);
    }
    process.stdout.write(`\n== ${name} ==\n`);
    const mod = require(path.join(dir, `${name}.bench.ts`));
    await mod.run();
  }
}
main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
