import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type pino from 'pino';
import { Counter, Histogram, Registry } from 'prom-client';

/** The header carrying one request id from the client, through the gateway, to every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The incoming request id when it is a sane token, else a fresh uuid. */
export function requestIdFrom(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}

/** Gives every request an id (the client's x-request-id if sane) and returns it in the response header. */
export function requestIdMiddleware(): RequestHandler {
  return (request, response, next) => {
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    response.locals.requestId = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const MAX_OPERATION_LABELS = 200;

/** Client-chosen operation names, bounded before they become labels (see the subgraph runtime's twin). */
function operationLabeller(): (name: string | null | undefined) => string {
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

export interface GatewayMetrics {
  registry: Registry;
  plugin: ApolloServerPlugin<{ requestId?: string }>;
  /** Times one fetch from a subgraph; call the result with whether it failed. */
  startFetch(subgraph: string): (failed: boolean) => void;
}

/**
 * Prometheus metrics at the gateway's /metrics: per operation name count, errors and latency; per
 * subgraph fetch count, errors and latency. Plus one pino line per request with its request id.
 */
export function createGatewayMetrics(logger: pino.Logger): GatewayMetrics {
  const registry = new Registry();
  const operations = new Counter({
    name: 'gateway_operations_total',
    help: 'GraphQL operations answered, by operation name',
    labelNames: ['operation'],
    registers: [registry],
  });
  const operationErrors = new Counter({
    name: 'gateway_operation_errors_total',
    help: 'GraphQL operations answered with at least one error, by operation name',
    labelNames: ['operation'],
    registers: [registry],
  });
  const operationLatency = new Histogram({
    name: 'gateway_operation_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const fetches = new Counter({ name: 'gateway_subgraph_fetches_total', help: 'Fetches from each subgraph', labelNames: ['subgraph'], registers: [registry] });
  const fetchErrors = new Counter({
    name: 'gateway_subgraph_fetch_errors_total',
    help: 'Fetches from each subgraph that failed or answered errors',
    labelNames: ['subgraph'],
    registers: [registry],
  });
  const fetchLatency = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Time of one fetch from a subgraph',
    labelNames: ['subgraph'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const label = operationLabeller();
  return {
    registry,
    plugin: {
      async requestDidStart({ request }) {
        const started = performance.now();
        return {
          async willSendResponse({ response, operationName, contextValue, errors }) {
            const seconds = (performance.now() - started) / 1000;
            const operation = label(operationName ?? request.operationName);
            const resultErrors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            operations.inc({ operation });
            if (errors?.length || resultErrors?.length) operationErrors.inc({ operation });
            operationLatency.observe({ operation }, seconds);
            logger.info(
              {
                requestId: contextValue?.requestId,
                operation,
                durationMs: Math.round(seconds * 1000),
                errors: resultErrors?.map((error) => error.extensions?.code ?? 'UNKNOWN'),
              },
              'gateway request',
            );
          },
        };
      },
    },
    startFetch(subgraph) {
      const started = performance.now();
      return (failed) => {
        fetches.inc({ subgraph });
        if (failed) fetchErrors.inc({ subgraph });
        fetchLatency.observe({ subgraph }, (performance.now() - started) / 1000);
      };
    },
  };
}
