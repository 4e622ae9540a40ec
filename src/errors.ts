// The project's one error class: every user-facing failure carries a code, a place and what was expected.

/** Stable machine-readable error codes; the CLI maps every one of them to exit code 1 or 2. */
export type ErrorCode =
  | 'USAGE' // bad command line
  | 'FILE_NOT_FOUND'
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'NO_INFOBOX'
  | 'BAD_INFOBOX'
  | 'TRUNCATED_TABLE'
  | 'BAD_TABLE_ROW'
  | 'BAD_TRACK'
  | 'STRICT' // --strict: the article has diagnostics
  | 'BAD_REFERENCE'
  | 'BAD_METADATA'
  | 'BAD_CURATION'
  | 'INVALID_FACTS'
  | 'BAD_RDF'
  | 'BAD_QUERY'
  | 'UNKNOWN_QUERY'
  | 'UNKNOWN_FORMAT'
  | 'SHACL_VIOLATION'
  | 'VOCABULARY'
  | 'ENDPOINT'
  | 'IO';

/** Where the problem is: a file with an optional 1-based line, and/or a field path such as `accolades[12].result`. */
export interface ErrorPlace {
  readonly file?: string;
  readonly line?: number;
  readonly path?: string;
}

/**
 * A failure the user can act on. `message` reads as one line:
 * `<file>:<line>: <path>: expected <expected>; got <found>`.
 * Only the CLI turns it into an exit code; library code throws it.
 */
export class FilmkgError extends Error {
  override readonly name = 'FilmkgError';
  readonly code: ErrorCode;
  readonly place: ErrorPlace;
  readonly expected: string | undefined;
  readonly found: string | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { place?: ErrorPlace; expected?: string; found?: string; cause?: unknown } = {},
  ) {
    super(formatMessage(detail, options.place ?? {}, options.expected, options.found), { cause: options.cause });
    this.code = code;
    this.place = options.place ?? {};
    this.expected = options.expected;
    this.found = options.found;
  }
}

function formatMessage(detail: string, place: ErrorPlace, expected?: string, found?: string): string {
  const where = [place.file, place.line !== undefined ? String(place.line) : undefined].filter(Boolean).join(':');
  const prefix = [where, place.path].filter(Boolean).join(': ');
  const wanted = expected !== undefined ? `; expected ${expected}` : '';
  const got = found !== undefined ? `; got ${JSON.stringify(found.length > 80 ? `${found.slice(0, 77)}...` : found)}` : '';
  return `${prefix ? `${prefix}: ` : ''}${detail}${wanted}${got}`;
}

/** True for errors the CLI should print as a one-line message rather than a stack trace. */
export function isUserError(error: unknown): error is FilmkgError {
  return error instanceof FilmkgError;
}
