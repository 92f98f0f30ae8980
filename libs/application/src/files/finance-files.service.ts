import { DataSource, In, Not } from 'typeorm';
import {
  computeInvoiceTotals,
  DomainError,
  fiscalYearOf,
  invoiceParties,
  Money,
  parsePeriod,
  Period,
  periodKeysWithin,
  ValidationError,
  VatRate,
} from '@it-samverkan/domain';
import {
  appropriationReportCsv,
  appropriationReportXlsx,
  internalChargesCsv,
  internalChargesXlsx,
  InternalChargeFile,
  InvoiceFile,
  invoicePdf,
  invoicesCsv,
  invoicesXlsx,
  Party,
  writePeppolInvoice,
  writeSie4,
} from '@it-samverkan/files';
import { DEFAULT_ACCOUNT_PLAN } from '@it-samverkan/config/accounts';
import {
  CompanyEntity,
  CooperationAgreementEntity,
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import { Principal } from '../common/principal';
import { InvoiceService } from '../invoicing/invoice.service';
import { swedishDate } from '../common/swedish-date';

export interface FileOut {
  filename: string;
  contentType: string;
  body: Buffer;
}

const PROGRAM = { name: 'it-samverkan', version: '0.1.0' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function address(x: { street: string; postalCode: string; city: string }) {
  return { street: x.street, postalCode: x.postalCode, city: x.city, country: 'SE' as const };
}

/** A report as a semicolon CSV or an XLSX workbook, named `<base>.<format>`, dated `now`. */
async function sheetFile<T>(
  base: string,
  format: 'csv' | 'xlsx',
  rows: T[],
  now: Date,
  csv: (rows: T[], generated: { generatedOn: string }) => string,
  xlsx: (rows: T[], generated: { generatedOn: string }) => Promise<Buffer>,
): Promise<FileOut> {
  const generated = { generatedOn: swedishDate(now) };
  return format === 'csv'
    ? {
        filename: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: Buffer.from(csv(rows, generated), 'utf8'),
      }
    : { filename: `${base}.xlsx`, contentType: XLSX, body: await xlsx(rows, generated) };
}

/** Maps issued invoices, internal charges and reports into the files finance loads. */
export class FinanceFilesService {
  constructor(private readonly db: DataSource) {}

  private async parties() {
    const municipalities = new Map(
      (await this.db.getRepository(MunicipalityEntity).find()).map((m) => [m.id, m]),
    );
    const companies = new Map((await this.db.getRepository(CompanyEntity).find()).map((c) => [c.id, c]));
    const committees = new Map(
      (await this.db.getRepository(JointCommitteeEntity).find()).map((j) => [j.id, j]),
    );
    const units = new Map((await this.db.getRepository(UnitEntity).find()).map((u) => [u.id, u]));
    const cooperation = (
      await this.db.getRepository(CooperationAgreementEntity).find({ order: { validFrom: 'DESC' } })
    )[0];
    return { municipalities, companies, committees, units, cooperation };
  }

  /** The host's IT unit (its responsibility code books IT's revenue). */
  private itUnit(p: Awaited<ReturnType<FinanceFilesService['parties']>>, hostId: string): UnitEntity {
    const id = p.cooperation?.parties.find((x) => x.municipalityId === hostId)?.itUnitId;
    const unit = (id && p.units.get(id)) || [...p.units.values()].find((u) => u.municipalityId === hostId);
    if (!unit)
      throw new DomainError('IT_UNIT_MISSING', `Värdkommunen ${hostId} saknar IT-enhet`, 'unprocessable');
    return unit;
  }

  private party(p: Awaited<ReturnType<FinanceFilesService['parties']>>, kind: string, id: string): Party {
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

  /** An issued invoice or credit note as the file writers' input. */
  private async toInvoiceFiles(invoices: InvoiceEntity[]): Promise<InvoiceFile[]> {
    if (invoices.length === 0) return [];
    const p = await this.parties();
    const lines = await this.db
      .getRepository(InvoiceLineEntity)
      .find({ where: { invoiceId: In(invoices.map((i) => i.id)) }, order: { lineNo: 'ASC' } });
    const credited = invoices.filter((i) => i.creditedInvoiceId).map((i) => i.creditedInvoiceId!);
    const creditedNumbers = new Map(
      (credited.length
        ? await this.db.getRepository(InvoiceEntity).find({ where: { id: In(credited) } })
        : []
      ).map((i) => [i.id, i.number]),
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
          ...this.party(p, 'municipality', seller.id),
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
        buyer: this.party(p, invoice.buyerKind, invoice.buyerId),
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
          // The buyer's own responsibility code, so it can book the line (a bolag books by its reference).
          ...(invoice.buyerKind !== 'company' && l.responsibilityCode?.trim()
            ? { buyerAccountingCode: l.responsibilityCode }
            : {}),
        })),
        vatBreakdown: totals.breakdown,
        totals: { net: invoice.net, vat: invoice.vat, gross: invoice.gross },
        paymentTermsDays: invoice.paymentTermsDays,
        responsibilityCode: this.itUnit(p, invoice.issuerId).responsibilityCode,
      };
    });
  }

  /** Issued documents whose period lies inside `period` (DOMAIN.md 7), in number order. */
  private async issuedIn(period: Period, principal: Principal, issuerId?: string): Promise<InvoiceEntity[]> {
    const rows = await this.db.getRepository(InvoiceEntity).find({
      where: { period: In(periodKeysWithin(period)), status: 'issued', ...(issuerId ? { issuerId } : {}) },
      order: { issueDate: 'ASC', number: 'ASC' },
    });
    return rows.filter((i) => principal.scope === null || invoiceParties(i).includes(principal.scope));
  }

  /** Internal charges whose period lies inside `period`, each dated on its own period's last day. */
  private async internalChargeFiles(
    period: Period,
    principal: Principal,
    municipalityId?: string,
  ): Promise<InternalChargeFile[]> {
    const p = await this.parties();
    const rows = await this.db.getRepository(InternalChargeEntity).find({
      where: { period: In(periodKeysWithin(period)), ...(municipalityId ? { municipalityId } : {}) },
      order: { period: 'ASC', unitId: 'ASC', sourceKey: 'ASC' },
    });
    return rows
      .filter((c) => principal.scope === null || c.municipalityId === principal.scope)
      .map((c) => {
        // The unit charged, or a joint committee the municipality hosts (DOMAIN.md 3).
        const unit = p.units.get(c.unitId) ?? p.committees.get(c.unitId)!;
        const it = this.itUnit(p, c.municipalityId);
        return {
          id: c.id,
          period: c.period,
          date: parsePeriod(c.period).lastDay,
          municipalityId: c.municipalityId,
          description: c.description,
          debitUnit: { name: unit.name, responsibilityCode: unit.responsibilityCode },
          creditUnit: { name: it.name, responsibilityCode: it.responsibilityCode },
          amount: c.amount,
        };
      });
  }

  /**
   * SIE 4 of the issued invoices, credit notes and internal charges whose period lies inside a
   * period or fiscal year (`2025`, `2025-Q4`): the issuer's ledger, vouchers dated by booking
   * date. A document's booking date lies in its period's year, so a valid document never falls
   * outside the file's fiscal year, and each lands in exactly one year's file.
   */
  async sie(periodKey: string, principal: Principal, now: Date): Promise<FileOut> {
    const period = parsePeriod(periodKey);
    const p = await this.parties();
    const hostId = p.cooperation?.hostId ?? [...p.municipalities.keys()][0];
    const host = p.municipalities.get(hostId)!;
    const docs = await this.toInvoiceFiles(await this.issuedIn(period, principal, host.id));
    const year = fiscalYearOf(period.firstDay);
    const body = writeSie4({
      generatedOn: swedishDate(now),
      program: PROGRAM,
      company: { name: host.name, orgNo: host.orgNo },
      fiscalYear: { start: year.start, end: year.end },
      accounts: DEFAULT_ACCOUNT_PLAN,
      invoices: docs.filter((d) => d.kind === 'invoice'),
      creditNotes: docs.filter((d) => d.kind === 'credit-note'),
      internalCharges: await this.internalChargeFiles(period, principal, host.id),
    });
    return { filename: `it-samverkan-${period.key}.se`, contentType: 'text/plain; charset=IBM437', body };
  }

  /**
   * SIE 4 of what a municipality bought from the cooperation in a period or fiscal year: each
   * issued invoice and credit note to it (or to its joint committees) booked as IT cost on its
   * own responsibility codes and input VAT against the supplier payable, with the seller as
   * counterparty, dated by booking date. A scoped principal gets its own municipality's file.
   */
  async purchasesSie(
    periodKey: string,
    buyerId: string | undefined,
    principal: Principal,
    now: Date,
  ): Promise<FileOut> {
    const period = parsePeriod(periodKey);
    if (principal.scope && buyerId && buyerId !== principal.scope)
      throw new DomainError(
        'FORBIDDEN',
        `Inköpsfilen för ${buyerId} hör till den kommunen; din behörighet gäller ${principal.scope}`,
        'forbidden',
      );
    const buyer = principal.scope ?? buyerId;
    if (!buyer)
      throw new ValidationError([{ path: 'buyer', message: 'Ange köparkommunen, t.ex. buyer=tranemo' }]);
    const p = await this.parties();
    const municipality = p.municipalities.get(buyer);
    if (!municipality)
      throw new DomainError('MUNICIPALITY_NOT_FOUND', `Kommunen ${buyer} finns inte`, 'not-found');
    const received = await this.db.getRepository(InvoiceEntity).find({
      where: {
        period: In(periodKeysWithin(period)),
        status: 'issued',
        buyerMunicipalityId: buyer,
        buyerKind: Not('company'),
        issuerId: Not(buyer),
      },
      order: { issueDate: 'ASC', number: 'ASC' },
    });
    const year = fiscalYearOf(period.firstDay);
    const responsibilityNames = Object.fromEntries(
      [...p.units.values()]
        .filter((u) => u.municipalityId === buyer)
        .map((u) => [u.responsibilityCode, u.name]),
    );
    const body = writeSie4({
      generatedOn: swedishDate(now),
      program: PROGRAM,
      company: { name: municipality.name, orgNo: municipality.orgNo },
      fiscalYear: { start: year.start, end: year.end },
      accounts: DEFAULT_ACCOUNT_PLAN,
      invoices: [],
      creditNotes: [],
      internalCharges: [],
      purchases: await this.toInvoiceFiles(received),
      responsibilityNames,
    });
    return {
      filename: `inkop-${buyer}-${period.key}.se`,
      contentType: 'text/plain; charset=IBM437',
      body,
    };
  }

  private async issuedOne(id: string, principal: Principal): Promise<InvoiceFile> {
    const view = await new InvoiceService(this.db).get(id, principal);
    if (view.status !== 'issued')
      throw new DomainError(
        'INVOICE_NOT_ISSUED',
        'Filer tas fram för utfärdade fakturor; detta är ett utkast',
        'conflict',
      );
    const entity = await this.db.getRepository(InvoiceEntity).findOneByOrFail({ id });
    return (await this.toInvoiceFiles([entity]))[0];
  }

  /** Peppol BIS Billing 3.0 UBL for an issued external invoice or credit note. */
  async peppol(id: string, principal: Principal): Promise<FileOut> {
    const doc = await this.issuedOne(id, principal);
    return {
      filename: `${doc.number}.xml`,
      contentType: 'application/xml; charset=utf-8',
      body: Buffer.from(writePeppolInvoice(doc), 'utf8'),
    };
  }

  /** A PDF a person can read. */
  async pdf(id: string, principal: Principal, now: Date): Promise<FileOut> {
    const doc = await this.issuedOne(id, principal);
    return {
      filename: `${doc.number}.pdf`,
      contentType: 'application/pdf',
      body: await invoicePdf(doc, { generatedOn: swedishDate(now) }),
    };
  }

  /** Invoices and lines of a period as a semicolon CSV or an XLSX workbook. */
  async invoices(
    periodKey: string,
    format: 'csv' | 'xlsx',
    principal: Principal,
    now: Date,
  ): Promise<FileOut> {
    const period = parsePeriod(periodKey);
    const docs = await this.toInvoiceFiles(await this.issuedIn(period, principal));
    return sheetFile(`fakturor-${period.key}`, format, docs, now, invoicesCsv, invoicesXlsx);
  }

  async internalCharges(
    periodKey: string,
    format: 'csv' | 'xlsx',
    principal: Principal,
    now: Date,
  ): Promise<FileOut> {
    const period = parsePeriod(periodKey);
    const rows = await this.internalChargeFiles(period, principal);
    return sheetFile(
      `interndebiteringar-${period.key}`,
      format,
      rows,
      now,
      internalChargesCsv,
      internalChargesXlsx,
    );
  }

  async appropriation(
    periodKey: string,
    format: 'csv' | 'xlsx',
    principal: Principal,
    now: Date,
  ): Promise<FileOut> {
    const report = await new InvoiceService(this.db).appropriationReport(periodKey, principal);
    const p = await this.parties();
    const rows = report.rows.map((r) => ({
      municipality: p.municipalities.get(r.municipalityId)?.name ?? r.municipalityId,
      consumerId: r.unitId,
      consumerName: r.unitName,
      responsibilityCode: r.responsibilityCode,
      service: r.serviceId,
      amount: Money.parse(r.amount),
    }));
    return sheetFile(
      `anslag-${report.period}`,
      format,
      rows,
      now,
      appropriationReportCsv,
      appropriationReportXlsx,
    );
  }
}
