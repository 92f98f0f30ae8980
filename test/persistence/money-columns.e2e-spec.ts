import { DataSource, Table } from 'typeorm';
import { Money } from '@it-samverkan/domain';
import { ApiTokenEntity, bulkInsert, InternalChargeEntity, moneyColumn } from '@it-samverkan/persistence';
import { col } from '../../libs/persistence/src/migrations/helpers';
import { TEST_DATABASE_KIND } from '../support/database';
import { migratedDatabasePerFile } from '../support/migrated-database';

/** The limits the README promises: ±999 999 999 999 999.99 SEK, exact to the öre, on both databases. */
const LIMITS = [
  '999999999999999.99',
  '-999999999999999.99',
  '0.00',
  '0.01',
  '-0.01',
  '123456789012345.67',
  '1400000.00',
];

describe(`money columns round-trip exactly (${TEST_DATABASE_KIND})`, () => {
  const database = migratedDatabasePerFile();
  let ds: DataSource;
  beforeAll(async () => {
    ds = database();
    const qr = ds.createQueryRunner();
    await qr.createTable(new Table({ name: 'money_probe', columns: [col.autoId(), col.money('amount')] }));
    await qr.release();
  });

  it('stores and reads back every limit value to the öre', async () => {
    const transformer = moneyColumn().transformer as {
      to: (m: Money) => string;
      from: (v: unknown) => Money;
    };
    for (const value of LIMITS)
      await ds.query('INSERT INTO money_probe (amount) VALUES (?)', [transformer.to(Money.parse(value))]);
    const rows: { amount: unknown }[] = await ds.query('SELECT amount FROM money_probe ORDER BY id');
    expect(rows.map((r) => transformer.from(r.amount).toString())).toEqual(LIMITS);
  });

  it('stores timestamps in UTC with milliseconds through the entities', async () => {
    const at = new Date('2025-03-30T00:59:59.123Z');
    await ds.getRepository(ApiTokenEntity).insert({
      id: '11111111-1111-4111-8111-111111111111',
      name: 'probe',
      role: 'readonly',
      scope: null,
      tokenHash: 'a'.repeat(64),
      prefix: 'its_probe',
      createdAt: at,
      revokedAt: null,
    });
    const back = await ds.getRepository(ApiTokenEntity).findOneByOrFail({ name: 'probe' });
    expect(back.createdAt.toISOString()).toBe('2025-03-30T00:59:59.123Z');
  });

  it('bulk inserts read back exactly what the ORM would store (money, UTC timestamps, nulls)', async () => {
    const at = new Date('2025-10-26T01:30:00.250Z');
    const rows = LIMITS.map((amount, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      period: '2025-Q4',
      municipalityId: 'ulricehamn',
      unitId: `unit-${i}`,
      serviceId: i % 2 === 0 ? null : 'arbetsplats',
      source: 'manual' as const,
      sourceKey: `probe:${i}`,
      description: 'Åäö "citat" ; semikolon',
      amount: Money.parse(amount),
      createdAt: at,
    }));
    await bulkInsert(ds.manager, InternalChargeEntity, rows, 3);
    const back = await ds.getRepository(InternalChargeEntity).find({ order: { sourceKey: 'ASC' } });
    expect(
      back.map((r) => [r.amount.toString(), r.serviceId, r.description, r.createdAt.toISOString()]),
    ).toEqual(rows.map((r) => [r.amount.toString(), r.serviceId, r.description, at.toISOString()]));
  });
});
