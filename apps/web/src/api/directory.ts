import { api } from './client';
import type {
  CostModelVersion,
  ModelDocument as FullDocument,
  Organisation,
  OrganisationPage,
  Page,
} from './types';

/** What the directory reads of a model document: the names of its parts. */
type ModelDocument = Pick<FullDocument, 'services' | 'pools' | 'drivers' | 'consumers'>;

/** Names for the ids the API answers with: organisation parties, and the services, pools and drivers of the approved models. */
export interface Directory {
  name: (id: string | null | undefined) => string;
  organisation: Organisation;
  /** The host municipality of the cooperation (it issues the invoices), from the newest agreement. */
  hostId: string | null;
  /** The municipalities that are parties of the newest agreement (every municipality when there is none). */
  partyIds: string[];
}

let loading: Promise<Directory> | null = null;

export function directoryOf(
  organisation: Organisation,
  documents: ModelDocument[] = [],
  hostId: string | null = null,
  partyIds: string[] | null = null,
): Directory {
  const names = new Map<string, string>();
  for (const d of documents) {
    for (const item of [...d.services, ...d.pools, ...d.drivers, ...d.consumers])
      names.set(item.id, item.name);
  }
  for (const m of organisation.municipalities) names.set(m.id, m.name);
  for (const u of organisation.units) names.set(u.id, u.name);
  for (const c of organisation.companies) names.set(c.id, c.name);
  for (const j of organisation.jointCommittees) names.set(j.id, j.name);
  return {
    organisation,
    hostId,
    partyIds: partyIds ?? organisation.municipalities.map((m) => m.id),
    name: (id) => (id ? (names.get(id) ?? id) : '–'),
  };
}

/** Forgets what was read (at logout: the next person may see other parties). */
export function forgetDirectory(): void {
  loading = null;
}

/** The organisation is read once per page load; every page names parties through it. */
export function loadDirectory(): Promise<Directory> {
  loading ??= Promise.all([
    wholeOrganisation(),
    approvedDocuments(),
    api.get<Page<{ hostId: string; version: number; parties: { municipalityId: string }[] }>>(
      '/cooperation-agreements',
      { pageSize: 500 },
    ),
  ]).then(
    ([organisation, documents, agreements]) => {
      const newest = agreements.items.sort((a, b) => b.version - a.version)[0];
      return directoryOf(
        organisation,
        documents,
        newest?.hostId ?? null,
        newest ? newest.parties.map((p) => p.municipalityId) : null,
      );
    },
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Every page of the organisation (the API pages each of its lists). */
async function wholeOrganisation(): Promise<Organisation> {
  const whole: Organisation = { municipalities: [], units: [], companies: [], jointCommittees: [] };
  for (let page: number | null = 1; page !== null;) {
    const part: OrganisationPage = await api.get('/organisation', {
      page,
      pageSize: 500,
    });
    whole.municipalities.push(...part.municipalities);
    whole.units.push(...part.units);
    whole.companies.push(...part.companies);
    whole.jointCommittees.push(...part.jointCommittees);
    page = part.next;
  }
  return whole;
}

/** The approved models' documents: where services, pools and drivers get their names. */
async function approvedDocuments(): Promise<ModelDocument[]> {
  const versions = await api.get<Page<CostModelVersion>>('/cost-models', { pageSize: 500 });
  const approved = versions.items.filter((v) => v.status === 'approved');
  const full = await Promise.all(
    approved.map((v) => api.get<{ document: ModelDocument }>(`/cost-models/${v.id}`)),
  );
  return full.map((f) => f.document);
}
