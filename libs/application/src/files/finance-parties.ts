import { DataSource, In } from 'typeorm';
import { computeInvoiceTotals, DomainError, VatRate } from '@it-samverkan/domain';
import { InvoiceFile, Party } from '@it-samverkan/files';
import {
  CompanyEntity,
  CooperationAgreementEntity,
  CostModelVersionEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  UnitEntity,
} from '@it-samverkan/persistence';

function address(x: { street: string; postalCode: string; city: string }) {
  return { street: x.street, postalCode: x.postalCode, city: x.city, country: 'SE' as const };
}

/** The organisation as the finance files need it: every party by id and the cooperation. */
export async function loadFinanceParties(db: DataSource) {
  const municipalities = new Map((await db.getRepository(MunicipalityEntity).find()).map((m) => [m.id, m]));
  const companies = new Map((await db.getRepository(CompanyEntity).find()).map((c) => [c.id, c]));
  const committees = new Map((await db.getRepository(JointCommitteeEntity).find()).map((j) => [j.id, j]));
  const units = new Map((await db.getRepository(UnitEntity).find()).map((u) => [u.id, u]));
  const cooperation = (
    await db.getRepository(CooperationAgreementEntity).find({ order: { validFrom: 'DESC' } })
  )[0];
  // Services are named by the approved models (ids are stable across years; the newest name wins).
  const models = await db
    .getRepository(CostModelVersionEntity)
    .find({ where: { status: 'approved' }, order: { year: 'ASC', approvedAt: 'ASC' } });
  const serviceNames = new Map<string, string>();
  for (const m of models)
    for (const s of (m.document as { services?: { id: string; name: string }[] }).services ?? [])
      serviceNames.set(s.id, s.name);
  return { municipalities, companies, committees, units, cooperation, serviceNames };
}

export type FinanceParties = Awaited<ReturnType<typeof loadFinanceParties>>;

/** The host's IT unit (its responsibility code books IT's revenue). */
export function itUnitOf(p: FinanceParties, hostId: string): UnitEntity {
  const id = p.cooperation?.parties.find((x) => x.municipalityId === hostId)?.itUnitId;
  const unit = (id && p.units.get(id)) || [...p.units.values()].find((u) => u.municipalityId === hostId);
  if (!unit)
    throw new DomainError('IT_UNIT_MISSING', `Värdkommunen ${hostId} saknar IT-enhet`, 'unprocessable');
  return unit;
}

/** An invoice's party as the file writers name it; a joint committee is its host's legal entity. */
export function partyOf(p: FinanceParties, kind: string, id: string): Party {
  if (kind === 'municipality') {
    const m = p.municipalities.get(id)!;
    return {
      id,
      name: m.name,
      kind: 'municipality',
      orgNo: m.orgNo,
      vatNo: m.vatNo,
      peppolId: m.peppolId,
      address: address(m),
      counterpartyCode: m.counterpartyCode,
    };
  }
  if (kind === 'company') {
    const c = p.companies.get(id)!;
    return {
      id,
      name: c.name,
      kind: 'company',
      orgNo: c.orgNo,
      vatNo: c.vatNo,
      peppolId: c.peppolId,
      address: address(c),
      counterpartyCode: c.counterpartyCode,
    };
  }
  // A joint committee belongs to its host municipality's legal entity: its org no, its address.
  const j = p.committees.get(id)!;
  const host = p.municipalities.get(j.hostMunicipalityId)!;
  return {
    id,
    name: `${j.name} (${host.name})`,
    kind: 'joint-committee',
    orgNo: host.orgNo,
    vatNo: host.vatNo,
    peppolId: host.peppolId,
    address: address(host),
    counterpartyCode: j.counterpartyCode,
  };
}

/** Issued invoices or credit notes as the file writers' input. */
export async function toInvoiceFiles(db: DataSource, invoices: InvoiceEntity[]): Promise<InvoiceFile[]> {
  if (invoices.length === 0) return [];
  const p = await loadFinanceParties(db);
  const lines = await db
    .getRepository(InvoiceLineEntity)
    .find({ where: { invoiceId: In(invoices.map((i) => i.id)) }, order: { lineNo: 'ASC' } });
  const credited = invoices.filter((i) => i.creditedInvoiceId).map((i) => i.creditedInvoiceId!);
  const creditedNumbers = new Map(
    (credited.length ? await db.getRepository(InvoiceEntity).find({ where: { id: In(credited) } }) : []).map(
      (i) => [i.id, i.number],
    ),
  );
  return invoices.map((invoice) => {
    const seller = p.municipalities.get(invoice.issuerId)!;
    const own = lines.filter((l) => l.invoiceId === invoice.id);
    const totals = computeInvoiceTotals(own.map((l) => ({ net: l.net, vatRate: l.vatRate as VatRate })));
    return {
      id: invoice.id,
      number: invoice.number!,
      kind: invoice.kind,
      creditedInvoiceNumber: invoice.creditedInvoiceId
        ? (creditedNumbers.get(invoice.creditedInvoiceId) ?? undefined)
        : undefined,
      issueDate: invoice.issueDate!,
      dueDate: invoice.dueDate!,
      bookingDate: invoice.bookingDate ?? undefined,
      period: invoice.period,
      seller: {
        ...partyOf(p, 'municipality', seller.id),
        bankgiro: seller.bankgiro ?? '',
        fSkatt: true,
        ...(seller.invoiceContactName
          ? {
              contact: {
                name: seller.invoiceContactName,
                ...(seller.invoiceContactPhone ? { phone: seller.invoiceContactPhone } : {}),
                ...(seller.invoiceContactEmail ? { email: seller.invoiceContactEmail } : {}),
              },
            }
          : {}),
      },
      buyer: partyOf(p, invoice.buyerKind, invoice.buyerId),
      buyerReference: invoice.buyerReference,
      lines: own.map((l) => ({
        lineNo: l.lineNo,
        description: l.description,
        quantity: l.quantity,
        unit: l.unit,
        unitPrice: l.unitPrice,
        net: l.net,
        vatRate: l.vatRate as VatRate,
        service: l.serviceId ?? undefined,
        serviceName: l.serviceId ? p.serviceNames.get(l.serviceId) : undefined,
        // The buyer's own responsibility code, so it can book the line (a bolag books by its reference).
        ...(invoice.buyerKind !== 'company' && l.responsibilityCode?.trim()
          ? { buyerAccountingCode: l.responsibilityCode }
          : {}),
      })),
      vatBreakdown: totals.breakdown,
      totals: { net: invoice.net, vat: invoice.vat, gross: invoice.gross },
      paymentTermsDays: invoice.paymentTermsDays,
      responsibilityCode: itUnitOf(p, invoice.issuerId).responsibilityCode,
    };
  });
}
