/**
 * Apollo Client 4 with the kit's cache, against the whole federation (started the way the gateway's
 * tests start it): every ```graphql block of the root README runs through one client and one cache,
 * each with the token its `# npm run token -- ...` comment names, and Apollo Client says nothing
 * (no "Cache data may be lost", no missing fields: console.warn and console.error are captured).
 * Afterwards each query is answered from the cache alone, whole, as the gateway answered it: nothing
 * a later query brought replaced what an earlier one cached. A mutation that selects `id` and
 * `version` updates what an earlier query cached, without a request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ApolloClient, gql, HttpLink, InMemoryCache, type DocumentNode } from '@apollo/client';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { loadConfig } from '@safeguarding/config';
import { createGateway, type RunningGateway } from '@safeguarding/gateway';
import { grant, startTestFederation, tokenFor, type TestFederation } from '@safeguarding/testkit';
import {
  APOLLO_CLIENT_MANIFEST_FILE,
  apolloClientManifest,
  BodyForEditingDocument,
  createCache,
  PartnershipsOverviewDocument,
  PartnershipStructureDocument,
  type PersistedQueryManifest,
  possibleTypes,
  sha256,
  StructureChartDocument,
  typedDocuments,
  UpdateBodyDocument,
} from '../src';
import { blocksOutsideSection, operationsOf, REPOSITORY, type Example } from './examples';

// Readable warnings (Apollo Client 4 ships its messages separately); the development build is chosen in jest.config.js.
loadDevMessages();
loadErrorMessages();

// The administrators' section is checked against the schema by examples.test.ts; its mutations
// change the record and are replayed by the subgraphs' own tests, not here.
const README = blocksOutsideSection('README.md', '## Keeping the record (partnership administrators)').flatMap(operationsOf);
const EXECUTIVE = 'telford-and-wrekin.executive';

let federation: TestFederation;
const said: string[] = [];
const spies: jest.SpyInstance[] = [];

beforeAll(async () => {
  federation = await startTestFederation();
}, 600_000);
afterAll(async () => {
  await federation?.stop();
});
beforeEach(() => {
  said.length = 0;
  for (const level of ['warn', 'error'] as const) spies.push(jest.spyOn(console, level).mockImplementation((...args: unknown[]) => said.push(format(...args))));
});
afterEach(() => {
  for (const spy of spies.splice(0)) spy.mockRestore();
});

/** A client as a front end makes it, counting the requests it sends. */
function frontEnd(cache: InMemoryCache) {
  const counter = { requests: 0 };
  const link = new HttpLink({
    // The federation starts in beforeAll, after the describe blocks made their clients.
    uri: () => federation.gatewayUrl,
    fetch: (input: string | URL | Request, init?: RequestInit) => {
      counter.requests += 1;
      return fetch(input, init);
    },
  });
  return { client: new ApolloClient({ link, cache }), cache, counter };
}

const headersFor = (example: Example) => (example.grants.length > 0 ? { authorization: `Bearer ${tokenFor(example.grants, 'client-kit')}` } : {});
const isMutation = (document: DocumentNode) =>
  document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.MUTATION);

