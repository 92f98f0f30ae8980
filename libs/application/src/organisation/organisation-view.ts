import type { FundingMode } from '@it-samverkan/domain';

// Types only: the web application imports them.

/** A municipality (kommun), a legal entity with organisation number (DOMAIN.md 3). */
export interface MunicipalityView {
  id: string;
  name: string;
  orgNo: string;
  vatNo: string;
  peppolId: string;
  street: string;
  postalCode: string;
  city: string;
  /** Bankgiro for the invoices it issues (the host). */
  bankgiro: string | null;
  /** Counterparty code (motpart) another party books against it with. */
  counterpartyCode: string;
  /** Prefix of the invoice numbers it issues; derived from the id when null. */
  invoicePrefix: string | null;
  /** The seller's contact on its invoices ("Vår referens"). */
  invoiceContactName: string | null;
  invoiceContactPhone: string | null;
  invoiceContactEmail: string | null;
}

/** A unit (förvaltning, sektion, nämnd, enhet) of a municipality; units nest by parentId. */
export interface UnitView {
  id: string;
  municipalityId: string;
  parentId: string | null;
  name: string;
  kind: 'forvaltning' | 'sektion' | 'namnd' | 'enhet';
  /** Responsibility code (ansvar) in the ledger. */
  responsibilityCode: string;
  fundingMode: FundingMode;
  /** The unit's last day (YYYY-MM-DD), null while it has not ended. */
  validTo: string | null;
}

/** A municipal company (bolag), its own legal entity. */
export interface CompanyView {
  id: string;
  name: string;
  orgNo: string;
  vatNo: string;
  peppolId: string;
  ownerMunicipalityId: string;
  street: string;
  postalCode: string;
  city: string;
  counterpartyCode: string;
}

/** A joint committee (gemensam nämnd), an organ of its host municipality serving its members. */
export interface JointCommitteeView {
  id: string;
  name: string;
  hostMunicipalityId: string;
  /** The municipalities it serves (ids). */
  members: string[];
  responsibilityCode: string;
  counterpartyCode: string;
}

/**
 * A page of the organisation (GET /organisation): page n of each list; `totals` counts each list,
 * `pages` and `next` follow the longest.
 */
export interface OrganisationPageView {
  municipalities: MunicipalityView[];
  units: UnitView[];
  companies: CompanyView[];
  jointCommittees: JointCommitteeView[];
  page: number;
  pageSize: number;
  totals: { municipalities: number; units: number; companies: number; jointCommittees: number };
  pages: number;
  next: number | null;
}
