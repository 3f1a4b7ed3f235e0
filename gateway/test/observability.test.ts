/**
 * Seeing it run: one request id from the client (or made at the gateway) through every subgraph
 * call and into both sides' pino lines, returned in x-request-id; Prometheus metrics at /metrics
 * on the gateway (per operation and per subgraph fetch) and on each subgraph (per operation).
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { openSubgraphDatabase } from '@safeguarding/database';
import { createSubgraphServer, type RunningSubgraph } from '@safeguarding/subgraph-runtime';
import { createTestDatabase, loadSubgraphModule, postGraphQL, type TestDatabase } from '@safeguarding/testkit';
import { createGateway, type RunningGateway } from '../src';
import { config } from './support/harness';

/** A pino logger whose lines are kept for the test to read. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

let database: TestDatabase;
let dataSource: DataSource;
let subgraph: RunningSubgraph;
let gateway: RunningGateway;
let gatewayUrl: string;
let subgraphUrl: string;
const gatewayLog = capturingLogger();
const subgraphLog = capturingLogger();

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  const module = loadSubgraphModule('thresholds');
  dataSource = await openSubgraphDatabase({
    url: database.url,
    schema: module.databaseSchema,
    entities: module.entities,
    migrations: module.migrations,
    poolSize: 2,
    applicationName: 'test-observability',
  });
  await module.seed(dataSource);
  subgraph = await createSubgraphServer(module, {
    dataSource,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
    logger: subgraphLog.logger,
    shutdownGraceMilliseconds: 500,
  });
  subgraphUrl = await subgraph.listen(0);
  // Only the thresholds subgraph runs; the operations below need no other.
  gateway = await createGateway({
    subgraphUrls: { thresholds: subgraphUrl },
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
    logger: gatewayLog.logger,
  });
  gatewayUrl = await gateway.listen(0);
});
afterAll(async () => {
  await gateway?.stop();
  await subgraph?.stop();
  await database?.drop();
});

const LEVELS = `query RegionalLevelsForTest { regionalLevels { id } }`;

describe('request ids', () => {
  it("carries the client's x-request-id to the subgraph, into both logs, and back in the response", async () => {
    const response = await postGraphQL(gatewayUrl, LEVELS, {}, { 'x-request-id': 'client-chosen-id-123' });
    expect(response.errors).toBeUndefined();
    expect(response.headers.get('x-request-id')).toBe('client-chosen-id-123');
    expect(gatewayLog.lines).toContainEqual(
      expect.objectContaining({ requestId: 'client-chosen-id-123', operation: 'RegionalLevelsForTest', msg: 'gateway request' }),
    );
    expect(subgraphLog.lines).toContainEqual(
      expect.objectContaining({ requestId: 'client-chosen-id-123', operation: 'RegionalLevelsForTest__thresholds__0', msg: 'subgraph request' }),
    );
  });

  it('makes one when the client sends none (or an unusable one), the same on both sides', async () => {
    for (const sent of [undefined, 'has spaces and {braces}', 'x'.repeat(500)]) {
      const response = await postGraphQL(gatewayUrl, LEVELS, {}, sent === undefined ? {} : { 'x-request-id': sent });
      const requestId = response.headers.get('x-request-id')!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(subgraphLog.lines.some((line) => line.requestId === requestId)).toBe(true);
    }
  });
});

describe('metrics', () => {
  const scrape = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    return response.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line === undefined ? 0 : Number(line.split(' ')[1]);
  };

  it('counts operations, errors and latency per operation name at the gateway, and fetches per subgraph', async () => {
    const metricsUrl = gatewayUrl.replace(/\/graphql$/, '/metrics');
    const before = await scrape(metricsUrl);
    await postGraphQL(gatewayUrl, LEVELS);
    await postGraphQL(
      gatewayUrl,
      `query BadLevelForTest { thresholdModel(id: "x") { id } translateLevel(fromPartnership: "nowhere", level: "x", toPartnership: "nowhere") { __typename } }`,
    );
    const after = await scrape(metricsUrl);
    expect(
      value(after, 'gateway_operations_total{operation="RegionalLevelsForTest"}') -
        value(before, 'gateway_operations_total{operation="RegionalLevelsForTest"}'),
    ).toBe(1);
    expect(value(after, 'gateway_operation_errors_total{operation="BadLevelForTest"}')).toBe(1);
    expect(value(after, 'gateway_operation_duration_seconds_count{operation="RegionalLevelsForTest"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'gateway_subgraph_fetches_total{subgraph="thresholds"}') - value(before, 'gateway_subgraph_fetches_total{subgraph="thresholds"}')).toBe(
      2,
    );
    expect(after).toContain('gateway_subgraph_fetch_duration_seconds_bucket{le="0.1",subgraph="thresholds"}');
  });

  it('counts operations, errors and latency per operation at each subgraph', async () => {
    await postGraphQL(gatewayUrl, LEVELS);
    const text = await scrape(subgraphUrl.replace(/\/graphql$/, '/metrics'));
    // The gateway names its subgraph operations after the client's: <name>__<subgraph>__<n>.
    expect(text).toMatch(/subgraph_operations_total\{operation="RegionalLevelsForTest__thresholds__0",subgraph="thresholds"\} \d+/);
    expect(text).toMatch(/subgraph_operation_duration_seconds_count\{subgraph="thresholds",operation="RegionalLevelsForTest__thresholds__0"\} \d+/);
    expect(text).toContain('subgraph_operation_errors_total');
  });

  it('keeps client-chosen operation names from exploding the label set', async () => {
    await postGraphQL(gatewayUrl, `query ${'Q'.repeat(150)} { regionalLevels { id } }`);
    const text = await scrape(gatewayUrl.replace(/\/graphql$/, '/metrics'));
    expect(text).toContain('gateway_operations_total{operation="other"} 1');
  });
});
