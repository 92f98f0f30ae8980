import { Money } from '@it-samverkan/domain';
import {
  CostModelVersionEntity,
  LedgerImportEntity,
  MIGRATIONS,
  RegisterImportEntity,
} from '@it-samverkan/persistence';
import { TEST_DATABASE_KIND } from '../support/database';
import { migratedDatabasePerFile } from '../support/migrated-database';

const at = (iso: string) => new Date(iso);
const ids = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/**
 * Migration 1764410000000 on imports stored before it: register imports (no sequence yet) and
 * ledger imports stored before theirs existed (sequence 0) are numbered 1, 2, … per version by time
 * and, within one instant, by id descending, so that the lists (newest first, then sequence
 * descending) keep the order the register list showed before (time descending, id ascending).
 */
describe(`import sequence migration on rows stored before it (${TEST_DATABASE_KIND})`, () => {
  const database = migratedDatabasePerFile();

  it('numbers them per version: by time, one instant by id descending; numbered ledger rows keep theirs', async () => {
    const ds = database();
    const versions = ['a', 'b'].map((v) => `${v}0000000-0000-4000-8000-000000000000`);
    for (const id of versions)
      await ds.getRepository(CostModelVersionEntity).insert({
        id,
        name: `Version ${id[0]}`,
        year: 2025,
        kind: 'actual',
        status: 'draft',
        document: {},
        documentHash: '0'.repeat(64),
        decisionId: null,
        approvedAt: null,
        createdAt: at('2025-01-01T00:00:00Z'),
        updatedAt: at('2025-01-01T00:00:00Z'),
      });
    // version a: 3 (10:00), then 1 and 2 at one instant (11:00); version b: 4 (09:00)
    const registers: [number, string, string][] = [
      [3, versions[0], '2025-10-01T10:00:00Z'],
      [1, versions[0], '2025-10-01T11:00:00Z'],
      [2, versions[0], '2025-10-01T11:00:00Z'],
      [4, versions[1], '2025-10-01T09:00:00Z'],
    ];
    for (const [n, version, time] of registers)
      await ds.getRepository(RegisterImportEntity).insert({
        id: ids(n),
        modelVersionId: version,
        driverId: 'devices',
        registerKind: 'devices',
        asOf: '2025-10-01',
        fileName: `register-${n}.csv`,
        fileHash: '0'.repeat(64),
        mappingId: null,
        settings: {},
        totalRows: n,
        countedRows: n,
        result: {},
        createdAt: at(time),
        createdBy: 'test',
        sequence: 0,
      });
    // version a's ledger: 5 and 6 at one instant before sequences (0), 7 numbered 3 since
    const ledgers: [number, string, number][] = [
      [6, '2025-11-01T08:00:00Z', 0],
      [5, '2025-11-01T08:00:00Z', 0],
      [7, '2025-11-02T08:00:00Z', 3],
    ];
    for (const [n, time, sequence] of ledgers)
      await ds.getRepository(LedgerImportEntity).insert({
        id: ids(n),
        modelVersionId: versions[0],
        format: 'csv',
        fileName: `ledger-${n}.csv`,
        fileHash: '0'.repeat(64),
        fileSize: 1,
        source: 'vouchers',
        scopeTotal: Money.parse('0.00'),
        mappedTotal: Money.parse('0.00'),
        unmappedTotal: Money.parse('0.00'),
        documentHashBefore: '0'.repeat(64),
        documentHashAfter: '0'.repeat(64),
        result: {},
        importedAt: at(time),
        importedBy: 'test',
        sequence,
      });
    // back to before the migration (register imports lose their column), and up again
    const later = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'ImportSequence1764410000000');
    for (let i = 0; i < later; i++) await ds.undoLastMigration({ transaction: 'each' });
    await ds.runMigrations({ transaction: 'each' });

    const register = await ds
      .getRepository(RegisterImportEntity)
      .find({ order: { modelVersionId: 'ASC', createdAt: 'DESC', sequence: 'DESC' } });
    expect(register.map((r) => [r.fileName, r.sequence])).toEqual([
      ['register-1.csv', 3],
      ['register-2.csv', 2],
      ['register-3.csv', 1],
      ['register-4.csv', 1],
    ]);
    const ledger = await ds
      .getRepository(LedgerImportEntity)
      .find({ order: { importedAt: 'DESC', sequence: 'DESC' } });
    expect(ledger.map((r) => [r.fileName, r.sequence])).toEqual([
      ['ledger-7.csv', 3],
      ['ledger-5.csv', 2],
      ['ledger-6.csv', 1],
    ]);
  });
});
