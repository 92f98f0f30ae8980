/**
 * Runs the TypeScript sources directly (CLI and benchmarks), without a build: compiles each .ts
 * file with @swc/core on require (legacy decorators with metadata, as tsc does) and resolves the
 * @it-samverkan/* path aliases of tsconfig.json.
 */
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const aliases = {
  '@it-samverkan/domain': 'libs/domain/src',
  '@it-samverkan/persistence': 'libs/persistence/src',
  '@it-samverkan/files': 'libs/files/src',
  '@it-samverkan/application': 'libs/application/src',
  '@it-samverkan/config': 'config',
};

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolve(request, parent, ...rest) {
  for (const [alias, target] of Object.entries(aliases)) {
    if (request === alias || request.startsWith(alias + '/')) {
      request = path.join(root, target, request.slice(alias.length));
      break;
    }
  }
  return originalResolve.call(this, request, parent, ...rest);
};

// Compiled files are cached by content hash, so a second start compiles nothing.
const crypto = require('node:crypto');
const cacheDir = path.join(root, 'node_modules', '.cache', 'it-samverkan-swc');
try {
  fs.mkdirSync(cacheDir, { recursive: true });
} catch {
  /* a read-only install simply compiles every time */
}

require.extensions['.ts'] = function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha1').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let code = null;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = null;
  }
  if (code !== null) {
    module._compile(code, filename);
    return;
  }
  ({ code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  }));
  try {
    fs.writeFileSync(cached, code);
  } catch {
    /* cache is best effort */
  }
  module._compile(code, filename);
};
process.setSourceMapsEnabled?.(true);
