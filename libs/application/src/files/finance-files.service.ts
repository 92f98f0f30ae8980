import { DataSource, In, Not } from 'typeorm';
import {
  DomainError,
  fiscalYearOf,
  invoiceParties,
  Money,
  parsePeriod,
  Period,
  periodKeysWithin,
  ValidationError,
} from '@it-samverkan/domain';
import {
  appropriationReportCsv,
  appropriationReportXlsx,
  internalChargesCsv,
  internalChargesXlsx,
  GeneratedOn,
  InternalChargeFile,
  InvoiceFile,
  invoicePdf,
  invoicesCsv,
  invoicesXlsx,
  writePeppolInvoice,
  writeSie4,
  yearToDateCsv,
  yearToDateXlsx,
} from '@it-samverkan/files';
import { DEFAULT_ACCOUNT_PLAN } from '@it-samverkan/config/accounts';
import { InternalChargeEntity, InvoiceEntity } from '@it-samverkan/persistence';
import { Principal } from '../common/principal';
import { InvoiceService } from '../invoicing/invoice.service';
import { swedishDate } from '../common/swedish-date';
import { itUnitOf, loadFinanceParties, toInvoiceFiles } from './finance-parties';

export interface FileOut {
  filename: string;
  contentType: string;
  body: Buffer;
}

const PROGRAM = { name: 'it-samverkan', version: '0.1.0' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A report as a semicolon CSV or an XLSX workbook, named `<base>.<format>`, dated `now`. */
async function sheetFile<T>(
  base: string,
  format: 'csv' | 'xlsx',
  rows: T[],
  now: Date,
  csv: (rows: T[], generated: GeneratedOn) => string,
  xlsx: (rows: T[], generated: GeneratedOn) => Promise<Buffer>,
  decision: string | null = null,
): Promise<FileOut> {
  const generated = { generatedOn: swedishDate(now), decision };
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
    const p = await loadFinanceParties(this.db);
    const rows = await this.db.getRepository(InternalChargeEntity).find({
      where: { period: In(periodKeysWithin(period)), ...(municipalityId ? { municipalityId } : {}) },
      order: { period: 'ASC', unitId: 'ASC', sourceKey: 'ASC' },
    });
    return rows
      .filter((c) => principal.scope === null || c.municipalityId === principal.scope)
      .map((c) => {
        // The unit charged, or a joint committee the municipality hosts (DOMAIN.md 3).
        const unit = p.units.get(c.unitId) ?? p.committees.get(c.unitId)!;
        const it = itUnitOf(p, c.municipalityId);
        return {
          id: c.id,
          period: c.period,
          date: parsePeriod(c.period).lastDay,
          municipalityId: c.municipalityId,
          municipalityName: p.municipalities.get(c.municipalityId)?.name,
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
    const p = await loadFinanceParties(this.db);
    const hostId = p.cooperation?.hostId ?? [...p.municipalities.keys()][0];
    const host = p.municipalities.get(hostId)!;
    const docs = await toInvoiceFiles(this.db, await this.issuedIn(period, principal, host.id));
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
    const p = await loadFinanceParties(this.db);
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
      purchases: await toInvoiceFiles(this.db, received),
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
    return (await toInvoiceFiles(this.db, [entity]))[0];
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
    const docs = await toInvoiceFiles(this.db, await this.issuedIn(period, principal));
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
    const p = await loadFinanceParties(this.db);
    const rows = report.rows.map((r) => ({
      municipality: p.municipalities.get(r.municipalityId)?.name ?? r.municipalityId,
      consumerId: r.unitId,
      consumerName: r.unitName,
      responsibilityCode: r.responsibilityCode,
      service: r.serviceId,
      serviceName: r.serviceName,
      amount: Money.parse(r.amount),
    }));
    return sheetFile(
      `anslag-${report.period}`,
      format,
      rows,
      now,
      appropriationReportCsv,
      appropriationReportXlsx,
      report.decision,
    );
  }

  /** Year to date per consumer (the same report as GET /reports/year-to-date) as CSV or XLSX. */
  async yearToDate(
    year: number,
    through: string | undefined,
    format: 'csv' | 'xlsx',
    principal: Principal,
    now: Date,
  ): Promise<FileOut> {
    const report = await new InvoiceService(this.db).yearToDate(year, through, principal);
    const names = new Map(report.municipalities.map((m) => [m.municipalityId, m.name]));
    const file = {
      year: report.year,
      through: report.through,
      rows: report.consumers.map((c) => ({
        municipality: names.get(c.municipalityId) ?? c.municipalityId,
        consumerName: c.name,
        consumerId: c.consumerId,
        fundingMode: c.fundingMode,
        yearlyShare: Money.parse(c.yearlyShare),
        charged: Money.parse(c.charged),
        remaining: Money.parse(c.remaining),
        percentCharged: c.percentCharged,
      })),
    };
    return sheetFile(
      `aret-hittills-${report.through}`,
      format,
      [file],
      now,
      ([f], generated) => yearToDateCsv(f, generated),
      ([f], generated) => yearToDateXlsx(f, generated),
      report.model?.decision?.reference ?? null,
    );
  }
}
