import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessService, loadAccessDirectory, resolveResource } from '@it-samverkan/application';
import { decideAccess, Role, ROLES } from '@it-samverkan/domain';
import {
  ApiTokenEntity,
  CostModelVersionEntity,
  DecisionEntity,
  DevelopmentRequestEntity,
  IncidentEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  PersonEntity,
  ScenarioEntity,
  ServiceAgreementEntity,
  SplitRunEntity,
} from '@it-samverkan/persistence';
import { ACCESS_KEY, AccessRequirement } from '../../apps/api/src/common/access.decorator';
import { databaseSnapshot } from '../support/db-snapshot';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The done-when walk of issue 12: every route of the OpenAPI document × a token of every role ×
 * scope (each demo municipality, a bolag, unscoped). Reads: nothing private to another party
 * (an invoice's id or number, seen by its issuer and buyer only) appears in any answer, lists,
 * by id, CSV files, reports or audit entries; PDFs and Peppol of another's invoice answer 404.
 * Writes: the answer agrees with the policy table for the resources the route names, and a
 * refused write leaves every table as it was. Figures are printed at the end.
 */
const SCOPES = [null, 'ulricehamn', 'tranemo', 'svenljunga', 'bolag-ue'] as const;
type Scope = (typeof SCOPES)[number];

interface RouteRule {
  requirement: AccessRequirement;
}

/** "METHOD /api/v1/path/{param}" → the @Access of its handler, read from the running app. */
function accessRules(t: TestApp): Map<string, RouteRule> {
  const rules = new Map<string, RouteRule>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...a: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        const method = Reflect.getMetadata(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        const joined = ['', 'api/v1', base, String(path)]
          .join('/')
          .replace(/\/+/g, '/')
          .replace(/\/$/, '')
          .replace(/:([A-Za-z]+)/g, '{$1}');
        const requirement = Reflect.getMetadata(ACCESS_KEY, handler) as AccessRequirement | undefined;
        if (requirement) rules.set(`${RequestMethod[method].toLowerCase()} ${joined}`, { requirement });
      }
    }
  }
  return rules;
}

