/**
 * The process environment, validated once at boot. Every problem names its variable, so a
 * misconfigured deployment fails at start with a message an operator can act on.
 */
export interface AppEnv {
  databaseUrl: string;
  databaseKind: 'sqlite' | 'mysql';
  port: number;
  host: string;
  bootstrapToken: string | null;
  loadDemo: boolean;
  rateLimitPerMinute: number;
  bodyLimit: string;
  logSql: boolean;
}

export const DEFAULT_SQLITE_PATH = './data/it-samverkan.sqlite';

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ogiltig konfiguration:\n  ${problems.join('\n  ')}`);
  }
}

/** The database kind a URL names; used by entity column helpers before the data source exists. */
export function databaseKindOf(url: string | undefined): 'sqlite' | 'mysql' {
  return url && /^(mysql|mariadb):\/\//.test(url) ? 'mysql' : 'sqlite';
}

function int(source: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[], min = 0): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    problems.push(`${name}: måste vara ett heltal ≥ ${min}, fick "${raw}"`);
    return fallback;
  }
  return Number(raw);
}

function bool(source: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|ja)$/i.test(raw)) return true;
  if (/^(0|false|no|nej)$/i.test(raw)) return false;
  problems.push(`${name}: måste vara true eller false, fick "${raw}"`);
  return fallback;
}

/** Reads and validates the environment; throws EnvError listing every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const problems: string[] = [];
  const url = source.DATABASE_URL?.trim() || `sqlite:${DEFAULT_SQLITE_PATH}`;
  if (!/^sqlite:.+/.test(url) && !/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_$-]+/.test(url)) {
    problems.push(
      `DATABASE_URL: ange sqlite:<sökväg> eller mysql://användare:lösenord@värd:port/databas, fick "${url}"`,
    );
  }
  const token = source.IT_SAMVERKAN_BOOTSTRAP_TOKEN?.trim() || null;
  if (token !== null && token.length < 24) {
    problems.push('IT_SAMVERKAN_BOOTSTRAP_TOKEN: måste vara minst 24 tecken långt');
  }
  const bodyLimit = source.BODY_LIMIT?.trim() || '2mb';
  if (!/^\d+(kb|mb)$/i.test(bodyLimit))
    problems.push(`BODY_LIMIT: ange t.ex. 2mb eller 500kb, fick "${bodyLimit}"`);
  const env: AppEnv = {
    databaseUrl: url,
    databaseKind: databaseKindOf(url),
    port: int(source, 'PORT', 3000, problems, 1),
    host: source.HOST?.trim() || '127.0.0.1',
    bootstrapToken: token,
    loadDemo: bool(source, 'LOAD_DEMO', true, problems),
    rateLimitPerMinute: int(source, 'RATE_LIMIT_PER_MINUTE', 600, problems, 1),
    bodyLimit,
    logSql: bool(source, 'LOG_SQL', false, problems),
  };
  if (problems.length > 0) throw new EnvError(problems);
  return env;
}
