import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type pino from 'pino';

/**
 * Errors with stable codes. Clients branch on `extensions.code`; messages say what was wrong and
 * what to do. Nothing else (stack traces, SQL) leaves the server.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export function badUserInput(message: string, field?: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}), ...details } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

const PASSED_THROUGH = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.CONFLICT,
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Keeps coded errors; replaces anything unexpected by a generic message and logs the original. */
export function createErrorFormatter(logger: pino.Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASSED_THROUGH.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    if (isDataException(original)) {
      // PostgreSQL refused a value (class 22: an id that is not a uuid, a NUL byte, a number out of
      // range): the request's fault, not the server's. Say so without echoing the SQL.
      logger.warn({ err: original, path: formatted.path }, 'a value was refused by the database');
      return {
        message:
          'A value in the request cannot be stored or looked up as given (an id of the wrong form, say, or a number out of range); check the ids and values you sent.',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error: the failure has been logged; try again, and report it if it persists.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** The SQLSTATE of a PostgreSQL error, directly or through TypeORM's QueryFailedError. */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** PostgreSQL's class 22, data exception: a value that does not fit its type. */
export function isDataException(error: unknown): boolean {
  return sqlState(error)?.startsWith('22') ?? false;
}

/** PostgreSQL's unique_violation (23505), raised through TypeORM's QueryFailedError. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } } | null)?.driverError?.code ?? (error as { code?: string } | null)?.code;
  return code === '23505';
}
