// The small set of typed domain errors every service throws. They carry a stable English
// `code` for machines and a Vietnamese `message` for people; src/platform/http/errors.ts maps
// them to HTTP in one place.

export type DomainErrorKind =
  | 'NotFound'
  | 'Forbidden'
  | 'Unauthenticated'
  | 'InvalidTransition'
  | 'ValidationFailed'
  | 'Conflict'
  | 'TooManyRequests'
  | 'TooLarge'
  | 'UnsupportedMediaType'
  /** an outside service (the e-ID provider…) cannot answer now: try again later */
  | 'Unavailable';

export interface ErrorDetail {
  /** JSON pointer or dotted path of the offending field, or a row reference like "row 12". */
  readonly path?: string;
  readonly message: string;
  /** a stable code of this problem when a client acts on it (e.g. `SITUATION_REQUIRED`) */
  readonly code?: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `DOSSIER_NOT_FOUND`. */
    readonly code: string,
    /** Vietnamese, shown to the user. */
    message: string,
    readonly details?: readonly ErrorDetail[],
    /** For TooManyRequests: when to try again (the HTTP `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = kind;
  }
}

export const notFound = (code: string, message: string): DomainError =>
  new DomainError('NotFound', code, message);
export const forbidden = (code: string, message: string): DomainError =>
  new DomainError('Forbidden', code, message);
export const unauthenticated = (code: string, message: string): DomainError =>
  new DomainError('Unauthenticated', code, message);
export const invalidTransition = (code: string, message: string): DomainError =>
  new DomainError('InvalidTransition', code, message);
export const validationFailed = (
  code: string,
  message: string,
  details?: readonly ErrorDetail[],
): DomainError => new DomainError('ValidationFailed', code, message, details);
export const conflict = (code: string, message: string): DomainError =>
  new DomainError('Conflict', code, message);
export const tooManyRequests = (code: string, message: string, retryAfterSeconds?: number): DomainError =>
  new DomainError('TooManyRequests', code, message, undefined, retryAfterSeconds);

/** 413: the content is larger than allowed (an upload over the size limit). */
export const tooLarge = (code: string, message: string): DomainError => new DomainError('TooLarge', code, message);
/** 415: the content is not of a type accepted (a program, a mislabelled file). */
export const unsupportedMediaType = (code: string, message: string): DomainError => new DomainError('UnsupportedMediaType', code, message);

export const unavailable = (code: string, message: string): DomainError => new DomainError('Unavailable', code, message);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
