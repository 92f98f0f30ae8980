/** The roles a grant (an API token, later a person) can hold; admin holds every role's rights. */
export const ROLES = [
  'admin',
  'tjanstefiering',
  'finance',
  'drift',
  'utveckling',
  'styrgrupp',
  'readonly',
] as const;
export type Role = (typeof ROLES)[number];

/** The forums whose decisions the register holds (DOMAIN.md 8). */
export const FORUMS = ['styrgrupp', 'drift', 'utveckling', 'tjanstefiering', 'informationssakerhet'] as const;
export type Forum = (typeof FORUMS)[number];

/** What a forum's decision approves: a model version, a framework assignment, a tariff or an agreement version. */
export interface ApprovedObject {
  type:
    | 'cost-model-version'
    | 'framework-assignment'
    | 'on-call-tariff'
    | 'agreement-version'
    | 'development-request';
  id: string;
}
