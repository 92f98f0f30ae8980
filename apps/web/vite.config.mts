import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser application is built into dist/web, which the API process serves at `/`
 * (apps/api/src/web-app.ts). Charts load on demand, so the first page stays small.
 */
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // the engine's pure modules (Money, the access policy) are shared with the browser, not copied
  resolve: {
    alias: { '@it-samverkan/domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // The design system's icons mark every module "use client" (a React server-components
      // hint); a browser bundle has no server components, so the warning says nothing here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
