import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Money } from '@it-samverkan/domain';
import {
  CostModelVersionEntity,
  DecisionEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  PeriodCloseEntity,
} from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A small approved budget model for 2025 on the demo consumers, with figures checked by hand:
 * arbetsplats 1 200 000.00 over 600 devices (2 000.00 each), servicedesk 100 000.01 over 3 users.
 */
export const INVOICING_MODEL = {
  format: 'it-samverkan/cost-model@1',
  name: 'Fakturatest 2025, budget',
  year: 2025,
  currency: 'SEK',
  consumers: [
    { id: 'ulr-ks', name: 'KS', municipality: 'ulricehamn' },
    { id: 'ulr-bou', name: 'BoU', municipality: 'ulricehamn' },
    { id: 'tra-oms', name: 'Omsorg', municipality: 'tranemo' },
    { id: 'tra-utb', name: 'Utbildning', municipality: 'tranemo' },
    { id: 'bolag-ue', name: 'UE', municipality: 'ulricehamn' },
  ],
  drivers: [
    { id: 'devices', name: 'Datorer', unit: 'st' },
    { id: 'users', name: 'Konton', unit: 'st' },
  ],
  pools: [
    { id: 'p1', name: 'Arbetsplats', amount: '1200000.00', to: { arbetsplats: 1 } },
    { id: 'p2', name: 'Servicedesk', amount: '100000.01', to: { servicedesk: 1 } },
  ],
  services: [
    { id: 'arbetsplats', name: 'Arbetsplatstjänst', allocate: { method: 'driver', driver: 'devices' } },
    { id: 'servicedesk', name: 'Servicedesk', allocate: { method: 'driver', driver: 'users' } },
  ],
  volumes: {
    devices: { 'ulr-ks': 100, 'ulr-bou': 200, 'tra-oms': 150, 'tra-utb': 150 },
    users: { 'ulr-ks': 1, 'tra-oms': 1, 'tra-utb': 1 },
  },
};

/** The 2025 actual: arbetsplats cost 1 260 000.00 (2 100.00 a device), servicedesk 90 000.00 (30 000.00 a user). */
export const INVOICING_ACTUAL = {
  ...INVOICING_MODEL,
  name: 'Fakturatest 2025, utfall',
  pools: [
    { id: 'p1', name: 'Arbetsplats', amount: '1260000.00', to: { arbetsplats: 1 } },
    { id: 'p2', name: 'Servicedesk', amount: '90000.00', to: { servicedesk: 1 } },
  ],
};

/** Stores the model as approved, later than any demo approval, so invoicing uses it. */
export async function storeApprovedModel(db: DataSource): Promise<void> {
  await db.getRepository(CostModelVersionEntity).insert({
    id: randomUUID(),
    name: INVOICING_MODEL.name,
    year: 2025,
    kind: 'budget',
    status: 'approved',
    document: INVOICING_MODEL,
    documentHash: '0'.repeat(64),
    decisionId: null,
    approvedAt: new Date('2030-01-01T00:00:00Z'),
    createdAt: new Date('2025-01-01T00:00:00Z'),
    updatedAt: new Date('2025-01-01T00:00:00Z'),
  });
}

/**
 * Stores a 2025 actual (utfall) model approved by IT-styrgruppen (a decision of 2026-01-15 § 3
 * that approves it), so a settlement may rest on it (DOMAIN.md 5.5).
 */
export async function storeApprovedActual(
  db: DataSource,
  document: object & { name: string },
): Promise<void> {
  const actualId = randomUUID();
  const decisionId = randomUUID();
  await db.getRepository(DecisionEntity).insert({
    id: decisionId,
    forum: 'styrgrupp',
    date: '2026-01-15',
    year: 2026,
    paragraph: '§ 3',
    subject: 'Utfall 2025',
    approves: [{ type: 'cost-model-version', id: actualId }],
    createdAt: new Date('2026-01-15T00:00:00Z'),
    createdBy: 'test',
  });
  await db.getRepository(CostModelVersionEntity).insert({
    id: actualId,
    name: document.name,
    year: 2025,
    kind: 'actual',
    status: 'approved',
    document,
    documentHash: '1'.repeat(64),
    decisionId,
    approvedAt: new Date('2030-01-01T00:00:00Z'),
    createdAt: new Date('2026-01-10T00:00:00Z'),
    updatedAt: new Date('2030-01-01T00:00:00Z'),
  });
}

