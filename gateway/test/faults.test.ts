/**
 * Faults: a subgraph that goes down and comes back, and an internal failure in a resolver. The
 * gateway must answer what it can, name what is missing, never a 500, never a stack trace or SQL.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { signGatewayAssertion } from '@safeguarding/auth';
import { allow } from '@safeguarding/subgraph-runtime';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@safeguarding/testkit';
import { createSubgraphServer, type SubgraphModule } from '@safeguarding/subgraph-runtime';
import { createGateway, type RunningGateway } from '../src';
import { baseUrl, config, ControllableFederation, eventually, LEAK_PATTERN } from './support/harness';

const ask = (url: string, query: string) => postGraphQL<Record<string, any>>(url, query);

describe('a subgraph goes down and comes back', () => {
  let database: TestDatabase;
  let federation: ControllableFederation;
  // Arrangements answers partnership; membership answers organisation.
  const query = `{ partnership(slug: "shropshire") { name } organisation(id: "west-mercia-police") { name } }`;

  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
    federation = new ControllableFederation(database.url, database.poolSize);
    await federation.startSubgraph('arrangements');
    await federation.startSubgraph('membership');
    await federation.startGateway();
  });
  afterAll(async () => {
    await federation?.stop();
    await database?.drop();
  });

  it('answers whole while both are up', async () => {
    const response = await ask(federation.gatewayUrl, query);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ partnership: { name: expect.stringMatching(/Shropshire/) }, organisation: { name: 'West Mercia Police' } });
  });

  it("answers the other subgraphs' part, with an error naming the missing one, not a 500", async () => {
    await federation.stopSubgraph('membership');
    const response = await ask(federation.gatewayUrl, query);
    expect(response.status).toBe(200);
    expect(response.data!.partnership.name).toMatch(/Shropshire/);
    expect(response.data!.organisation).toBeNull();
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    // The error points at the field that is missing (Apollo adds serviceName, the same name).
    expect(error!.path).toEqual(['organisation']);
    expect(error!.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'membership', serviceName: 'membership' });
    expect(error!.message).toMatch(/membership part of the platform is unavailable/);
    expect(JSON.stringify(response.errors)).not.toMatch(LEAK_PATTERN);
  });

  it('answers queries that need only the subgraphs that are up, without errors', async () => {
    const response = await ask(federation.gatewayUrl, `{ partnership(slug: "solihull") { name } partnerships { slug } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.partnerships).toHaveLength(3);
  });

  it('reports itself degraded, naming the subgraph', async () => {
    const response = await fetch(`${baseUrl(federation.gatewayUrl)}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded', subgraphs: { arrangements: 'ready', membership: 'unreachable' } });
    // Liveness is another matter: the gateway itself is fine.
    expect((await fetch(`${baseUrl(federation.gatewayUrl)}/health`)).status).toBe(200);
  });

  it('answers whole again once the subgraph is back on its port, without a gateway restart', async () => {
    await federation.restartSubgraph('membership');
    const whole = await eventually(async () => {
      const response = await ask(federation.gatewayUrl, query);
      return response.errors === undefined && response.data?.organisation?.name === 'West Mercia Police';
    }, 20);
    expect(whole).toBe(true);
    const ready = await fetch(`${baseUrl(federation.gatewayUrl)}/ready`);
    expect(ready.status).toBe(200);
  });

  it('survives the same for the subgraph that owns the root field', async () => {
    await federation.stopSubgraph('arrangements');
    const response = await ask(federation.gatewayUrl, query);
    expect(response.status).toBe(200);
    expect(response.data!.partnership).toBeNull();
    expect(response.data!.organisation.name).toBe('West Mercia Police');
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.path).toEqual(['partnership']);
    expect(response.errors![0]!.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'arrangements', serviceName: 'arrangements' });
    await federation.restartSubgraph('arrangements');
    expect(await eventually(async () => (await ask(federation.gatewayUrl, query)).errors === undefined, 20)).toBe(true);
  });
});

describe('an internal error', () => {
  // A throwaway subgraph whose resolver fails the way a bug would: a plain Error carrying SQL.
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { broken: String, fine: String, brokenList: [Int!]!, echo(text: String): String }
    "Only so the subgraph has entities, as every real one does."
    type Thing @key(fields: "id") { id: ID! }
  `);
  const module: SubgraphModule<unknown> = {
    name: 'broken',
    databaseSchema: 'broken',
    typeDefs,
    resolvers: {
      Query: {
        broken: () => {
          throw new Error('relation "secret_table" does not exist: SELECT "child_name" FROM "secret_table" WHERE id = 1');
        },
        fine: () => 'fine',
        echo: (_root: unknown, { text }: { text?: string }) => text ?? null,
        brokenList: () => {
          throw new TypeError("Cannot read properties of undefined (reading 'id')");
        },
      },
      Thing: { __resolveReference: (reference: { id: string }) => reference },
    },
    permissions: { Query: { broken: allow, fine: allow, brokenList: allow, echo: allow }, Thing: { id: allow } },
    entities: [],
    migrations: [],
    createLoaders: () => ({}),
    seed: async () => undefined,
  };
  let database: TestDatabase;
  let subgraphUrl: string;
  let gateway: RunningGateway;
  let gatewayUrl: string;
  let stopSubgraph: () => Promise<void>;

  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
    const { openSubgraphDatabase } = await import('@safeguarding/database');
    const dataSource = await openSubgraphDatabase({
      url: database.url,
      schema: 'broken',
      entities: [],
      migrations: [],
      poolSize: 1,
      applicationName: 'test-broken',
    });
    const server = await createSubgraphServer(module, {
      dataSource,
      gatewaySecret: config.secrets.gateway,
      developmentTools: true,
      shutdownGraceMilliseconds: 500,
    });
    subgraphUrl = await server.listen(0);
    stopSubgraph = () => server.stop();
    const composed = composeServices([{ name: 'broken', url: subgraphUrl, typeDefs }]);
    if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join('; ')}`);
    gateway = await createGateway({
      subgraphUrls: { broken: subgraphUrl },
      supergraphSdl: composed.supergraphSdl,
      userTokenSecret: config.secrets.userToken,
      gatewaySecret: config.secrets.gateway,
      developmentTools: true,
    });
    gatewayUrl = await gateway.listen(0);
  });
  afterAll(async () => {
    await gateway?.stop();
    await stopSubgraph?.();
    await database?.drop();
  });

  it('reaches the client as a generic INTERNAL_SERVER_ERROR, with no stack, SQL or internal names', async () => {
    const response = await postGraphQL(gatewayUrl, '{ broken fine }');
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ broken: null, fine: 'fine' });
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error!.message).toMatch(/^Internal server error: the failure has been logged/);
    const text = JSON.stringify(response.errors);
    expect(text).not.toMatch(/secret_table|child_name|stacktrace|exception/);
    expect(text).not.toMatch(LEAK_PATTERN);
  });

  it('does the same when a non-null field fails and takes the whole answer with it', async () => {
    const response = await postGraphQL(gatewayUrl, '{ brokenList }');
    expect(response.status).toBe(200);
    expect(response.data ?? null).toBeNull();
    expect(response.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(response.errors)).not.toMatch(/Cannot read properties|reading 'id'|stacktrace/);
  });

  it("is as generic when the subgraph is called directly with the gateway's credentials", async () => {
    const assertion = signGatewayAssertion(config.secrets.gateway, { subject: 'direct', grants: [] });
    const response = await postGraphQL(subgraphUrl, '{ broken }', {}, { 'x-gateway-assertion': assertion });
    expect(response.errors![0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(response.errors)).not.toMatch(/secret_table|stacktrace/);
  });

  it('refuses text with a NUL character as BAD_USER_INPUT before any resolver runs', async () => {
    const inVariable = await postGraphQL(gatewayUrl, 'query ($x: String) { echo(text: $x) }', { variables: { x: 'a\u0000b' } });
    expect(inVariable.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(inVariable.errors![0]!.message).toMatch(/NUL character/);
    const inLiteral = await postGraphQL(gatewayUrl, '{ echo(text: "a\\u0000b") }');
    expect(inLiteral.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await postGraphQL(gatewayUrl, '{ echo(text: "ab") }')).data).toEqual({ echo: 'ab' });
  });
});
