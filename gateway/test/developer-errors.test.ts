/**
 * Errors a front-end developer can act on: "Did you mean ...?" outside production, automatic
 * persisted query errors with their own codes and statuses, and an error for refused input at the
 * path of the field whose argument was refused.
 */
import { grant, postGraphQL, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { createGateway, type RunningGateway, sha256 } from '../src';
import { config } from './support/harness';

let federation: TestFederation;
let production: RunningGateway;
let productionUrl: string;

beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'thresholds'] });
  production = await createGateway({
    subgraphUrls: federation.subgraphUrls,
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: false,
    shutdownGraceMilliseconds: 1000,
  });
  productionUrl = await production.listen(0);
}, 300_000);
afterAll(async () => {
  await production?.stop();
  await federation?.stop();
});

describe('"Did you mean ...?"', () => {
  it('is shown in development and test, for fields and enum values', async () => {
    const field = await federation.query('{ partnerships { slg } }');
    expect(field.status).toBe(400);
    expect(field.errors![0]!.message).toBe('Cannot query field "slg" on type "Partnership". Did you mean "slug"?');
    const enumValue = await federation.query('{ partnership(slug: "shropshire") { structureChart(format: SVGG) { content } } }');
    expect(enumValue.errors![0]!.message).toMatch(/Did you mean the enum value "SVG"\?/);
  });

  it('is removed whole in production, where it would map the schema with introspection off', async () => {
    const field = await postGraphQL(productionUrl, '{ partnerships { slg } }');
    expect(field.status).toBe(400);
    expect(field.errors![0]!.message).toBe('Cannot query field "slg" on type "Partnership".');
    const enumValue = await postGraphQL(productionUrl, '{ partnership(slug: "shropshire") { structureChart(format: SVGG) { content } } }');
    expect(enumValue.errors![0]!.message).not.toMatch(/SVG"|Did you mean|Suggestion/);
  });
});

describe('automatic persisted query errors', () => {
  const send = async (url: string, method: 'GET' | 'POST', query: string | undefined, hash: string) => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const response =
      method === 'POST'
        ? await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, extensions }) })
        : await fetch(`${url}?${new URLSearchParams({ ...(query ? { query } : {}), extensions: JSON.stringify(extensions) })}`);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    return { status: response.status, code: body.errors[0]!.extensions.code, message: body.errors[0]!.message };
  };

  it.each(['GET', 'POST'] as const)("a hash that is not the query's: 400 PERSISTED_QUERY_INVALID saying what to send (%s)", async (method) => {
    const answer = await send(federation.gatewayUrl, method, '{ partnerships { slug } }', sha256('{ partnerships { name } }'));
    expect(answer).toEqual({
      status: 400,
      code: 'PERSISTED_QUERY_INVALID',
      message: expect.stringMatching(/sha256Hash does not match the query; send the SHA-256 of exactly the query text/),
    });
  });

  it.each(['GET', 'POST'] as const)(
    'a hash the gateway has not seen: 200 PERSISTED_QUERY_NOT_FOUND, as clients expect before they send the text (%s)',
    async (method) => {
      // 200 and the message "PersistedQueryNotFound" are the protocol: urql matches the message, and
      // Apollo Client turns persisted queries off for good after a 400 or 500 to a hash.
      const answer = await send(federation.gatewayUrl, method, undefined, sha256(`{ partnerships { slug } } # ${Date.now()} ${method}`));
      expect(answer).toEqual({ status: 200, code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' });
    },
  );
});

describe('refused input, at the path of the field whose argument was refused', () => {
  it('an impossible date literal in a field of the first subgraph', async () => {
    const response = await federation.query('{ partnership(slug: "shropshire") { name bodies(asOf: "2024-13-45") { name } } }');
    expect(response.status).toBe(200);
    expect(response.errors).toEqual([
      {
        message: '"2024-13-45" is not a real calendar date between 1900 and 2200',
        path: ['partnership', 'bodies'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      },
    ]);
  });

  it('an impossible date in a variable: every field that uses it', async () => {
    const response = await federation.query(
      'query Structure($on: Date) { partnership(slug: "shropshire") { bodies(asOf: $on) { name } strategicPriorities(asOf: $on) { title } } }',
      {
        variables: { on: '2024-02-30' },
      },
    );
    expect(response.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([
      [['partnership', 'bodies'], 'BAD_USER_INPUT'],
      [['partnership', 'strategicPriorities'], 'BAD_USER_INPUT'],
    ]);
    expect(response.errors![0]!.message).toMatch(/^Variable "\$on" got invalid value "2024-02-30"/);
  });

  it('a bad date in a field another subgraph adds to an entity: the rest of the answer is kept', async () => {
    const response = await federation.query('{ partnership(slug: "shropshire") { name thresholdModel(asOf: "not a date") { id } } }');
    expect(response.data).toEqual({ partnership: { name: expect.stringMatching(/Shropshire/), thresholdModel: null } });
    expect(response.errors).toEqual([
      {
        message: expect.stringMatching(/"not a date" is not a date/),
        path: ['partnership', 'thresholdModel'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      },
    ]);
  });

  it('a bad date below a list: at the list, since its items are not known', async () => {
    const response = await federation.query('{ partnerships { name bodies(asOf: "2024-02-30") { name } } }');
    expect(response.errors!.map((error) => error.path)).toEqual([['partnerships']]);
  });

  it("a bad date in a mutation's argument", async () => {
    const response = await federation.query('mutation { recordSuccessMeasurement(statementId: "x", measuredOn: "2025-02-29", value: 1) { id } }', {
      as: [grant('partnership-admin', 'shropshire')],
    });
    expect(response.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([[['recordSuccessMeasurement'], 'BAD_USER_INPUT']]);
  });
});
