/**
 * Invoice run on MariaDB: 1,000 consumers × 12 months × 20 lines (240,000 lines, 12,000 invoices),
 * through the real use case (split, spread, dedupe by source key, insert, totals, audit), and in
 * the same run a plain mysql2 multi-row insert of the same rows as the baseline.
 * DATABASE_URL (mysql://…) names the server; a scratch database is made and dropped.
 */
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

const CONSUMERS = 1000;
const SERVICES = 20;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export async function run(): Promise<void> {
  process.env.DATABASE_URL ||= 'mysql://root@127.0.0.1:3306/test';
  if (!/^mysql:/.test(process.env.DATABASE_URL))
    throw new Error('Benchmarken körs mot MariaDB/MySQL: sätt DATABASE_URL=mysql://…');
  // Entities choose their money column type from DATABASE_URL, so load them after it is set.
  const {
    openDatabase,
    MunicipalityEntity,
    CompanyEntity,
    ServiceAgreementEntity,
    CostModelVersionEntity,
    CooperationAgreementEntity,
  } = await import('@it-samverkan/persistence');
  const { runInvoicePeriod } = await import('@it-samverkan/application');
  const { parsePeriod, Money } = await import('@it-samverkan/domain');

  const base = new URL(process.env.DATABASE_URL);
  const name = `its_bench_${Date.now().toString(36)}`;
  const admin = await createConnection({
    host: base.hostname,
    port: Number(base.port || 3306),
    user: base.username || 'root',
    password: base.password,
  });
  await admin.query(`CREATE DATABASE ${name}`);
  base.pathname = `/${name}`;
  let db: DataSource | null = null;
  try {
    db = await openDatabase(base.toString());
    const now = new Date('2026-01-15T08:00:00Z');
    await db.getRepository(MunicipalityEntity).insert({
      id: 'ulricehamn',
      name: 'Ulricehamns kommun',
      orgNo: '212000-1561',
      vatNo: 'SE212000156101',
      peppolId: '0007:2120001561',
      street: 'Box 1',
      postalCode: '523 21',
      city: 'Ulricehamn',
      bankgiro: '5050-1055',
      counterpartyCode: '81',
    });
    await db.getRepository(CooperationAgreementEntity).insert({
      id: randomUUID(),
      version: 1,
      name: 'Bench',
      hostId: 'ulricehamn',
      parties: [{ municipalityId: 'ulricehamn', role: 'host', frequency: 'month' }],
      validFrom: '2025-01-01',
      validTo: null,
      noticeMonths: 12,
      costPrinciple: 'bench',
      decisionId: null,
      createdAt: now,
    });
    const consumers = Array.from({ length: CONSUMERS }, (_, i) => `bolag-${String(i + 1).padStart(4, '0')}`);
    const companies = consumers.map((id) => ({
      id,
      name: `Bolag ${id}`,
      orgNo: '556012-3456',
      vatNo: 'SE556012345601',
      peppolId: '0007:5560123456',
      ownerMunicipalityId: 'ulricehamn',
      street: 'Box 1',
      postalCode: '523 21',
      city: 'Ulricehamn',
      counterpartyCode: '85',
    }));
    for (let i = 0; i < companies.length; i += 200)
      await db.getRepository(CompanyEntity).insert(companies.slice(i, i + 200));
    const agreements = consumers.map((id) => ({
      id: randomUUID(),
      name: `Avtal ${id}`,
      partyKind: 'company' as const,
      partyId: id,
      services: ['ingen'],
      priceModel: 'hourly' as const,
      yearlyFee: null,
      unitPrice: null,
      volume: null,
      hourlyRate: Money.parse('950.00'),
      frequency: 'month' as const,
      vatRate: '25',
      buyerReference: `REF-${id}`,
      paymentTermsDays: 30,
      validFrom: '2025-01-01',
      validTo: null,
      indexation: {},
      createdAt: now,
    }));
    for (let i = 0; i < agreements.length; i += 200)
      await db.getRepository(ServiceAgreementEntity).insert(agreements.slice(i, i + 200));
    const services = Array.from({ length: SERVICES }, (_, s) => `tjanst-${s + 1}`);
    const model = {
      format: 'it-samverkan/cost-model@1',
      name: 'Bench 2025',
      year: 2025,
      currency: 'SEK',
      consumers: consumers.map((id) => ({ id, name: id, municipality: 'ulricehamn' })),
      drivers: [{ id: 'devices', name: 'Datorer', unit: 'st' }],
      pools: services.map((s, i) => ({
        id: `pool-${i}`,
        name: s,
        amount: `${1_000_000 + i * 12_345}.67`,
        to: { [s]: 1 },
      })),
      services: services.map((s) => ({ id: s, name: s, allocate: { method: 'driver', driver: 'devices' } })),
      volumes: { devices: Object.fromEntries(consumers.map((id, i) => [id, 10 + (i % 37)])) },
    };
    await db.getRepository(CostModelVersionEntity).insert({
      id: randomUUID(),
      name: model.name,
      year: 2025,
      kind: 'budget',
      status: 'approved',
      document: model,
      documentHash: '0'.repeat(64),
      decisionId: null,
      approvedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const actor = {
      principal: { id: null, name: 'bench', role: 'admin' as const, scope: null },
      correlationId: null,
    };

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = process.hrtime.bigint();
    let lines = 0;
    let invoices = 0;
    for (let month = 1; month <= 12; month++) {
      const result = await runInvoicePeriod(
        db,
        parsePeriod(`2025-${String(month).padStart(2, '0')}`),
        actor,
        now,
      );
      lines += result.addedLines;
      invoices += result.createdInvoices;
      process.stdout.write(
        `  2025-${String(month).padStart(2, '0')}: ${result.createdInvoices} fakturor, ${result.addedLines} rader\n`,
      );
    }
    const runSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const again = await runInvoicePeriod(db, parsePeriod('2025-06'), actor, now);

    // Baseline: the same rows with plain mysql2 multi-row inserts (no logic, no ORM).
    const raw = await createConnection({
      host: base.hostname,
      port: Number(base.port || 3306),
      user: base.username || 'root',
      password: base.password,
      database: name,
    });
    await raw.query('CREATE TABLE b_invoice LIKE invoice');
    await raw.query('CREATE TABLE b_line LIKE invoice_line');
    const [rows] = (await raw.query('SELECT * FROM invoice_line')) as unknown as [Record<string, unknown>[]];
    const [heads] = (await raw.query('SELECT * FROM invoice')) as unknown as [Record<string, unknown>[]];
    const baseStart = process.hrtime.bigint();
    const insert = async (table: string, data: Record<string, unknown>[]) => {
      const cols = Object.keys(data[0]);
      for (let i = 0; i < data.length; i += 1000) {
        const chunk = data.slice(i, i + 1000);
        await raw.query(`INSERT INTO ${table} (${cols.map((c) => `\`${c}\``).join(',')}) VALUES ?`, [
          chunk.map((r) => cols.map((c) => r[c])),
        ]);
      }
    };
    await insert('b_invoice', heads);
    await insert('b_line', rows);
    const baseSeconds = Number(process.hrtime.bigint() - baseStart) / 1e9;
    await raw.end();

    const table = [
      ['mätning', 'rader', 'tid', 'rader/s'],
      [
        'fakturakörning 12 mån (use case)',
        String(lines + invoices),
        `${runSeconds.toFixed(2)} s`,
        ((lines + invoices) / runSeconds).toFixed(0),
      ],
      [
        'baslinje: mysql2 flerradsinsert',
        String(rows.length + heads.length),
        `${baseSeconds.toFixed(2)} s`,
        ((rows.length + heads.length) / baseSeconds).toFixed(0),
      ],
    ];
    for (const r of table)
      process.stdout.write(
        `  ${r[0].padEnd(36)} ${r[1].padStart(8)} ${r[2].padStart(9)} ${r[3].padStart(9)}\n`,
      );
    process.stdout.write(`  förhållande use case / baslinje: ${(runSeconds / baseSeconds).toFixed(1)}×\n`);
    process.stdout.write(
      `  toppminne (rss): ${mb(peak)}; fakturor ${invoices}, rader ${lines}; omkörning av 2025-06 lade till ${again.addedLines} rader\n`,
    );
  } finally {
    if (db?.isInitialized) await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

if (require.main === module) run();
