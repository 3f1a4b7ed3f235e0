/**
 * A federation the resilience tests can break: each subgraph's server can be stopped and started
 * again on the same port, and the gateway can be built with any options. Loopback only.
 */
import net from 'node:net';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@safeguarding/config';
import { openSubgraphDatabase } from '@safeguarding/database';
import { createSubgraphServer, type RunningSubgraph, type SubgraphModule } from '@safeguarding/subgraph-runtime';
import { loadSubgraphModule } from '@safeguarding/testkit';
import { createGateway, type GatewayOptions, type RunningGateway } from '../../src';

export const config = loadConfig({ ...process.env, NODE_ENV: 'test' });

export interface ControllableSubgraph {
  name: string;
  module: SubgraphModule<unknown>;
  url: string;
  port: number;
  server: RunningSubgraph | undefined;
  dataSource: DataSource | undefined;
}

export class ControllableFederation {
  readonly subgraphs = new Map<string, ControllableSubgraph>();
  gateway: RunningGateway | undefined;
  gatewayUrl = '';

  constructor(
    readonly databaseUrl: string,
    readonly poolSize: number,
  ) {}

  /** Opens the subgraph's database (migrating and seeding), then listens on `port` (0: any free one). */
  async startSubgraph(name: string, port = 0, module: SubgraphModule<unknown> = loadSubgraphModule(name)): Promise<ControllableSubgraph> {
    const dataSource = await openSubgraphDatabase({
      url: this.databaseUrl,
      schema: module.databaseSchema,
      entities: module.entities,
      migrations: module.migrations,
      poolSize: this.poolSize,
      applicationName: `resilience-${name}`,
    });
    await module.seed(dataSource);
    const server = await createSubgraphServer(module, {
      dataSource,
      gatewaySecret: config.secrets.gateway,
      developmentTools: true,
      shutdownGraceMilliseconds: 1000,
    });
    const url = await server.listen(port);
    const subgraph = { name, module, url, port: Number(new URL(url).port), server, dataSource };
    this.subgraphs.set(name, subgraph);
    return subgraph;
  }

  /** Stops the subgraph's server and closes its pool, as a crashed or redeployed process would. */
  async stopSubgraph(name: string): Promise<void> {
    const subgraph = this.subgraphs.get(name)!;
    await subgraph.server?.stop();
    subgraph.server = undefined;
    subgraph.dataSource = undefined;
  }

  /** Starts the subgraph again on the port it had, so the gateway's URL for it stays right. */
  async restartSubgraph(name: string): Promise<void> {
    const subgraph = this.subgraphs.get(name)!;
    await this.startSubgraph(name, subgraph.port, subgraph.module);
  }

  async startGateway(options: Partial<GatewayOptions> = {}): Promise<string> {
    this.gateway = await createGateway({
      subgraphUrls: Object.fromEntries([...this.subgraphs.values()].map((subgraph) => [subgraph.name, subgraph.url])),
      userTokenSecret: config.secrets.userToken,
      gatewaySecret: config.secrets.gateway,
      developmentTools: true,
      shutdownGraceMilliseconds: 1000,
      ...options,
    });
    this.gatewayUrl = await this.gateway.listen(0);
    return this.gatewayUrl;
  }

  async stop(): Promise<void> {
    await this.gateway?.stop();
    for (const subgraph of this.subgraphs.values()) await subgraph.server?.stop();
  }
}

/** Polls `check` until it returns true, at most `attempts` times; bounded, never timed. */
export async function eventually(check: () => Promise<boolean>, attempts = 100, pauseMilliseconds = 100): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, pauseMilliseconds));
  }
  return false;
}

export const baseUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

/** What an error message must never contain: stack frames, SQL, internal addresses. */
export const LEAK_PATTERN =
  /\bat .+\(.*:\d+:\d+\)|node_modules|\bSELECT\b|\bINSERT\b|\bUPDATE\b.+\bSET\b|\bFROM\s+"|QueryFailedError|relation "|ECONNREFUSED|127\.0\.0\.1|localhost:\d+/i;

/** A port nobody listens on right now, for a process the test starts itself. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
