import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_ASSERTION_HEADER } from '@safeguarding/auth';
import { createGateway, type RunningGateway } from '@safeguarding/gateway';
import { createHiveGateway, type HiveGateway } from './hive-gateway';
import { type Journey } from './journeys';
import { config, subgraphs, subgraphUrl } from './settings';
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

export interface Instrumented {
  proxies: CountingProxies;
  apolloUrl: string;
  hiveUrl: string;
  apollo: RunningGateway;
  hive: HiveGateway;
}

export async function startInstrumented(): Promise<Instrumented> {
  const proxies = await startCountingProxies();
  const apollo = await createGateway({
    subgraphUrls: proxies.urls,
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    // As deployed: no explorer, no suggestions (PRODUCTION_ENVIRONMENT in settings.ts).
    developmentTools: false,
  });
  const hive = createHiveGateway({ subgraphUrls: proxies.urls, userTokenSecret: config.secrets.userToken, gatewaySecret: config.secrets.gateway });
  return { proxies, apollo, hive, apolloUrl: await apollo.listen(0), hiveUrl: await hive.listen(0) };
}

export async function stopInstrumented(instrumented: Instrumented | undefined): Promise<void> {
  if (!instrumented) return;
  await instrumented.apollo.stop();
  await instrumented.hive.stop();
  await instrumented.proxies.close();
}

/** SQL statements (summed over subgraphs) and subgraph fetches of one request through a gateway, after one warming request. */

export async function countThrough(
  instrumented: Instrumented,
  url: string,
  journey: Journey,
): Promise<{ statements: number; fetches: Record<string, number> }> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${userToken(journey.grants)}` };
  const body = JSON.stringify(journey.gateway);
  await post(url, headers, body);
  instrumented.proxies.reset();
  await post(url, headers, body);
  return { statements: instrumented.proxies.statements(), fetches: instrumented.proxies.fetches() };
}
