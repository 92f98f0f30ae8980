import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** Paths the browser application never answers: the API, its documentation and the health check. */
const NOT_THE_APP = /^\/(api|docs|docs-json|health)(\/|$|-)/;
/** A file name (`/assets/x.js`, `/favicon.ico`): a missing file is a 404, not a page. */
const A_FILE = /\.[A-Za-z0-9]+$/;

/** The built browser application (`npm run build:web` writes dist/web), found from the repository root. */
export function webAppDirectory(start: string = __dirname): string | null {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  const web = join(dir, 'dist', 'web');
  return existsSync(join(web, 'index.html')) ? web : null;
}

/**
 * helmet's defaults, with one addition for the browser application: an invoice's PDF is shown in
 * the page from a blob: URL (fetched with the person's session), so frames may load blob:.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: { 'frame-src': ["'self'", 'blob:'] },
    },
  });
}

/**
 * Serves the browser application at `/`: its files, and index.html for every other page address
 * (the app routes in the browser). /api, /docs and /health are left to Nest.
 */
export function serveWebApp(app: NestExpressApplication, directory: string): void {
  app.useStaticAssets(directory, {
    index: false,
    setHeaders: (response: Response, path: string) => {
      // file names under assets/ carry a content hash, so they never change
      const hashed = path.includes(`${sep}assets${sep}`);
      response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const index = join(directory, 'index.html');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (NOT_THE_APP.test(request.path) || A_FILE.test(request.path) || !request.accepts('html'))
      return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
