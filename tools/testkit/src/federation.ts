import type { DataSource } from 'typeorm';
import { type Grant, type Role, signUserToken } from '@safeguarding/auth';
import { loadConfig } from '@safeguarding/config';
import { createSubgraphDataSource, openSubgraphDatabaseWithRoles, statementCounter } from '@safeguarding/database';
import { createGateway, type GatewayOptions, presentSubgraphs, type RunningGateway } from '@safeguarding/gateway';
import { createSubgraphServer, type RunningSubgraph } from '@safeguarding/subgraph-runtime';
import { createTestDatabase, type TestDatabase } from './database';
import { loadSubgraphModule } from './subgraph-module';

export { loadSubgraphModule };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default for ~245 test queries that read the answer loosely (tests may use any); pass TData for a typed answer
export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
  headers: Headers;
}

export interface QueryOptions {
  variables?: Record<string, unknown>;
  /** Who asks: grants signed into a user token. Omit for the anonymous public reader. */
  as?: Grant[];
  /** A raw Authorization header value, for testing bad tokens. */
  authorization?: string;
}

export interface TestFederation {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  dataSources: Record<string, DataSource>;
  database: TestDatabase;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default for ~245 test queries that read the answer loosely (tests may use any); pass TData for a typed answer
  query<TData = Record<string, any>>(query: string, options?: QueryOptions): Promise<GraphQLResponse<TData>>;
  /** SQL statements the subgraphs issue while `work` runs (all in this process). */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  stop(): Promise<void>;
}

const config = loadConfig({ ...process.env, NODE_ENV: 'test' });

/** A user token for tests and the README's examples. */
export function tokenFor(grants: Grant[], subject = 'test-user'): string {
  return signUserToken(config.secrets.userToken, subject, grants);
}

export const grant = (role: Role, partnershipSlug: string | null = null): Grant => ({ role, partnershipSlug });

export async function postGraphQL<TData>(
  url: string,
  query: string,
  options: QueryOptions = {},
  extraHeaders: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
  if (options.authorization) headers.authorization = options.authorization;
  else if (options.as) headers.authorization = `Bearer ${tokenFor(options.as)}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables ?? {} }) });
  const body = (await response.json()) as { data?: TData; errors?: GraphQLResponse['errors'] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}

/**
 * The whole federation in this process: an isolated database, every subgraph (migrated and seeded)
 * on a free port, and the gateway composed from the checked-in supergraph.
 */
export interface TestFederationOptions {
  /** Load the seed data (default true). */
  seed?: boolean;
  /** Start only these subgraphs (default: all present); queries that need the others then fail. */
  only?: string[];
  /** Gateway settings beyond the tests' defaults (the response cache, which is off here unless given; Redis). */
  gateway?: Pick<GatewayOptions, 'responseCache' | 'redisUrl'>;
}

/** Another gateway in front of the same subgraphs (as a second replica would be), stopped by the caller. */
export async function startAnotherGateway(
  federation: Pick<TestFederation, 'subgraphUrls'>,
  options: Pick<GatewayOptions, 'responseCache' | 'redisUrl'> = {},
): Promise<{ url: string; query: TestFederation['query']; stop(): Promise<void> }> {
  const gateway = await createGateway({
    subgraphUrls: federation.subgraphUrls,
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
    ...options,
  });
  const url = await gateway.listen(0);
  return { url, query: (query, queryOptions) => postGraphQL(url, query, queryOptions), stop: () => gateway.stop() };
}

export async function startTestFederation(options: TestFederationOptions = {}): Promise<TestFederation> {
  // A copy of the run's seeded template (template.ts): migrations then find nothing to do.
  const database = await createTestDatabase({ seeded: options.seed !== false });
  const subgraphs: RunningSubgraph[] = [];
  const subgraphUrls: Record<string, string> = {};
  const dataSources: Record<string, DataSource> = {};
  const runtimeDataSources: DataSource[] = [];
  let gateway: RunningGateway | undefined;
  try {
    for (const { name } of presentSubgraphs().filter((subgraph) => !options.only || options.only.includes(subgraph.name))) {
      const module = loadSubgraphModule(name);
      const databaseOptions = {
        url: database.url,
        schema: module.databaseSchema,
        entities: module.entities,
        migrations: module.migrations,
        poolSize: database.poolSize,
        applicationName: `test-${name}`,
      };
      // The subgraph serves as its runtime role on a real server, as `npm start` does; tests get
      // the server's own role (dataSources) for fixtures and checks, unbound by row-level security.
      const opened = await openSubgraphDatabaseWithRoles(databaseOptions);
      let dataSource = opened.dataSource;
      if (opened.roles) {
        runtimeDataSources.push(opened.dataSource);
        dataSource = createSubgraphDataSource({ ...databaseOptions, poolSize: 1, applicationName: `test-${name}-fixtures` });
        await dataSource.initialize();
      }
      dataSources[name] = dataSource;
      if (options.seed !== false && !database.seeded) await module.seed(dataSource);
      const server = await createSubgraphServer(module, {
        dataSource: opened.dataSource,
        gatewaySecret: config.secrets.gateway,
        developmentTools: true,
        shutdownGraceMilliseconds: 1000,
      });
      subgraphs.push(server);
      subgraphUrls[name] = await server.listen(0);
    }
    gateway = await createGateway({
      subgraphUrls,
      userTokenSecret: config.secrets.userToken,
      gatewaySecret: config.secrets.gateway,
      developmentTools: true,
      ...options.gateway,
    });
    const gatewayUrl = await gateway.listen(0);
    const running = gateway;
    return {
      gatewayUrl,
      subgraphUrls,
      dataSources,
      database,
      query: (query, queryOptions) => postGraphQL(gatewayUrl, query, queryOptions),
      async countStatements(work) {
        const before = statementCounter.total();
        await work();
        return statementCounter.total() - before;
      },
      async stop() {
        await running.stop();
        await Promise.all(subgraphs.map((server) => server.stop()));
        for (const dataSource of [...Object.values(dataSources), ...runtimeDataSources]) if (dataSource.isInitialized) await dataSource.destroy();
        await database.drop();
      },
    };
  } catch (error) {
    await gateway?.stop();
    await Promise.all(subgraphs.map((server) => server.stop()));
    for (const dataSource of [...Object.values(dataSources), ...runtimeDataSources]) if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    throw error;
  }
}
