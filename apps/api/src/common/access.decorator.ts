import { SetMetadata } from '@nestjs/common';
import type { AccessAction } from '@it-samverkan/domain';
import type { ResourceRef } from '@it-samverkan/application';

export const ACCESS_KEY = 'it-samverkan:access';

/** The raw request as the guard sees it: before validation, so resolvers read it defensively. */
export interface AccessRequestView {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

export interface AccessRequirement {
  action: AccessAction;
  resources: (request: AccessRequestView) => ResourceRef[];
}

const SHARED: ResourceRef[] = [{ type: 'shared' }];

/**
 * The action a route performs and the resources it names (by id from the path, or by party from the
 * body). The AccessGuard decides with the domain's policy table before the handler runs; a route
 * without it is open only to an unscoped admin.
 */
export const Access = (
  action: AccessAction,
  resources: (request: AccessRequestView) => ResourceRef[] = () => SHARED,
) => SetMetadata(ACCESS_KEY, { action, resources } satisfies AccessRequirement);

/** Resolvers for the resources routes name, so each is written once. */
export const named = {
  shared: (): ResourceRef[] => SHARED,
  own: (): ResourceRef[] => [{ type: 'own' }],
  ownBooks: (): ResourceRef[] => [{ type: 'books', municipalityId: null }],
  /** The books of the municipality the query names as `buyer`, or the actor's own. */
  buyerBooks: (r: AccessRequestView): ResourceRef[] => [
    { type: 'books', municipalityId: typeof r.query.buyer === 'string' ? r.query.buyer : null },
  ],
  invoicing: (): ResourceRef[] => [{ type: 'invoicing' }],
  invoice: (r: AccessRequestView): ResourceRef[] => [{ type: 'invoice-id', id: r.params.id }],
  internalCharge: (r: AccessRequestView): ResourceRef[] => [{ type: 'internal-charge-id', id: r.params.id }],
  unit: (r: AccessRequestView): ResourceRef[] => [{ type: 'unit-id', id: r.params.id }],
  incident: (r: AccessRequestView): ResourceRef[] => [{ type: 'incident-id', id: r.params.id }],
  developmentRequest: (r: AccessRequestView): ResourceRef[] => [
    { type: 'development-request-id', id: r.params.id },
  ],
  forum: (forum: string) => (): ResourceRef[] => [{ type: 'forum', forum }],
};
