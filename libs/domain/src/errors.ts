/** One problem in an input, with the JSON path of the field it concerns. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * What kind of failure a domain error is; the API maps a kind to an HTTP status in one place.
 * invalid 400, unauthenticated 401, forbidden 403, not-found 404, conflict 409, too-large 413, unprocessable 422,
 * too-many 429, unavailable 503 (a service this one depends on does not answer).
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'too-large'
  | 'unprocessable'
  | 'too-many'
  | 'unavailable';

/** A business rule was broken; `code` is stable and documented, `message` is Swedish for users. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'unprocessable',
    readonly details: Problem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Input failed validation; every problem is listed, nothing was computed or stored. */
export class ValidationError extends DomainError {
  constructor(details: Problem[], message = 'Indata är ogiltiga', code = 'VALIDATION_FAILED') {
    super(code, message, 'invalid', details);
    this.name = 'ValidationError';
  }
}

/** Collects problems while validating a document, so all of them are reported at once. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(path: string, message: string): void {
    this.items.push({ path, message });
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
  /** Throws a ValidationError carrying every collected problem, if there is any. */
  throwIfAny(message?: string, code?: string): void {
    if (this.items.length > 0) throw new ValidationError(this.items, message, code);
  }
}
