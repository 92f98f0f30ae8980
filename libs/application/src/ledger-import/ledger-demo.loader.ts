import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { DomainError } from '@it-samverkan/domain';
import { DEMO_LEDGER_FILE_2025 } from '@it-samverkan/config/demo/cost-model-2025';
import { Actor } from '../common/principal';
import { CostModelService } from '../cost-model/cost-model.service';
import { LedgerImportService } from './ledger-import.service';

/** The repository root (the nearest folder with package.json), from the sources and from dist alike. */
function repositoryRoot(start: string = __dirname): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** The demo's 2025 actual model takes its pools from the host's ledger (config/demo/huvudbok-it-2025.se). */
export async function loadLedgerDemo(dataSource: DataSource, actor: Actor, now: Date): Promise<void> {
  const root = repositoryRoot();
  // from the sources: config/demo; from a production install: the copy the build puts in dist
  const path = [
    join(root ?? '.', DEMO_LEDGER_FILE_2025),
    join(root ?? '.', 'dist', DEMO_LEDGER_FILE_2025),
  ].find((candidate) => existsSync(candidate));
  if (!path)
    throw new DomainError(
      'DEMO_LEDGER_MISSING',
      `Demons huvudbok ${DEMO_LEDGER_FILE_2025} saknas`,
      'unavailable',
    );
  const actual = await new CostModelService(dataSource).latestActual(2025);
  if (!actual) return;
  await new LedgerImportService(dataSource).importLedger(
    { modelVersionId: actual.id, format: 'sie4', fileName: basename(path), content: readFileSync(path) },
    actor,
    now,
  );
}
