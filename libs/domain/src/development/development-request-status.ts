import { DomainError } from '../errors';

/** The life of a development request (DOMAIN.md 8.2). */
export const DEVELOPMENT_STATUSES = [
  'received',
  'prioritised',
  'decided',
  'in-progress',
  'done',
  'rejected',
] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

/** Swedish names of the statuses, for lists and messages. */
export const DEVELOPMENT_STATUS_LABELS: Record<DevelopmentStatus, string> = {
  received: 'Mottaget',
  prioritised: 'Prioriterat',
  decided: 'Beslutat',
  'in-progress': 'Pågående',
  done: 'Klart',
  rejected: 'Avslaget',
};

/** How a request is funded: shared through the cost model, or billed to the requester as an additional assignment. */
export const DEVELOPMENT_FUNDINGS = ['framework', 'additional'] as const;
export type DevelopmentFunding = (typeof DEVELOPMENT_FUNDINGS)[number];

export const DEVELOPMENT_FUNDING_LABELS: Record<DevelopmentFunding, string> = {
  framework: 'Inom ramuppdraget',
  additional: 'Tilläggsuppdrag (debiteras beställaren)',
};

/** The statuses a request may move to from each status. */
export const DEVELOPMENT_TRANSITIONS: Record<DevelopmentStatus, readonly DevelopmentStatus[]> = {
  received: ['prioritised', 'rejected'],
  prioritised: ['decided', 'rejected'],
  decided: ['in-progress', 'rejected'],
  'in-progress': ['done'],
  done: [],
  rejected: [],
};

/** Moving to these statuses must cite the forum's decision. */
export const DEVELOPMENT_STATUSES_NEEDING_DECISION: readonly DevelopmentStatus[] = ['decided', 'rejected'];

/** Statuses in which the forum still takes a request up at its meeting. */
export const DEVELOPMENT_STATUSES_TO_TAKE_UP: readonly DevelopmentStatus[] = ['received', 'prioritised'];

/** Statuses in which worked hours may be reported. */
export const DEVELOPMENT_STATUSES_ACCEPTING_HOURS: readonly DevelopmentStatus[] = ['in-progress', 'done'];

/** Funding may be changed until the forum has decided. */
export const DEVELOPMENT_STATUSES_WITH_OPEN_FUNDING: readonly DevelopmentStatus[] = [
  'received',
  'prioritised',
];

/** Statuses in which the forum has granted the request, so its funding is the one decided. */
export const DEVELOPMENT_STATUSES_WITH_DECIDED_FUNDING: readonly DevelopmentStatus[] = [
  'decided',
  'in-progress',
  'done',
];

/** True when a request may move from `from` to `to`. */
export function canMoveDevelopmentRequest(from: DevelopmentStatus, to: DevelopmentStatus): boolean {
  return DEVELOPMENT_TRANSITIONS[from].includes(to);
}

/** Throws a 409 INVALID_TRANSITION naming both statuses and the allowed ones when the move is not allowed. */
export function assertDevelopmentTransition(from: DevelopmentStatus, to: DevelopmentStatus): void {
  if (canMoveDevelopmentRequest(from, to)) return;
  const allowed = DEVELOPMENT_TRANSITIONS[from].map((s) => DEVELOPMENT_STATUS_LABELS[s]);
  const hint =
    allowed.length > 0
      ? `; tillåtet härifrån: ${allowed.join(', ')}`
      : `; ett ärende med status ${DEVELOPMENT_STATUS_LABELS[from]} är avslutat`;
  throw new DomainError(
    'INVALID_TRANSITION',
    `Ett utvecklingsärende med status ${DEVELOPMENT_STATUS_LABELS[from]} kan inte få status ${DEVELOPMENT_STATUS_LABELS[to]}${hint}`,
    'conflict',
    [{ path: 'status', message: `Otillåten statusändring ${from} → ${to}` }],
  );
}
