export type DomainErrorKind =
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'invalid'
  | 'too-large'
  | 'unsupported'
  // A credential the caller brought does not stand: a site's sign-in token (CH1), 401.
  | 'unauthenticated';

/** A refused command. The HTTP layer maps `kind` to a 4xx status and shows `message`. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not-found', `${what} not found`);
export const conflict = (message: string) => new DomainError('conflict', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);

/** A configuration that would be inconsistent: every problem is listed for the admin. */
export class ConfigProblemsError extends DomainError {
  constructor(
    readonly problems: string[],
    kind: DomainErrorKind = 'invalid',
    summary = 'The configuration has problems; nothing was changed',
  ) {
    super(kind, `${summary}: ${problems.join('; ')}`);
    this.name = 'ConfigProblemsError';
  }
}
