/**
 * Invoice run on MariaDB: 1,000 consumers × 12 months × 20 lines (240,000 lines, 12,000 invoices),
 * through the real use case (split, spread, dedupe by source key, insert, totals, audit), and in
 * the same run a plain mysql2 multi-row insert of the same rows as the baseline.
 * The baseline's tables have the real tables' definition: each is made from SHOW CREATE TABLE of
 * the real one, renamed, with the same columns, keys, indexes and foreign keys (the line's foreign
 * key points at the baseline's invoice table, which is filled first, as the run fills its own).
 * After each month's run the rows it stored are read back (in primary-key order) and inserted by
 * one multi-row INSERT per 1 000 rows (autocommit), invoices before lines; only the inserts are
 * timed. Run and baseline take turns month by month, so the machine's load falls on both alike.
 * DATABASE_URL (mysql://…) names the server; a scratch database is made and dropped.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
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

    // Baseline: the same rows with plain mysql2 multi-row inserts (no logic, no ORM), into tables
    // defined as the real ones. CREATE TABLE … LIKE would leave the foreign keys out: each real
    // table's definition is copied, renamed, its foreign keys to a copied table pointed at the copy.
    const raw = await createConnection({
      host: base.hostname,
      port: Number(base.port || 3306),
      user: base.username || 'root',
      password: base.password,
      database: name,
    });
    const copies = { invoice: 'b_invoice', invoice_line: 'b_line' };
    for (const [real, copy] of Object.entries(copies)) {
      const [[shown]] = (await raw.query(`SHOW CREATE TABLE \`${real}\``)) as unknown as [
        { 'Create Table': string }[],
      ];
      const ddl = shown['Create Table']
        .replace(`CREATE TABLE \`${real}\``, `CREATE TABLE \`${copy}\``)
        .replace(/CONSTRAINT `([^`]+)`/g, (_m, c: string) => `CONSTRAINT \`b_${c}\``)
        .replace(/REFERENCES `([^`]+)`/g, (m, parent: string) =>
          parent in copies ? `REFERENCES \`${copies[parent as keyof typeof copies]}\`` : m,
        );
      await raw.query(ddl);
    }
    const [[{ n: foreignKeys }]] = (await raw.query(
      `SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME IN ('b_invoice', 'b_line')`,
    )) as unknown as [{ n: number }[]];
    const insert = async (table: string, data: Record<string, unknown>[]) => {
      const cols = Object.keys(data[0]);
      for (let i = 0; i < data.length; i += 1000) {
        const chunk = data.slice(i, i + 1000);
        await raw.query(`INSERT INTO ${table} (${cols.map((c) => `\`${c}\``).join(',')}) VALUES ?`, [
          chunk.map((r) => cols.map((c) => r[c])),
        ]);
      }
    };
    const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

    const loadBefore = loadavg()[0];
    let peak = process.memoryUsage().rss;
    let running = false;
    const sampler = setInterval(() => {
      if (running) peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    let runSeconds = 0;
    let baseSeconds = 0;
    let lines = 0;
    let invoices = 0;
    let baseRows = 0;
    // Month by month, each run followed by its baseline, so a change in the machine's load while
    // the bench runs falls on both alike (and both insert into tables that grow month by month).
    for (let month = 1; month <= 12; month++) {
      const period = `2025-${String(month).padStart(2, '0')}`;
      running = true;
      const started = process.hrtime.bigint();
      const result = await runInvoicePeriod(db, parsePeriod(period), actor, now);
      const runTime = seconds(started);
      running = false;
      runSeconds += runTime;
      lines += result.addedLines;
      invoices += result.createdInvoices;
      // The rows the run stored, read back in the order of their primary key (not timed).
      const [heads] = (await raw.query('SELECT * FROM invoice WHERE period = ? ORDER BY id', [
        period,
      ])) as unknown as [Record<string, unknown>[]];
      const [rows] = (await raw.query(
        'SELECT l.* FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.period = ? ORDER BY l.id',
        [period],
      )) as unknown as [Record<string, unknown>[]];
      const baseStart = process.hrtime.bigint();
      await insert('b_invoice', heads);
      await insert('b_line', rows);
      const baseTime = seconds(baseStart);
      baseSeconds += baseTime;
      baseRows += heads.length + rows.length;
      process.stdout.write(
        `  ${period}: ${result.createdInvoices} fakturor, ${result.addedLines} rader; körning ${runTime.toFixed(2)} s, baslinje ${baseTime.toFixed(2)} s\n`,
      );
    }
    clearInterval(sampler);
    const again = await runInvoicePeriod(db, parsePeriod('2025-06'), actor, now);
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
        String(baseRows),
        `${baseSeconds.toFixed(2)} s`,
        (baseRows / baseSeconds).toFixed(0),
      ],
    ];
    for (const r of table)
      process.stdout.write(
        `  ${r[0].padEnd(36)} ${r[1].padStart(8)} ${r[2].padStart(9)} ${r[3].padStart(9)}\n`,
      );
    process.stdout.write(
      `  baslinjen: samma rader i tabeller definierade som de riktiga (SHOW CREATE TABLE: kolumner, index, ${foreignKeys} främmande nycklar), en INSERT per 1 000 rader, varje månad efter dess körning\n`,
    );
    process.stdout.write(`  förhållande use case / baslinje: ${(runSeconds / baseSeconds).toFixed(2)}×\n`);
    process.stdout.write(
      `  belastning (load average, 1 min): ${loadBefore.toFixed(2)} före körningen, ${loadavg()[0].toFixed(2)} efter, ${availableParallelism()} kärnor\n`,
    );
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
