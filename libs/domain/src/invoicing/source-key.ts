import { DomainError } from '../errors';

/**
 * What an invoice line or internal charge was made from. Its text form is unique per line, so a
 * run made twice adds nothing twice; build and read it only here.
 */
export type SourceKey =
  | { kind: 'cost-share'; period: string; consumerId: string; serviceId: string }
  | { kind: 'agreement'; agreementId: string; period: string }
  | { kind: 'on-call'; incidentId: string }
  | { kind: 'development'; hoursId: string }
  | { kind: 'settlement'; year: number; consumerId: string }
  | { kind: 'credit'; creditNoteId: string; creditedLineId: string };

/** The stored text of a source key, e.g. `cost-share:2025-Q1:tra-oms:arbetsplats`. */
export function formatSourceKey(key: SourceKey): string {
  switch (key.kind) {
    case 'cost-share':
      return `cost-share:${key.period}:${key.consumerId}:${key.serviceId}`;
    case 'agreement':
      return `agreement:${key.agreementId}:${key.period}`;
    case 'on-call':
      return `on-call:${key.incidentId}`;
    case 'development':
      return `development:${key.hoursId}`;
    case 'settlement':
      return `settlement:${key.year}:${key.consumerId}`;
    case 'credit':
      return `credit:${key.creditNoteId}:${key.creditedLineId}`;
  }
}

/** Reads a stored source key; null for keys no run makes (manual lines, test data). */
export function parseSourceKey(text: string): SourceKey | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  // Ids never hold a colon except the last field, which takes the rest of the text.
  const fields = (count: number): string[] | null => {
    const parts = rest.split(':');
    if (parts.length < count) return null;
    const head = parts.slice(0, count - 1);
    const tail = parts.slice(count - 1).join(':');
    return [...head, tail].every((p) => p.length > 0) ? [...head, tail] : null;
  };
  switch (kind) {
    case 'cost-share': {
      const f = fields(3);
      return f && { kind, period: f[0], consumerId: f[1], serviceId: f[2] };
    }
    case 'agreement': {
      const f = fields(2);
      return f && { kind, agreementId: f[0], period: f[1] };
    }
    case 'on-call':
      return rest ? { kind, incidentId: rest } : null;
    case 'development':
      return rest ? { kind, hoursId: rest } : null;
    case 'settlement': {
      const f = fields(2);
      return f && /^\d{4}$/.test(f[0]) ? { kind, year: Number(f[0]), consumerId: f[1] } : null;
    }
    case 'credit': {
      const f = fields(2);
      return f && { kind, creditNoteId: f[0], creditedLineId: f[1] };
    }
    default:
      return null;
  }
}

/** The invoice line a credit-note line credits, read from its source key. */
export function creditedLineOf(sourceKey: string): string {
  const key = parseSourceKey(sourceKey);
  if (key?.kind !== 'credit')
    throw new DomainError(
      'SOURCE_KEY_INVALID',
      `Raden ${sourceKey} är ingen krediteringsrad`,
      'unprocessable',
    );
  return key.creditedLineId;
}

/** The text every cost-share key of a year starts with (cost-share:2025…), for a prefix lookup. */
export function costShareKeyPrefix(year: number): string {
  return `cost-share:${year}`;
}
