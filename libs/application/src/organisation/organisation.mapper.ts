import type {
  CompanyEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import type { CompanyView, JointCommitteeView, MunicipalityView, UnitView } from './organisation-view';

// Each view lists the entity's columns in the entity's order: the answers are what the entities
// themselves serialised to before there were views.

export const municipalityView = (m: MunicipalityEntity): MunicipalityView => ({
  id: m.id,
  name: m.name,
  orgNo: m.orgNo,
  vatNo: m.vatNo,
  peppolId: m.peppolId,
  street: m.street,
  postalCode: m.postalCode,
  city: m.city,
  bankgiro: m.bankgiro,
  counterpartyCode: m.counterpartyCode,
  invoicePrefix: m.invoicePrefix,
  invoiceContactName: m.invoiceContactName,
  invoiceContactPhone: m.invoiceContactPhone,
  invoiceContactEmail: m.invoiceContactEmail,
});

export const unitView = (u: UnitEntity): UnitView => ({
  id: u.id,
  municipalityId: u.municipalityId,
  parentId: u.parentId,
  name: u.name,
  kind: u.kind,
  responsibilityCode: u.responsibilityCode,
  fundingMode: u.fundingMode,
  validTo: u.validTo,
});

export const companyView = (c: CompanyEntity): CompanyView => ({
  id: c.id,
  name: c.name,
  orgNo: c.orgNo,
  vatNo: c.vatNo,
  peppolId: c.peppolId,
  ownerMunicipalityId: c.ownerMunicipalityId,
  street: c.street,
  postalCode: c.postalCode,
  city: c.city,
  counterpartyCode: c.counterpartyCode,
});

export const jointCommitteeView = (j: JointCommitteeEntity): JointCommitteeView => ({
  id: j.id,
  name: j.name,
  hostMunicipalityId: j.hostMunicipalityId,
  members: j.members,
  responsibilityCode: j.responsibilityCode,
  counterpartyCode: j.counterpartyCode,
});