describe('every route × every role and scope against the policy table', () => {
  let t: TestApp;
  let db: DataSource;
  const tokens = new Map<string, { role: Role; scope: Scope; token: string }>();
  /** Markers of private documents: an issued invoice's id and number, and who may read it. */
  const secrets: { marker: string; readers: string[] }[] = [];
  const params: Record<string, string> = {};
  let privateInvoiceId = '';

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    db = t.dataSource;
    for (const role of ROLES)
      for (const scope of SCOPES)
        tokens.set(`${role}@${scope ?? '-'}`, {
          role,
          scope,
          token: await t.token(role, scope ?? undefined),
        });
    const finance = tokens.get('finance@ulricehamn')!.token;
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
    for (const invoice of await db.getRepository(InvoiceEntity).find({ where: { period: '2025-Q1' } })) {
      const issued = await t.http
        .post(`/api/v1/invoices/${invoice.id}/issue`)
        .set(t.auth(finance))
        .expect(200);
      const readers = [invoice.issuerId, invoice.buyerId, invoice.buyerMunicipalityId];
      secrets.push({ marker: invoice.id, readers }, { marker: issued.body.number as string, readers });
      if (invoice.buyerId === 'bolag-ue') privateInvoiceId = invoice.id;
    }
    // A Q2 draft, for the routes that edit drafts.
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q2' }).expect(201);
    const draft = await db
      .getRepository(InvoiceEntity)
      .findOneByOrFail({ period: '2025-Q2', buyerId: 'tranemo' });
    const line = await db.getRepository(InvoiceLineEntity).findOneByOrFail({ invoiceId: draft.id });
    const first = async <T extends object>(entity: new () => T) =>
      (await db.getRepository(entity).find({ take: 1 }))[0] as T & { id: string };
    await t.http
      .post(`/api/v1/cost-models/${(await first(CostModelVersionEntity)).id}/splits`)
      .set(t.auth())
      .expect(201);
    await t.person({
      username: 'walk',
      displayName: 'Walk',
      role: 'readonly',
      scope: 'tranemo',
      password: 'walk-the-whole-table-1',
    });
    Object.assign(params, {
      invoice: draft.id,
      lineId: line.id,
      issued: privateInvoiceId,
      token: (await db.getRepository(ApiTokenEntity).findOneByOrFail({ name: 'bootstrap-admin' })).id,
      person: (await first(PersonEntity)).id,
      incident: (await first(IncidentEntity)).id,
      costModel: (await first(CostModelVersionEntity)).id,
      split: (await first(SplitRunEntity)).id,
      decision: (await first(DecisionEntity)).id,
      scenario: (await first(ScenarioEntity)).id,
      request: (await first(DevelopmentRequestEntity)).id,
      agreement: (await first(ServiceAgreementEntity)).id,
    });
  }, 300_000);
  afterAll(() => t.close());

  /** A concrete path: the private bolag invoice for reads and files, the Tranemo draft for edits. */
  function concrete(path: string, method: string): string {
    return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      if (name === 'id') {
        if (path.includes('/invoices/'))
          return method === 'get' || path.endsWith('/credit') ? params.issued : params.invoice;
        if (path.includes('/tokens/')) return params.token;
        if (path.includes('/persons/')) return params.person;
        if (path.includes('/incidents/')) return params.incident;
        if (path.includes('/cost-models/')) return params.costModel;
        if (path.includes('/splits/')) return params.split;
        if (path.includes('/decisions/')) return params.decision;
        if (path.includes('/scenarios/')) return params.scenario;
        if (path.includes('/utveckling/')) return params.request;
        if (path.includes('/service-agreements/')) return params.agreement;
        if (path.includes('/units/')) return 'ulr-bou';
        if (path.includes('/tariffs/')) return '00000000-0000-4000-8000-000000000000';
      }
      return (
        (
          {
            lineId: params.lineId,
            period: '2025-Q4',
            year: '2025',
            tertial: '2025-T1',
            serviceId: 'arbetsplats',
            consumerId: 'tra-oms',
          } as Record<string, string>
        )[name] ?? 'x'
      );
    });
  }

  it('answers every call as the policy says; nothing private leaks; a refused write changes nothing', async () => {
    const started = Date.now();
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const rules = accessRules(t);
    const directory = await loadAccessDirectory(db);
    const figures = { routes: 0, calls: 0, allowed: 0, refused: 0, refusedWrites: 0, leaks: 0 };
    const failures: string[] = [];
    const query = '?period=2025-Q1&format=csv&month=2025-03&pageSize=500';
    const body = {
      period: '2025-Q3',
      year: 2025,
      forum: 'drift',
      role: 'readonly',
      scope: 'tranemo',
      partyKind: 'company',
      partyId: 'bolag-ue',
      unitId: 'tra-utb',
      municipalityId: 'tranemo',
      ownerMunicipalityId: 'tranemo',
      hostMunicipalityId: 'tranemo',
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1')) continue;
      for (const method of Object.keys(methods)) {
        const key = `${method} ${path}`;
        if (/auth\/(login|oidc)/.test(path)) continue; // public: no grant involved
        const rule = rules.get(key);
        figures.routes++;
        if (!rule) {
          failures.push(`${key}: no @Access rule`);
          continue;
        }
        const url = concrete(path, method);
        const pathParams: Record<string, string> = {};
        const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        const values = url.split('/').filter((_s, i) => path.split('/')[i]?.startsWith('{'));
        names.forEach((n, i) => (pathParams[n] = values[i]));
        const refs = rule.requirement.resources({ params: pathParams, query: {}, body });
        const resources = await Promise.all(refs.map((r) => resolveResource(db, r, directory)));
        // Refusals first: one snapshot before them and one after, since none may change anything.
        const principals = [...tokens].map(([label, p]) => {
          const actor = AccessService.actorOf(directory, {
            id: null,
            name: label,
            role: p.role,
            scope: p.scope,
          } as never);
          const allowed = resources.every(
            (resource) =>
              decideAccess({
                actor,
                action: rule.requirement.action,
                resource,
                cooperation: directory.cooperation,
              }).allowed,
          );
          return { label, ...p, allowed };
        });
        principals.sort((a, b) => Number(a.allowed) - Number(b.allowed) || (a.label === 'admin@-' ? -1 : 0));
        const write = method !== 'get';
        const refusedCount = principals.filter((p) => !p.allowed).length;
        const before = write && refusedCount > 0 ? await databaseSnapshot(db) : '';
        let unscopedAdminStatus = 0;
        let index = 0;
        for (const p of principals) {
          let req = (t.http as any)[method](`${url}${query}`).set(t.auth(p.token));
          if (write) req = req.send(body);
          const res = await req;
          figures.calls++;
          if (p.label === 'admin@-') unscopedAdminStatus = res.status;
          if (p.allowed) {
            figures.allowed++;
            // A write may find its target changed by an earlier allowed write (a line already deleted).
            const missing = res.status === 404 && unscopedAdminStatus !== 404 && !write;
            if (res.status === 401 || res.status === 403 || missing)
              failures.push(
                `${p.label} ${key}: allowed by the policy but answered ${res.status} ${res.body?.error}`,
              );
          } else {
            figures.refused++;
            if (write) figures.refusedWrites++;
            if (res.status !== 403 && res.status !== 404)
              failures.push(`${p.label} ${key}: refused by the policy but answered ${res.status}`);
          }
          if (++index === refusedCount && write && (await databaseSnapshot(db)) !== before)
            failures.push(`${key}: a refused write changed data`);
          if (p.scope && res.status < 300) {
            const text = Buffer.isBuffer(res.body)
              ? res.body.toString('latin1')
              : (res.text ?? JSON.stringify(res.body));
            for (const secret of secrets) {
              if (!secret.readers.includes(p.scope) && text.includes(secret.marker)) {
                figures.leaks++;
                failures.push(
                  `${p.label} ${method} ${url}: shows ${secret.marker}, private to ${secret.readers.join('+')}`,
                );
              }
            }
          }
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `access walk: ${figures.routes} routes × ${tokens.size} principals = ${figures.calls} calls; allowed ${figures.allowed}, ` +
        `refused ${figures.refused} (writes ${figures.refusedWrites}, none changed data), leaks ${figures.leaks}; ${seconds} s`,
    );
    expect(failures).toEqual([]);
    expect(figures.leaks).toBe(0);
    expect(figures.refused).toBeGreaterThan(0);
  }, 900_000);
});
