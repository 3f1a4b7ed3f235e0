/**
 * The OpenTelemetry SDK and its instrumentations, loaded by index.ts only when tracing is on.
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { RunningTracing } from './index';

/** Probes and scrapes would be most of the spans and tell nothing. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

export function startTracingSdk(serviceName: string, url: string): RunningTracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
  const exportUrl = new URL(url);
  const unregister = registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]!),
        // The exporter's own posts would trace themselves, forever.
        ignoreOutgoingRequestHook: (request) => String(request.port ?? '') === exportUrl.port && request.hostname === exportUrl.hostname,
      }),
      // The gateway calls subgraphs through undici (fetch), which the http instrumentation does not see.
      new UndiciInstrumentation({ ignoreRequestHook: (request) => UNTRACED_PATHS.has(request.path.split('?')[0]!) }),
      // Statement text is recorded (it holds $1 placeholders, never values); parameters are not.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  return {
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}
