import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

/**
 * Client mistakes Apollo Server lets through as 500s. With a gateway, choosing the operation is
 * left to the gateway's executor, which throws INVALID_GRAPHQL for a document of several
 * operations without `operationName`, or an `operationName` the document does not have: refused
 * here first, with 400 and a message saying what to send.
 */
export const operationChoicePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (operation) return;
        const names = document.definitions.flatMap((definition) =>
          definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? '(unnamed)'] : [],
        );
        const message =
          names.length === 0
            ? 'The query has no operation to run (only fragments); send a query or a mutation.'
            : request.operationName
              ? `The query has no operation named "${request.operationName}"; its operations are: ${names.join(', ')}.`
              : `The query has ${names.length} operations (${names.join(', ')}); say which to run with "operationName".`;
        throw new GraphQLError(message, { extensions: { code: 'OPERATION_NOT_CHOSEN', http: { status: 400 } } });
      },
    };
  },
};

/**
 * Apollo Server answers 400 to a malformed automatic persisted query but with the code
 * INTERNAL_SERVER_ERROR, which reads as the platform's fault. Keyed by its messages.
 */
const PERSISTED_QUERY_MISTAKES: Record<string, string> = {
  'Unsupported persisted query version': 'The persisted query version is not supported; send extensions.persistedQuery.version 1.',
  'provided sha does not match query': 'extensions.persistedQuery.sha256Hash does not match the query; send the SHA-256 of exactly the query text you send.',
};

/** Rewrites the errors above; formatError calls it on every error. */
export function clientMistake(message: string, code: unknown): { message: string; code: string } | undefined {
  const rewritten = code === 'INTERNAL_SERVER_ERROR' ? PERSISTED_QUERY_MISTAKES[message] : undefined;
  return rewritten ? { message: rewritten, code: 'PERSISTED_QUERY_INVALID' } : undefined;
}
