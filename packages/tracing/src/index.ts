/**
 * OpenTelemetry traces for every process: gateway → subgraph → SQL in one trace.
 *
 * Off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the standard variables), so a developer's machine and CI
 * pay nothing. When on: incoming and outgoing HTTP (the gateway's subgraph fetches carry the W3C
 * traceparent header), Apollo Gateway's own spans (plan, fetch), and every pg statement.
 *
 * Instrumentation works by patching `http` and `pg` as they are loaded, so it must start before
 * either is required: each process's main file imports '@safeguarding/tracing/register' first.
 */
import { trace, type Span } from '@opentelemetry/api';

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP base URL, e.g. http://collector:4318 (the exporter posts to <base>/v1/traces). */
  endpoint?: string;
  /** Full traces URL, when the collector does not use the standard path. */
  tracesEndpoint?: string;
}

export interface RunningTracing {
  /** Sends the spans still buffered and stops; call it on shutdown. */
  shutdown(): Promise<void>;
}

let running: RunningTracing | undefined;

/** Starts tracing once per process; returns undefined (and does nothing) without an endpoint. */
export function startTracing(options: TracingOptions): RunningTracing | undefined {
  if (running) return running;
  const url = options.tracesEndpoint ?? (options.endpoint ? `${options.endpoint.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (!url) return undefined;
  try {
    new URL(url);
  } catch {
    throw new Error(`The OTLP endpoint "${url}" is not a URL; set OTEL_EXPORTER_OTLP_ENDPOINT to e.g. http://127.0.0.1:4318, or unset it to turn tracing off.`);
  }
  // The SDK and instrumentations load only when tracing is on: they are half a second of every
  // process's start, which a restarted subgraph should not pay for nothing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when tracing is on, as said above.
  const { startTracingSdk } = require('./sdk') as typeof import('./sdk');
  running = startTracingSdk(options.serviceName, url);
  return running;
}

/** The service name for this process: OTEL_SERVICE_NAME, or the workspace folder of the main script. */
export function serviceNameOf(mainScript: string | undefined, environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.OTEL_SERVICE_NAME) return environment.OTEL_SERVICE_NAME;
  const match = /(?:services[\\/]([^\\/]+)|(gateway))[\\/]dist[\\/]/.exec(mainScript ?? '');
  return match?.[1] ?? match?.[2] ?? 'safeguarding-platform';
}

/** Starts tracing from the standard OpenTelemetry environment variables (off when none is set). */
export function startTracingFromEnvironment(environment: NodeJS.ProcessEnv = process.env): RunningTracing | undefined {
  return startTracing({
    serviceName: serviceNameOf(process.argv[1], environment),
    endpoint: environment.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
    tracesEndpoint: environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || undefined,
  });
}

/** The running tracing, if any (so shutdown can flush it). */
export function currentTracing(): RunningTracing | undefined {
  return running;
}

/** A pino mixin: log lines written inside a traced request carry its trace and span ids. */
export function traceLogFields(): { trace_id?: string; span_id?: string } {
  const span: Span | undefined = trace.getActiveSpan();
  if (!span) return {};
  const context = span.spanContext();
  return { trace_id: context.traceId, span_id: context.spanId };
}
