import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const DOMAIN = join(__dirname, '..', '..', 'libs', 'domain', 'src');
/** What the engine may import: decimal.js, date-fns (with its tz helper) and its own files. */
const ALLOWED = [/^decimal\.js$/, /^date-fns(\/.*)?$/, /^@date-fns\/tz$/, /^\.\.?\//];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const p of patterns) for (const m of source.matchAll(p)) found.push(m[1]);
  return found;
}

describe('libs/domain dependency rule', () => {
  it('imports nothing but decimal.js, date-fns, @date-fns/tz and its own files', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(DOMAIN)) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!ALLOWED.some((rule) => rule.test(spec))) offenders.push(`${relative(DOMAIN, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    const sample =
      "import { DataSource } from 'typeorm';\nimport { x } from './y';\nconst fs = require('node:fs');";
    const bad = importsOf(sample).filter((s) => !ALLOWED.some((rule) => rule.test(s)));
    expect(bad).toEqual(['typeorm', 'node:fs']);
  });

  it('reads no clock and no randomness outside specs', () => {
    const offenders = sourceFiles(DOMAIN).filter((f) =>
      /new Date\(\)|Date\.now\(\)|Math\.random\(/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(DOMAIN, f))).toEqual([]);
  });
});