describe('every query of the README, through Apollo Client with the kit', () => {
  const { client, cache, counter } = frontEnd(createCache());
  const answers = new Map<string, unknown>();
  let bodyBefore: { purpose?: string | null; version?: number | null } | undefined;
  let mutated: { purpose: string; version: number } | undefined;

  it('finds the README blocks, a mutation among them, and a token for each that needs one', () => {
    expect(README.length).toBeGreaterThanOrEqual(7);
    expect(README.filter((example) => isMutation(parse(example.text)))).toHaveLength(1);
    expect(README.filter((example) => example.grants.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('caches a body as an edit form reads it (before the README mutation changes it)', async () => {
    const { data } = await client.query({ query: BodyForEditingDocument, variables: { id: EXECUTIVE } });
    bodyBefore = data!.body!;
    expect(bodyBefore.version).toBe(1);
    expect(said).toEqual([]);
  });

  it.each(README.map((example) => [example.where, example] as const))('runs %s with no warning and no error', async (where, example) => {
    const document = gql(example.text);
    const context = { headers: headersFor(example) };
    if (isMutation(document)) {
      const { data } = await client.mutate({ mutation: document, context });
      mutated = (data as { updateBody: { purpose: string; version: number } }).updateBody;
    } else {
      const { data } = await client.query({ query: document, context, fetchPolicy: 'network-only' });
      expect(data).toBeTruthy();
      answers.set(where, data);
    }
    expect(said).toEqual([]);
  });

  it('answers every README query from the cache alone, whole and as the gateway answered it', () => {
    const queries = README.filter((example) => !isMutation(parse(example.text)));
    expect(answers.size).toBe(queries.length);
    for (const example of queries) {
      expect({ where: example.where, data: client.readQuery({ query: gql(example.text) }) }).toEqual({
        where: example.where,
        data: answers.get(example.where),
      });
    }
    expect(said).toEqual([]);
  });

  it("updates the body an earlier query cached from the README mutation's answer, without a request", async () => {
    expect(mutated).toBeDefined();
    expect(mutated!.version).toBe(bodyBefore!.version! + 1);
    const before = counter.requests;
    const { data } = await client.query({ query: BodyForEditingDocument, variables: { id: EXECUTIVE } });
    expect(counter.requests).toBe(before);
    expect(data!.body).toMatchObject({ id: EXECUTIVE, purpose: mutated!.purpose, version: mutated!.version });
    expect(data!.body!.purpose).not.toBe(bodyBefore!.purpose);
  });

  it("updates it again from the kit's typed UpdateBody, and the README's body lists see the same body", async () => {
    const admin = { authorization: `Bearer ${tokenFor([grant('partnership-admin', 'telford-and-wrekin')], 'client-kit')}` };
    const { data } = await client.mutate({
      mutation: UpdateBodyDocument,
      variables: { id: EXECUTIVE, expectedVersion: mutated!.version, input: { purpose: 'Leads safeguarding across Telford & Wrekin.' } },
      context: { headers: admin },
    });
    const version = data!.updateBody.version;
    const before = counter.requests;
    const cached = client.readQuery({ query: BodyForEditingDocument, variables: { id: EXECUTIVE } });
    expect(cached!.body).toMatchObject({ purpose: 'Leads safeguarding across Telford & Wrekin.', version });
    // The README's first query listed the partnership's bodies: the list holds the same (normalised) body.
    expect(client.cache.identify({ __typename: 'Body', id: EXECUTIVE })).toBe(`Body:${EXECUTIVE}`);
    expect(cache.extract()[`Body:${EXECUTIVE}`]).toMatchObject({ purpose: 'Leads safeguarding across Telford & Wrekin.', version });
    expect(counter.requests).toBe(before);
    expect(said).toEqual([]);
  });
});

describe("the kit's typed documents and cache policies", () => {
  const { client, cache, counter } = frontEnd(createCache());

  it('runs the persisted operations as typed documents, Date as a string', async () => {
    const overview = await client.query({ query: PartnershipsOverviewDocument });
    const slugs: (string | null | undefined)[] = overview.data!.partnerships!.map((partnership) => partnership.slug);
    expect(slugs).toEqual(expect.arrayContaining(['shropshire', 'telford-and-wrekin', 'solihull']));
    const structure = await client.query({ query: PartnershipStructureDocument, variables: { slug: 'shropshire', asOf: '2025-06-01' } });
    expect(structure.data!.partnership!.bodies!.length).toBeGreaterThan(0);
    // partnership(slug:) is answered from the partnership PartnershipsOverview cached, without a request.
    const before = counter.requests;
    const cachedName = client.readQuery<{ partnership: { name: string } }>({
      query: gql`
        query {
          partnership(slug: "solihull") {
            id
            name
          }
        }
      `,
    });
    expect(cachedName?.partnership.name).toMatch(/Solihull/);
    expect(counter.requests).toBe(before);
    expect(said).toEqual([]);
  });

  it('keeps the SVG chart when the Mermaid chart of the same partnership and date is fetched, and both are typed', async () => {
    const variables = { slug: 'telford-and-wrekin', asOf: '2025-06-01' };
    const svg = await client.query({ query: StructureChartDocument, variables: { ...variables, format: 'SVG' } });
    const mermaid = await client.query({ query: StructureChartDocument, variables: { ...variables, format: 'MERMAID' } });
    const asOf: string = mermaid.data!.partnership!.structureChart!.asOf;
    expect(asOf).toBe('2025-06-01');
    expect(svg.data!.partnership!.structureChart!.content).toMatch(/<svg/);
    const before = counter.requests;
    for (const format of ['SVG', 'MERMAID'] as const) {
      const cached = client.readQuery({ query: StructureChartDocument, variables: { ...variables, format } });
      expect(cached?.partnership?.structureChart?.format).toBe(format);
    }
    expect(client.readQuery({ query: StructureChartDocument, variables: { ...variables, format: 'SVG' } })!.partnership!.structureChart!.content).toBe(
      svg.data!.partnership!.structureChart!.content,
    );
    expect(counter.requests).toBe(before);
    expect(said).toEqual([]);
  });

  it('adds fields of a value object a second query selects instead of replacing the first (merge)', async () => {
    const first = gql`
      query {
        partnership(slug: "solihull") {
          id
          structureChart(asOf: "2025-06-01", format: DOT) {
            format
            content
          }
        }
      }
    `;
    const second = gql`
      query {
        partnership(slug: "solihull") {
          id
          structureChart(asOf: "2025-06-01", format: DOT) {
            format
            bodyNames
          }
        }
      }
    `;
    await client.query({ query: first });
    await client.query({ query: second });
    expect(client.readQuery({ query: first })).toBeTruthy();
    expect(client.readQuery({ query: second })).toBeTruthy();
    expect(said).toEqual([]);
  });

  it('keeps two learning coverages of one partnership apart (keyed by id and since)', async () => {
    const analyst = { authorization: `Bearer ${tokenFor([grant('analyst')], 'client-kit')}` };
    const coverage = (since: string) => gql`query { learningCoverage(partnershipSlug: "shropshire", since: "${since}") { id since gaps { id name } } }`;
    const early = await client.query({ query: coverage('2023-04-01'), context: { headers: analyst } });
    const late = await client.query({ query: coverage('2025-04-01'), context: { headers: analyst } });
    expect(client.readQuery({ query: coverage('2023-04-01') })).toEqual(early.data);
    expect(client.readQuery({ query: coverage('2025-04-01') })).toEqual(late.data);
    expect(Object.keys(cache.extract()).filter((key) => key.startsWith('LearningCoverage:'))).toHaveLength(2);
    expect(said).toEqual([]);
  });

  it('matches fragments on the AgendaSubject union through possibleTypes', async () => {
    expect(possibleTypes.AgendaSubject).toEqual(expect.arrayContaining(['Body', 'Review', 'Theme', 'Meeting']));
    const cache = createCache();
    const fragment = gql`
      fragment Subject on AgendaSubject {
        ... on Body {
          id
          name
        }
      }
    `;
    cache.writeFragment({
      id: cache.identify({ __typename: 'Body', id: EXECUTIVE }),
      fragment,
      data: { __typename: 'Body', id: EXECUTIVE, name: 'Executive' },
    });
    expect(cache.readFragment({ id: `Body:${EXECUTIVE}`, fragment })).toEqual({ __typename: 'Body', id: EXECUTIVE, name: 'Executive' });
    expect(said).toEqual([]);
  });
});

describe('a gateway that serves only registered operations (safelist mode)', () => {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const gateways: RunningGateway[] = [];
  const safelisted = async (manifest: PersistedQueryManifest) => {
    const gateway = await createGateway({
      subgraphUrls: federation.subgraphUrls,
      userTokenSecret: config.secrets.userToken,
      gatewaySecret: config.secrets.gateway,
      developmentTools: false,
      shutdownGraceMilliseconds: 1000,
      persistedOperations: { mode: 'safelist', manifest },
    });
    gateways.push(gateway);
    return gateway.listen(0);
  };
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
  });

  it("refuses Apollo Client's text of a persisted operation when the manifest holds the file's text (gateway/persisted-operations.json)", async () => {
    const url = await safelisted(JSON.parse(fs.readFileSync(path.join(REPOSITORY, 'gateway', 'persisted-operations.json'), 'utf8')) as PersistedQueryManifest);
    const client = new ApolloClient({ link: new HttpLink({ uri: url }), cache: createCache() });
    const refused = await client.query({ query: PartnershipsOverviewDocument, errorPolicy: 'all' });
    expect(refused.error?.message).toMatch(/only registered operations/);
    said.length = 0;
  });

  it("serves every typed document by hash alone from the kit's manifest (what the build writes), a mutation too", async () => {
    const manifest = apolloClientManifest(typedDocuments);
    expect(JSON.parse(fs.readFileSync(APOLLO_CLIENT_MANIFEST_FILE, 'utf8'))).toEqual(manifest);
    expect(manifest.operations.map((operation) => operation.name)).toEqual(
      expect.arrayContaining(['PartnershipStructure', 'PartnershipsOverview', 'BodyForEditing', 'UpdateBody', 'StructureChart']),
    );
    const url = await safelisted(manifest);
    const bodies: string[] = [];
    const link = new PersistedQueryLink({ sha256 }).concat(
      new HttpLink({
        uri: url,
        fetch: (input: string | URL | Request, init?: RequestInit) => {
          bodies.push(init?.body as string);
          return fetch(input, init);
        },
      }),
    );
    const client = new ApolloClient({ link, cache: createCache() });
    await client.query({ query: PartnershipsOverviewDocument });
    await client.query({ query: PartnershipStructureDocument, variables: { slug: 'solihull' } });
    await client.query({ query: StructureChartDocument, variables: { slug: 'solihull', format: 'MERMAID' } });
    const { data } = await client.query({ query: BodyForEditingDocument, variables: { id: 'solihull.executive' } });
    const admin = { authorization: `Bearer ${tokenFor([grant('partnership-admin', 'solihull')], 'client-kit')}` };
    const edited = await client.mutate({
      mutation: UpdateBodyDocument,
      variables: { id: 'solihull.executive', expectedVersion: data!.body!.version!, input: { purpose: 'Leads safeguarding across Solihull.' } },
      context: { headers: admin },
    });
    expect(edited.data!.updateBody.version).toBe(data!.body!.version! + 1);
    expect(client.readQuery({ query: BodyForEditingDocument, variables: { id: 'solihull.executive' } })!.body!.purpose).toBe(
      'Leads safeguarding across Solihull.',
    );
    // One request per operation, each with the hash and without the text.
    expect(bodies).toHaveLength(5);
    for (const body of bodies) expect(JSON.parse(body)).not.toHaveProperty('query');
    expect(said).toEqual([]);
  });
});

describe('the check itself: the README as it was, with a cache as Apollo Client makes it', () => {
  it('sees the warning a query without id causes, and the data it loses', async () => {
    const { client } = frontEnd(new InMemoryCache());
    const names = gql`
      query {
        partnership(slug: "telford-and-wrekin") {
          name
          bodies {
            name
          }
        }
      }
    `;
    await client.query({ query: names });
    await client.query({
      query: gql`
        query {
          partnership(slug: "telford-and-wrekin") {
            structureChart(asOf: "2025-06-01", format: SVG) {
              content
            }
          }
        }
      `,
    });
    expect(said.join('\n')).toMatch(/Cache data may be lost when replacing the partnership field/);
    expect(client.readQuery({ query: names })).toBeNull();
  });
});
