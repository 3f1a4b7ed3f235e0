/**
 * OpenTelemetry traces span gateway → subgraph → SQL: the gateway and a subgraph run as real
 * processes (instrumentation patches http and pg as they load, which jest's module system would
 * bypass), export OTLP/HTTP JSON to a collector in this test, and the spans of one request form
 * one tree. Off when no endpoint is configured.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { startTracingFromEnvironment } from '@safeguarding/tracing';
import { createTestDatabase, grant, postGraphQL, type TestDatabase } from '@safeguarding/testkit';
import { eventually, freePort } from './support/harness';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const SPAN_KIND = { SERVER: 2, CLIENT: 3 } as const;

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number };
}
interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | undefined>;
}

/** A minimal OTLP/HTTP JSON collector: keeps every span it is sent. */
async function startCollector(): Promise<{ url: string; spans: CollectedSpan[]; close(): Promise<void> }> {
  const spans: CollectedSpan[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as {
        resourceSpans?: {
          resource: { attributes: OtlpAttribute[] };
          scopeSpans: { spans: (Omit<CollectedSpan, 'service' | 'attributes'> & { attributes?: OtlpAttribute[] })[] }[];
        }[];
      };
      for (const resourceSpan of body.resourceSpans ?? []) {
        const service = resourceSpan.resource.attributes.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '?';
        for (const scope of resourceSpan.scopeSpans)
          for (const span of scope.spans) {
            const attributes = Object.fromEntries(
              (span.attributes ?? []).map((attribute) => [attribute.key, attribute.value.stringValue ?? attribute.value.intValue]),
            );
            spans.push({ ...span, service, attributes, parentSpanId: span.parentSpanId || undefined });
          }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function startProcess(script: string, environment: Record<string, string>): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const child = spawn(process.execPath, [path.join(REPOSITORY_ROOT, script)], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

describe('traces across the federation', () => {
  let database: TestDatabase;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let subgraph: ReturnType<typeof startProcess> | undefined;
  let gateway: ReturnType<typeof startProcess> | undefined;
  let gatewayUrl: string;
  let subgraphUrl: string;

  beforeAll(async () => {
    [database, collector] = await Promise.all([createTestDatabase({ seeded: true }), startCollector()]);
    const [subgraphPort, gatewayPort, closedPort] = [await freePort(), await freePort(), await freePort()];
    subgraphUrl = `http://127.0.0.1:${subgraphPort}/graphql`;
    gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    // Spans are sent every 100 ms instead of every 5 s, so the test need not wait.
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    subgraph = startProcess('services/arrangements/dist/main.js', {
      ...tracing,
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(database.poolSize),
      ARRANGEMENTS_PORT: String(subgraphPort),
    });
    const elsewhere = `http://127.0.0.1:${closedPort}/graphql`;
    gateway = startProcess('gateway/dist/main.js', {
      ...tracing,
      GATEWAY_PORT: String(gatewayPort),
      ARRANGEMENTS_URL: subgraphUrl,
      // Only arrangements runs; the query below needs nothing else.
      MEMBERSHIP_URL: elsewhere,
      REVIEWS_URL: elsewhere,
      TRAINING_URL: elsewhere,
      THRESHOLDS_URL: elsewhere,
    });
    const ready = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(1000) }).catch(() => undefined))?.ok === true;
    const started = await eventually(
      async () => (await ready(subgraphUrl.replace(/graphql$/, 'ready'))) && (await ready(gatewayUrl.replace(/graphql$/, 'health'))),
      600,
      200,
    );
    if (!started) throw new Error(`The processes did not start:\n${subgraph.output.join('')}\n${gateway.output.join('')}`);
  });
  afterAll(async () => {
    await Promise.all([stopProcess(gateway?.child), stopProcess(subgraph?.child)]);
    await Promise.all([collector?.close(), database?.drop()]);
  });

  it('links the gateway request, its subgraph fetch and the SQL statements in one trace', async () => {
    const response = await postGraphQL<{ partnership: { name: string; bodies: { id: string }[] } }>(
      gatewayUrl,
      `query TracedStructure($slug: String!) { partnership(slug: $slug) { name bodies { id } } }`,
      { variables: { slug: 'shropshire' }, as: [grant('analyst')] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.partnership.bodies.map((body) => body.id)).toContain('shropshire.safeguarding-children-partnership');

    // The gateway's incoming request: the root of the trace.
    const isRoot = (span: CollectedSpan) => span.service === 'gateway' && span.kind === SPAN_KIND.SERVER && !span.parentSpanId;
    const isSql = (span: CollectedSpan) =>
      span.service === 'arrangements' && (span.attributes['db.system'] === 'postgresql' || span.attributes['db.system.name'] === 'postgresql');
    const complete = await eventually(async () => {
      const root = collector.spans.find(isRoot);
      return Boolean(root && collector.spans.some((span) => span.traceId === root.traceId && isSql(span)));
    }, 150);
    expect(complete).toBe(true);

    const root = collector.spans.find(isRoot)!;
    const trace = collector.spans.filter((span) => span.traceId === root.traceId);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const ancestors = (span: CollectedSpan) => {
      const chain: CollectedSpan[] = [];
      for (let parent = byId.get(span.parentSpanId ?? ''); parent; parent = byId.get(parent.parentSpanId ?? '')) chain.push(parent);
      return chain;
    };

    // gateway (server) → gateway (client fetch) → arrangements (server) → SQL
    const subgraphServer = trace.find((span) => span.service === 'arrangements' && span.kind === SPAN_KIND.SERVER)!;
    expect(subgraphServer).toBeDefined();
    const fetchSpan = byId.get(subgraphServer.parentSpanId!)!;
    expect(fetchSpan).toMatchObject({ service: 'gateway', kind: SPAN_KIND.CLIENT });
    expect(ancestors(fetchSpan)).toContain(root);
    // Apollo Gateway's own spans sit between the request and the fetch.
    expect(ancestors(fetchSpan).map((span) => span.name)).toEqual(expect.arrayContaining(['gateway.request']));

    const statements = trace.filter(isSql);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(ancestors(statement)).toContain(subgraphServer);
    // Statements are recorded with placeholders; the values (here the slug) never leave the process.
    const recorded = statements.map((span) => String(span.attributes['db.statement'] ?? span.attributes['db.query.text'] ?? ''));
    expect(recorded.some((text) => /select/i.test(text))).toBe(true);
    expect(recorded.join('\n')).not.toContain('shropshire');
  });

  it('does not trace health probes', async () => {
    const before = collector.spans.length;
    for (let probe = 0; probe < 5; probe += 1) await fetch(subgraphUrl.replace(/graphql$/, 'health'));
    // Wait past one export interval, then look for probe spans.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const probes = collector.spans
      .slice(before)
      .filter((span) => String(span.attributes['http.target'] ?? span.attributes['url.path'] ?? '').startsWith('/health'));
    expect(probes).toEqual([]);
  });
});

describe('tracing without an endpoint', () => {
  it('stays off: nothing is registered or exported', () => {
    expect(startTracingFromEnvironment({})).toBeUndefined();
  });
});
