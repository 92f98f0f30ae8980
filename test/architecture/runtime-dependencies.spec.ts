import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** What `npm run build` compiles into dist and a production install runs. */
const RUNTIME_DIRS = ['apps', 'libs', 'config'];
/**
 * The browser application is bundled by Vite at build time into dist/web, static files the API
 * serves; its packages (React, Designsystemet, ECharts) are build tools here, not run-time imports.
 */
const BUILT_FOR_THE_BROWSER = join(ROOT, 'apps', 'web');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/**
 * Loaded at run time without a value import in our sources: TypeORM requires the driver that
 * DATABASE_URL names, and NestFactory requires the HTTP adapter.
 */
const LOADED_BY_NAME = new Set(['better-sqlite3', 'mysql2', '@nestjs/platform-express']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || path === BUILT_FOR_THE_BROWSER ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(e2e-)?spec\.ts$/.test(name) ? [path] : [];
  });
}

/** The packages a source file needs at run time; `import type` is erased by the compiler. */
function runtimePackagesOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\s)[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\s)[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const p of patterns) for (const m of source.matchAll(p)) found.push(m[1]);
  return found
    .filter((s) => !s.startsWith('.') && !s.startsWith('@it-samverkan/') && !s.startsWith('node:'))
    .filter((s) => !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}

describe('runtime dependencies (a production install is `npm ci --omit=dev`)', () => {
  const used = new Map<string, string[]>();
  for (const dir of RUNTIME_DIRS) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      for (const pkg of runtimePackagesOf(readFileSync(file, 'utf8')))
        used.set(pkg, [...(used.get(pkg) ?? []), relative(ROOT, file)]);
    }
  }

  it('every package the built application imports is in "dependencies"', () => {
    const missing = [...used]
      .filter(([pkg]) => !(pkg in manifest.dependencies))
      .map(([pkg, files]) => `${pkg} (${files[0]})`);
    expect(missing).toEqual([]);
  });

  it('every package in "dependencies" is used at run time', () => {
    const unused = Object.keys(manifest.dependencies).filter(
      (pkg) => !used.has(pkg) && !LOADED_BY_NAME.has(pkg),
    );
    expect(unused).toEqual([]);
  });

  it('the scan sees value imports and skips type-only ones', () => {
    const sample = [
      "import { XMLParser } from 'fast-xml-parser';",
      "import type { Response } from 'express';",
      "import 'reflect-metadata';",
      "import * as iconv from 'iconv-lite';",
      "import { tz } from '@date-fns/tz/sub';",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { x } from './local';",
      "export { y } from 'csv-parse/sync';",
    ].join('\n');
    expect(runtimePackagesOf(sample).sort()).toEqual(
      ['@date-fns/tz', 'csv-parse', 'fast-xml-parser', 'iconv-lite', 'reflect-metadata'].sort(),
    );
  });
});