/** Inserts `count` one-line drafts (for concurrency tests), from Ulricehamn unless another issuer is named. */
export async function insertDrafts(
  db: DataSource,
  count: number,
  period = '2025-12',
  issuerId = 'ulricehamn',
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    ids.push(id);
    await db.getRepository(InvoiceEntity).insert({
      id,
      kind: 'invoice',
      status: 'draft',
      issuerId,
      buyerKind: 'company',
      buyerId: 'bolag-ue',
      buyerMunicipalityId: 'ulricehamn',
      period,
      number: null,
      creditedInvoiceId: null,
      buyerReference: 'UE-4711',
      paymentTermsDays: 30,
      issueDate: null,
      dueDate: null,
      net: Money.parse('100.00'),
      vat: Money.parse('25.00'),
      gross: Money.parse('125.00'),
      createdAt: new Date('2025-04-01T00:00:00Z'),
      issuedAt: null,
    });
    await db.getRepository(InvoiceLineEntity).insert({
      id: randomUUID(),
      invoiceId: id,
      lineNo: 1,
      source: 'manual',
      sourceKey: `test:${id}`,
      description: 'Test',
      consumerId: 'bolag-ue',
      serviceId: null,
      quantity: '1',
      unit: 'EA',
      unitPrice: Money.parse('100.00'),
      net: Money.parse('100.00'),
      vatRate: '25',
      responsibilityCode: null,
    });
  }
  return ids;
}

/** One of Ulricehamn's documents, made by hand: gross including VAT (booked as net, no VAT). */
export interface HandMadeDocument {
  period: string;
  status: 'draft' | 'issued';
  kind?: 'invoice' | 'credit-note';
  /** A municipality, or bolag-ue: Ulricehamn's company, whose buyer municipality is Ulricehamn. */
  buyer: 'tranemo' | 'svenljunga' | 'bolag-ue';
  gross: string;
  number?: string;
}

/** Inserts a hand-made document of Ulricehamn's (no lines: for counts and totals). */
export async function insertDocument(db: DataSource, d: HandMadeDocument): Promise<void> {
  const gross = Money.parse(d.gross);
  const company = d.buyer === 'bolag-ue';
  await db.getRepository(InvoiceEntity).insert({
    id: randomUUID(),
    kind: d.kind ?? 'invoice',
    status: d.status,
    issuerId: 'ulricehamn',
    buyerKind: company ? 'company' : 'municipality',
    buyerId: d.buyer,
    buyerMunicipalityId: company ? 'ulricehamn' : d.buyer,
    period: d.period,
    number: d.number ?? null,
    creditedInvoiceId: null,
    buyerReference: 'REF-1',
    paymentTermsDays: 30,
    issueDate: null,
    dueDate: null,
    net: gross,
    vat: Money.parse('0.00'),
    gross,
    createdAt: new Date('2025-04-01T00:00:00Z'),
    issuedAt: d.status === 'issued' ? new Date('2025-04-01T00:00:00Z') : null,
  });
}

/** A finance token of the issuer (Ulricehamn), of its two buyer municipalities and of its bolag. */
export interface FinanceReaders {
  ulricehamn: string;
  tranemo: string;
  svenljunga: string;
  bolag: string;
}

/** The demo with hand-made documents of Ulricehamn's and closed months, and a finance reader of each party. */
export async function startWithDocuments(
  documents: readonly HandMadeDocument[],
  closedMonths: readonly string[],
): Promise<{ t: TestApp; finance: FinanceReaders }> {
  const t = await startTestApp({ demo: true });
  for (const d of documents) await insertDocument(t.dataSource, d);
  await t.dataSource
    .getRepository(PeriodCloseEntity)
    .insert(closedMonths.map((month) => ({ month, closedAt: new Date(), closedBy: 'test' })));
  const finance = {
    ulricehamn: await t.token('finance', 'ulricehamn'),
    tranemo: await t.token('finance', 'tranemo'),
    svenljunga: await t.token('finance', 'svenljunga'),
    bolag: await t.token('finance', 'bolag-ue'),
  };
  return { t, finance };
}

/** Marks kommun: a municipality outside the cooperation (organisation number with a valid check digit). */
export const MARK_MUNICIPALITY = {
  id: 'mark',
  name: 'Marks kommun',
  orgNo: '2120001496',
  street: 'Box 1',
  postalCode: '511 80',
  city: 'Kinna',
  counterpartyCode: '81-MAR',
};
