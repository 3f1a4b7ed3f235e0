import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_ASSERTION_HEADER } from '@safeguarding/auth';
import { createGateway, type RunningGateway } from '@safeguarding/gateway';
import { createHiveGateway, type HiveGateway } from './hive-gateway';
import { type Journey } from './journeys';
import { config, type Mode, subgraphs, subgraphUrl } from './settings';
import { userToken, post } from './requests';

/** Statement counting: a forwarding proxy in front of each subgraph, and requests counted through it. */

export interface CountingProxies {
  urls: Record<string, string>;
  reset(): void;
  statements(): number;
  fetches(): Record<string, number>;
  close(): Promise<void>;
}

export async function startCountingProxies(): Promise<CountingProxies> {
  let statements = 0;
  let fetches: Record<string, number> = {};
  const servers: http.Server[] = [];
  const urls: Record<string, string> = {};
  for (const { name } of subgraphs) {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      const forward = async () => {
        try {
          const headers: Record<string, string> = {};
          for (const key of ['content-type', 'accept', GATEWAY_ASSERTION_HEADER]) {
            const value = request.headers[key];
            if (typeof value === 'string') headers[key] = value;
          }
          const answer = await fetch(subgraphUrl(name), {
            method: request.method,
            headers,
            body: request.method === 'POST' ? Buffer.concat(chunks) : undefined,
          });
          statements += Number(answer.headers.get('x-sql-statements') ?? 0);
          fetches[name] = (fetches[name] ?? 0) + 1;
          const body = Buffer.from(await answer.arrayBuffer());
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(body);
        } catch (error) {
          response.writeHead(502).end(String(error));
        }
      };
      request.on('end', () => void forward());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    servers.push(server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    reset() {
      statements = 0;
      fetches = {};
    },
    statements: () => statements,
    fetches: () => ({ ...fetches }),
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

/** The paths whose subgraph calls are counted: the cached Apollo paths send none on a cache hit. */
export type CountedMode = 'apollo' | 'hive' | 'hive-router';
export const isCountedMode = (mode: Mode): mode is CountedMode => mode === 'apollo' || mode === 'hive' || mode === 'hive-router';

export interface Instrumented {
  proxies: CountingProxies;
  /** An in-process gateway in front of the counting proxies, per counted path measured. */
  urls: Partial<Record<CountedMode, string>>;
  stops: (() => Promise<void>)[];
}

export async function startInstrumented(modes: Mode[]): Promise<Instrumented> {
  const proxies = await startCountingProxies();
  const instrumented: Instrumented = { proxies, urls: {}, stops: [] };
  if (modes.includes('apollo')) {
    const apollo: RunningGateway = await createGateway({
      subgraphUrls: proxies.urls,
      userTokenSecret: config.secrets.userToken,
      gatewaySecret: config.secrets.gateway,
      // As deployed: no explorer, no suggestions (PRODUCTION_ENVIRONMENT in settings.ts).
      developmentTools: false,
    });
    instrumented.urls.apollo = await apollo.listen(0);
    instrumented.stops.push(() => apollo.stop());
  }
  for (const mode of ['hive', 'hive-router'] as const) {
    if (!modes.includes(mode)) continue;
    const hive: HiveGateway = createHiveGateway({
      subgraphUrls: proxies.urls,
      userTokenSecret: config.secrets.userToken,
      gatewaySecret: config.secrets.gateway,
      planner: mode === 'hive-router' ? 'rust' : 'stitching',
    });
    instrumented.urls[mode] = await hive.listen(0);
    instrumented.stops.push(() => hive.stop());
  }
  return instrumented;
}

export async function stopInstrumented(instrumented: Instrumented | undefined): Promise<void> {
  if (!instrumented) return;
  for (const stop of instrumented.stops) await stop();
  await instrumented.proxies.close();
}

/** SQL statements (summed over subgraphs) and subgraph fetches of one request through a gateway, after one warming request. */

export async function countThrough(
  instrumented: Instrumented,
  url: string,
  journey: Journey,
): Promise<{ statements: number | null; fetches: Record<string, number> }> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${userToken(journey.grants)}` };
  const body = JSON.stringify(journey.gateway);
  await post(url, headers, body);
  instrumented.proxies.reset();
  const answer = await post(url, headers, body);
  // An in-process gateway that answered from a response cache sent nothing to count: say so rather than report 0.
  if (answer.headers.get('x-response-cache') === 'hit') {
    console.error(`  ! ${journey.name}: the instrumented gateway answered from its response cache; statements not counted`);
    return { statements: null, fetches: instrumented.proxies.fetches() };
  }
  return { statements: instrumented.proxies.statements(), fetches: instrumented.proxies.fetches() };
}
