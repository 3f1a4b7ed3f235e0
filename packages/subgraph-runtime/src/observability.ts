import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type pino from 'pino';
import { Counter, Histogram, Registry } from 'prom-client';
import type { SubgraphContext } from './context';

/** The header carrying one request id from the client, through the gateway, to every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The incoming request id when it is a sane token, else a fresh uuid. */
export function requestIdFrom(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}

/** Latency buckets in seconds, from a cached lookup to a slow report. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const MAX_OPERATION_LABELS = 200;

/**
 * Operation names are chosen by clients, so they are bounded before they become metric labels:
 * a name that is not a plain identifier, or any beyond the first 200 distinct ones, counts as "other".
 */
export function operationLabeller(): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(name);
    return name;
  };
}

export interface SubgraphMetrics {
  registry: Registry;
  plugin: ApolloServerPlugin<SubgraphContext>;
}

/**
 * Per operation: count, errors and a latency histogram, in a registry of this server's own (several
 * subgraphs can run in one process in tests), served at /metrics. Also one pino line per request
 * with the request id, so the gateway's line and each subgraph's line can be joined.
 */
export function createSubgraphMetrics(subgraph: string, logger: pino.Logger): SubgraphMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph });
  const labels = ['operation'] as const;
  const requests = new Counter({
    name: 'subgraph_operations_total',
    help: 'GraphQL operations answered, by operation name',
    labelNames: labels,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'subgraph_operation_errors_total',
    help: 'GraphQL operations answered with at least one error, by operation name',
    labelNames: labels,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'subgraph_operation_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name',
    labelNames: labels,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const label = operationLabeller();
  const plugin: ApolloServerPlugin<SubgraphContext> = {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, contextValue, errors: requestErrors }) {
          const seconds = (performance.now() - started) / 1000;
          const operation = label(operationName ?? request.operationName);
          const resultErrors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const failed = Boolean(requestErrors?.length || resultErrors?.length);
          requests.inc({ operation });
          if (failed) errors.inc({ operation });
          latency.observe({ operation }, seconds);
          logger.info(
            {
              requestId: contextValue?.requestId,
              operation,
              durationMs: Math.round(seconds * 1000),
              errors: resultErrors?.map((error) => error.extensions?.code ?? 'UNKNOWN'),
            },
            'subgraph request',
          );
        },
      };
    },
  };
  return { registry, plugin };
}
