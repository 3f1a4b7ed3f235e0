import { parse } from 'csv-parse/sync';
import { decodeJwt, SignJWT } from 'jose';
import { grant, startTestFederation, tokenFor, type TestFederation } from '@safeguarding/testkit';
import { createGateway, type RunningGateway } from '../src';
import { EXPORT_DEFINITIONS } from '../src/export-definitions';
import { config } from './support/harness';

/**
 * CSV exports: the same figures as the API (the seeds, read through the API, are the oracle), the
 * same permissions, a table a spreadsheet opens; one problem+json error shape; signed download links.
 */
let federation: TestFederation;
const otherGateways: RunningGateway[] = [];
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'reviews', 'thresholds', 'training'] });
});
afterAll(async () => {
  for (const gateway of otherGateways) await gateway.stop();
  await federation?.stop();
});

const base = () => federation.gatewayUrl.replace(/\/graphql$/, '');
const csv = async (path: string, headers: Record<string, string> = {}, at = base()) => {
  const response = await fetch(`${at}${path}`, { headers });
  const text = await response.text();
  return { response, text, rows: response.ok ? parse(text.replace(/^\uFEFF/, '')) : [] };
};
const bearer = (...grants: Parameters<typeof tokenFor>[0]) => ({ authorization: `Bearer ${tokenFor(grants)}` });
const ANALYST = [grant('analyst')];

/** Another gateway on the same subgraphs (a replica, or one with other settings). */
async function anotherGateway(downloads?: { linkLifetimeSeconds?: number }, more: Partial<Parameters<typeof createGateway>[0]> = {}): Promise<string> {
  const gateway = await createGateway({
    ...more,
    subgraphUrls: federation.subgraphUrls,
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
    shutdownGraceMilliseconds: 500,
    downloads,
  });
  otherGateways.push(gateway);
  return (await gateway.listen(0)).replace(/\/graphql$/, '');
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  parameter?: string;
}
async function problemAt(
  path: string,
  headers: Record<string, string> = {},
  at = base(),
): Promise<Problem & { httpStatus: number; authenticate: string | null }> {
  const response = await fetch(`${at}${path}`, { headers });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const text = await response.text();
  // Nothing of the GraphQL operation behind the export shows through.
  expect(text).not.toMatch(/Variable "|\$[a-zA-Z]|GRAPHQL|Cannot query/);
  const body = JSON.parse(text) as Problem;
  expect(body.status).toBe(response.status);
  expect(body.type).toMatch(/^urn:safeguarding-partnerships:problem:/);
  return { ...body, httpStatus: response.status, authenticate: response.headers.get('www-authenticate') };
}

it('exports the comparison with the figures the API gives', async () => {
  const slugs = 'shropshire,telford-and-wrekin,solihull';
  const { response, rows } = await csv(`/exports/comparison.csv?slugs=${slugs}&asOf=2025-06-01`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(rows[0]).toEqual([
    'section',
    'measure',
    'unit',
    'shropshire',
    'shropshire note',
    'telford-and-wrekin',
    'telford-and-wrekin note',
    'solihull',
    'solihull note',
  ]);
  const population = rows.find((row) => row[1] === 'Population')!;
  expect(population).toEqual(['governance', 'Population', 'people', '327200', '2022', '176000', '2019', '', 'Not stated in the documents.']);
  const budget = rows.find((row) => row[1] === 'Budget (latest stated)')!;
  expect(budget.slice(5, 7)).toEqual(['150000', '£150,000.00']);
  const { data } = await federation.query(
    `{ comparePartnerships(slugs: ["shropshire","telford-and-wrekin","solihull"], asOf: "2025-06-01") { governance { measure } reviews { measure } thresholds { measure } training { measure } } }`,
  );
  const { governance, reviews, thresholds, training } = data!.comparePartnerships;
  const measures = [...governance, ...reviews, ...thresholds, ...training].map((r: { measure: string }) => r.measure);
  expect(rows.slice(1).map((row) => row[1])).toEqual(measures);
  // The documented parameter name gives the same table as the older `slugs`.
  expect((await csv(`/exports/comparison.csv?partnerships=${slugs}&asOf=2025-06-01`)).rows).toEqual(rows);
});

it('exports only what the caller may read: training reach needs an analyst', async () => {
  const anonymous = await csv('/exports/comparison.csv?asOf=2025-06-01');
  const attendances = anonymous.rows.find((row) => row[1] === 'Training attendances')!;
  expect(attendances[3]).toBe('');
  expect(attendances[4]).toBe('Training reach is visible to analysts and to members of the partnership.');
  const analyst = await csv('/exports/comparison.csv?asOf=2025-06-01', { authorization: `Bearer ${tokenFor([grant('analyst')])}` });
  expect(Number(analyst.rows.find((row) => row[1] === 'Training attendances')![3])).toBeGreaterThan(0);
});

it('exports a partnership’s bodies and the organisation registry', async () => {
  const bodies = await csv('/exports/bodies.csv?partnership=telford-and-wrekin&asOf=2025-06-01');
  expect(bodies.rows[0]!.slice(0, 3)).toEqual(['id', 'name', 'kind']);
  expect(bodies.rows.slice(1).map((row) => row[0])).toContain('telford-and-wrekin.executive');
  const organisations = await csv('/exports/organisations.csv');
  expect(organisations.rows.find((row) => row[0] === 'west-mercia-police')).toEqual(['west-mercia-police', 'West Mercia Police', 'POLICE', expect.any(String)]);
});

it('refuses bad input, bad tokens and unknown exports clearly', async () => {
  expect((await csv('/exports/comparison.csv?slugs=Not%20a%20slug')).response.status).toBe(400);
  expect((await csv('/exports/comparison.csv?asOf=2025-02-30')).response.status).toBe(400);
  expect((await csv('/exports/secrets.csv')).response.status).toBe(404);
  expect((await csv('/exports/organisations.csv', { authorization: 'Bearer forged' })).response.status).toBe(401);
  const withToken = await csv('/exports/organisations.csv', { authorization: `Bearer ${tokenFor([grant('analyst')])}` });
  expect(withToken.response.status).toBe(200);
});

/**
 * Every list an analyst reads, each checked against the API's own answer for the same question:
 * the first column of the CSV holds, row by row, what `expected` reads from the answer.
 */
const LISTS: { path: string; as?: typeof ANALYST; query: string; expected: (data: any) => (string | number)[]; header: string[] }[] = [
  {
    path: '/exports/members.csv?body=telford-and-wrekin.executive&asOf=2025-06-01',
    query: '{ body(id: "telford-and-wrekin.executive") { members(asOf: "2025-06-01") { id organisation { name } } } }',
    expected: (data) => data.body.members.map((m: any) => m.id),
    header: ['membership id', 'organisation id', 'organisation'],
  },
  {
    path: '/exports/meetings.csv?body=joint.lsp-forum',
    query: '{ body(id: "joint.lsp-forum") { meetings { id } } }',
    expected: (data) => data.body.meetings.map((m: any) => m.id),
    header: ['meeting id', 'date', 'start time'],
  },
  {
    path: '/exports/attendance.csv?body=telford-and-wrekin.executive',
    as: ANALYST,
    query: '{ body(id: "telford-and-wrekin.executive") { meetings { id attendance { unexplained } } } }',
    expected: (data) => data.body.meetings.flatMap((m: any) => (m.attendance ?? []).map(() => m.id)),
    header: ['meeting id', 'meeting date', 'meeting status'],
  },
  {
    path: '/exports/reviews.csv?partnership=shropshire',
    query: '{ partnership(slug: "shropshire") { reviews { id } } }',
    expected: (data) => data.partnership.reviews.map((r: any) => r.id),
    header: ['id', 'code', 'kind'],
  },
  {
    path: '/exports/review-timeliness.csv?partnership=shropshire&from=2019-01-01&to=2026-06-30&asOf=2026-06-30',
    query: '{ partnership(slug: "shropshire") { reviewTimeliness(from: "2019-01-01", to: "2026-06-30", asOf: "2026-06-30") { reviewKind { id } } } }',
    expected: (data) => data.partnership.reviewTimeliness.map((k: any) => k.reviewKind.id),
    header: ['review kind id', 'review kind', 'clock'],
  },
  {
    path: '/exports/repeated-themes.csv',
    query: '{ repeatedThemes { theme { id } byPartnership { reviewCount } } }',
    expected: (data) => data.repeatedThemes.flatMap((t: any) => t.byPartnership.map(() => t.theme.id)),
    header: ['theme id', 'theme', 'reviews (all partnerships)'],
  },
  {
    path: '/exports/training-reach.csv?partnership=telford-and-wrekin&from=2020-01-01&to=2026-12-31',
    as: ANALYST,
    query: '{ partnership(slug: "telford-and-wrekin") { trainingReach(from: "2020-01-01", to: "2026-12-31") { byAgency { organisation { id } } } } }',
    expected: (data) => data.partnership.trainingReach.byAgency.map((a: any) => a.organisation.id),
    header: ['organisation id', 'organisation', 'sector'],
  },
  {
    path: '/exports/learning-coverage.csv?partnership=telford-and-wrekin&since=2020-01-01',
    as: ANALYST,
    query: '{ learningCoverage(partnershipSlug: "telford-and-wrekin", since: "2020-01-01") { themes { theme { id } } } }',
    expected: (data) => data.learningCoverage.themes.map((t: any) => t.theme.id),
    header: ['theme id', 'theme', 'addressed'],
  },
  {
    path: '/exports/threshold-crosswalk.csv?partnerships=telford-and-wrekin,solihull&asOf=2025-06-01',
    query: '{ compareThresholds(partnershipSlugs: ["telford-and-wrekin", "solihull"], asOf: "2025-06-01") { regionalLevel { rank } } }',
    expected: (data) => data.compareThresholds.map((row: any) => row.regionalLevel.rank),
    header: ['regional rank', 'regional level', 'telford-and-wrekin', 'telford-and-wrekin model', 'solihull', 'solihull model'],
  },
];

it.each(LISTS)('exports $path with the rows the API gives', async ({ path, as, query, expected, header }) => {
  const { response, rows } = await csv(path, as ? bearer(...as) : {});
  expect(response.status).toBe(200);
  expect(rows[0]!.slice(0, header.length)).toEqual(header);
  const { data, errors } = await federation.query(query, { as });
  expect(errors).toBeUndefined();
  const want = expected(data).map(String);
  expect(want.length).toBeGreaterThan(0);
  expect(rows.slice(1).map((row) => row[0])).toEqual(want);
});

it('lists every export with its parameters', async () => {
  const index = (await (await fetch(`${base()}/exports`)).json()) as Record<string, { description: string; parameters: Record<string, string> }>;
  expect(Object.keys(index)).toEqual(EXPORT_DEFINITIONS.map((definition) => `/exports/${definition.name}.csv`));
  expect(index['/exports/bodies.csv']!.parameters.partnership).toMatch(/^required: /);
});

it('writes the seeded values in their columns: members, meeting deadlines, the crosswalk', async () => {
  const members = await csv('/exports/members.csv?body=telford-and-wrekin.executive&asOf=2025-06-01');
  const { data } = await federation.query('{ body(id: "telford-and-wrekin.executive") { members(asOf: "2025-06-01") { organisation { name } role } } }');
  expect(members.rows.slice(1).map((row) => [row[2], row[5]])).toEqual(data!.body.members.map((m: any) => [m.organisation.name, m.role]));
  const meetings = await csv('/exports/meetings.csv?body=joint.lsp-forum&from=2025-01-01');
  const answer = await federation.query(
    '{ body(id: "joint.lsp-forum") { meetings(from: "2025-01-01") { date paperwork { papersDueOn draftActionNotesDueOn } } } }',
  );
  expect(meetings.rows.slice(1).map((row) => [row[1], row[6], row[7]])).toEqual(
    answer.data!.body.meetings.map((m: any) => [m.date, m.paperwork.papersDueOn, m.paperwork.draftActionNotesDueOn]),
  );
  const crosswalk = await csv('/exports/threshold-crosswalk.csv?partnerships=telford-and-wrekin&asOf=2025-06-01');
  const levels = await federation.query('{ compareThresholds(partnershipSlugs: ["telford-and-wrekin"], asOf: "2025-06-01") { entries { levels { name } } } }');
  expect(crosswalk.rows.slice(1).map((row) => row[2])).toEqual(
    levels.data!.compareThresholds.map((row: any) => row.entries[0].levels.map((l: any) => l.name).join('; ')),
  );
});

it('lets shared caches keep the public lists briefly, and nothing a caller’s token or link chose', async () => {
  const anonymous = await csv('/exports/bodies.csv?partnership=telford-and-wrekin');
  expect(anonymous.response.headers.get('cache-control')).toBe('public, max-age=60');
  expect(anonymous.response.headers.get('vary')).toMatch(/Authorization/);
  const signedIn = await csv('/exports/bodies.csv?partnership=telford-and-wrekin', bearer(...ANALYST));
  expect(signedIn.response.headers.get('cache-control')).toBe('private, no-store');
  expect(signedIn.rows).toEqual(anonymous.rows);
});

describe('refusals before the export runs are problem+json too', () => {
  it('429 when the caller has made too many requests', async () => {
    const limited = await anotherGateway(undefined, { limits: { rateLimit: { windowSeconds: 60, maxRequests: 2 } } });
    for (let request = 0; request < 2; request += 1) expect((await fetch(`${limited}/exports`)).status).toBe(200);
    const refused = await problemAt('/exports/bodies.csv?partnership=telford-and-wrekin', {}, limited);
    expect([refused.httpStatus, refused.code]).toEqual([429, 'RATE_LIMITED']);
    expect(refused.detail).toMatch(/each caller may make 2 in 60 s/);
  });

  it('403 ORIGIN_NOT_ALLOWED for a preflight from a page on an origin not in CORS_ORIGINS', async () => {
    const response = await fetch(`${base()}/exports/links`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as Problem).code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('413 for a download-link request larger than the endpoint takes', async () => {
    const response = await fetch(`${base()}/exports/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(...ANALYST) },
      body: JSON.stringify({ path: `/exports/bodies.csv?partnership=${'x'.repeat(10_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as Problem).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('errors: one problem+json shape, naming the parameter', () => {
  it('400 for a missing parameter, naming it (not a slug complaint)', async () => {
    const missing = await problemAt('/exports/bodies.csv');
    expect(missing).toMatchObject({ httpStatus: 400, code: 'PARAMETER_MISSING', parameter: 'partnership' });
    expect(missing.detail).toMatch(/needs "partnership"/);
    expect(await problemAt('/exports/review-timeliness.csv?partnership=shropshire&from=2024-01-01')).toMatchObject({
      httpStatus: 400,
      code: 'PARAMETER_MISSING',
      parameter: 'to',
    });
  });

  it('400 for a bad value, naming the parameter and never the GraphQL variable', async () => {
    const badDate = await problemAt('/exports/comparison.csv?asOf=2025-02-30');
    expect(badDate).toMatchObject({ httpStatus: 400, code: 'PARAMETER_INVALID', parameter: 'asOf' });
    expect(badDate.detail).toMatch(/YYYY-MM-DD/);
    expect(await problemAt('/exports/comparison.csv?slugs=Not%20a%20slug')).toMatchObject({ code: 'PARAMETER_INVALID', parameter: 'partnerships' });
    expect(await problemAt('/exports/repeated-themes.csv?minimumReviews=0')).toMatchObject({ code: 'PARAMETER_INVALID', parameter: 'minimumReviews' });
    expect(await problemAt('/exports/bodies.csv?partnership=shropshire&partnership=solihull')).toMatchObject({
      code: 'PARAMETER_INVALID',
      parameter: 'partnership',
    });
    const unknown = await problemAt('/exports/bodies.csv?partnerships=shropshire');
    expect(unknown).toMatchObject({ httpStatus: 400, code: 'PARAMETER_UNKNOWN', parameter: 'partnerships' });
    expect(unknown.detail).toMatch(/it takes: partnership, asOf/);
  });

  it('404 for an unknown partnership or body, instead of a header row', async () => {
    expect(await problemAt('/exports/bodies.csv?partnership=nowhere')).toMatchObject({
      httpStatus: 404,
      code: 'PARTNERSHIP_NOT_FOUND',
      parameter: 'partnership',
    });
    const inList = await problemAt('/exports/comparison.csv?partnerships=shropshire,nowhere');
    expect(inList).toMatchObject({ httpStatus: 404, code: 'PARTNERSHIP_NOT_FOUND', parameter: 'partnerships' });
    expect(inList.detail).toMatch(/"nowhere"/);
    expect(await problemAt('/exports/members.csv?body=nowhere.executive')).toMatchObject({ httpStatus: 404, code: 'BODY_NOT_FOUND', parameter: 'body' });
    expect(await problemAt('/exports/secrets.csv')).toMatchObject({ httpStatus: 404, code: 'EXPORT_NOT_FOUND' });
  });

  it('401 with a challenge for a refused token or a list that needs signing in; 403 outside the caller’s partnership', async () => {
    const forged = await problemAt('/exports/organisations.csv', { authorization: 'Bearer forged' });
    expect(forged).toMatchObject({ httpStatus: 401, code: 'UNAUTHENTICATED' });
    expect(forged.authenticate).toMatch(/^Bearer realm=/);
    const anonymous = await problemAt('/exports/training-reach.csv?partnership=telford-and-wrekin&from=2024-04-01&to=2025-03-31');
    expect(anonymous).toMatchObject({ httpStatus: 401, code: 'UNAUTHENTICATED' });
    const otherPartnership = await problemAt(
      '/exports/training-reach.csv?partnership=telford-and-wrekin&from=2024-04-01&to=2025-03-31',
      bearer(grant('member', 'solihull')),
    );
    expect(otherPartnership).toMatchObject({ httpStatus: 403, code: 'FORBIDDEN' });
  });

  it('refuses ?access_token= instead of answering anonymously', async () => {
    const token = tokenFor(ANALYST);
    const refused = await problemAt(`/exports/training-reach.csv?partnership=telford-and-wrekin&from=2024-04-01&to=2025-03-31&access_token=${token}`);
    expect(refused).toMatchObject({ httpStatus: 400, code: 'ACCESS_TOKEN_IN_QUERY', parameter: 'access_token' });
    expect(refused.detail).toMatch(/POST \/exports\/links/);
    expect((await problemAt(`/exports/organisations.csv?access_token=${token}`)).code).toBe('ACCESS_TOKEN_IN_QUERY');
  });
});

describe('signed download links', () => {
  const reach = '/exports/training-reach.csv?partnership=telford-and-wrekin&from=2020-01-01&to=2026-12-31';
  async function linkFor(path: string, headers: Record<string, string>, at = base()) {
    const response = await fetch(`${at}/exports/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ path }),
    });
    return { status: response.status, body: (await response.json()) as { url: string; expiresAt: string } & Partial<Problem> };
  }

  it('a link made with the caller’s token downloads what the caller reads, with no header, at any replica', async () => {
    const made = await linkFor(reach, bearer(...ANALYST));
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/^\/exports\/training-reach\.csv\?partnership=telford-and-wrekin&from=2020-01-01&to=2026-12-31&link=/);
    const lifetime = Date.parse(made.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(4 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000);
    const withHeader = await csv(reach, bearer(...ANALYST));
    const byLink = await csv(made.body.url);
    expect(byLink.response.status).toBe(200);
    expect(byLink.rows).toEqual(withHeader.rows);
    expect(byLink.rows.length).toBeGreaterThan(1);
    // Another gateway with the same configuration accepts it: nothing is stored.
    expect((await csv(made.body.url, {}, await anotherGateway())).rows).toEqual(withHeader.rows);
  });

  it('refuses an expired link', async () => {
    // 3 s, counted from the start of the second it was made in: at least 2 s to use it.
    const shortLived = await anotherGateway({ linkLifetimeSeconds: 3 });
    const made = await linkFor('/exports/organisations.csv', bearer(...ANALYST), shortLived);
    expect((await csv(made.body.url, {}, shortLived)).response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect(await problemAt(made.body.url, {}, shortLived)).toMatchObject({ httpStatus: 401, code: 'LINK_EXPIRED', parameter: 'link' });
  });

  it('refuses a tampered link: its signature, its parameters or its export', async () => {
    const made = await linkFor(reach, bearer(grant('member', 'telford-and-wrekin')));
    expect((await csv(made.body.url)).response.status).toBe(200);
    const url = new URL(made.body.url, base());
    const token = url.searchParams.get('link')!;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    url.searchParams.set('link', `${header}.${payload}.${flipped}`);
    expect(await problemAt(`${url.pathname}${url.search}`)).toMatchObject({ httpStatus: 401, code: 'LINK_INVALID', parameter: 'link' });
    // The same signed link for another partnership's figures.
    const otherPartnership = made.body.url.replace('partnership=telford-and-wrekin', 'partnership=solihull');
    expect(await problemAt(otherPartnership)).toMatchObject({ httpStatus: 401, code: 'LINK_INVALID' });
    const otherExport = made.body.url.replace('/exports/training-reach.csv', '/exports/learning-coverage.csv').replace(/from=[^&]*&to=[^&]*&/, '');
    expect(await problemAt(otherExport)).toMatchObject({ httpStatus: 401, code: 'LINK_INVALID' });
  });

  it('cannot widen permissions: a link reads only what its maker reads, and its grants cannot be rewritten', async () => {
    const solihullMember = await linkFor(reach, bearer(grant('member', 'solihull')));
    expect(solihullMember.status).toBe(201);
    expect(await problemAt(solihullMember.body.url)).toMatchObject({ httpStatus: 403, code: 'FORBIDDEN' });
    // The same claims with an analyst's grants, signed with any other key, are refused.
    const claims = decodeJwt(new URL(solihullMember.body.url, base()).searchParams.get('link')!);
    const widened = await new SignJWT({ ...claims, grants: ANALYST })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(config.secrets.userToken));
    expect(await problemAt(solihullMember.body.url.replace(/link=[^&]*/, `link=${widened}`))).toMatchObject({ httpStatus: 401, code: 'LINK_INVALID' });
    // A bearer token is not a link, nor a link a bearer token.
    expect(await problemAt(`${reach}&link=${tokenFor(ANALYST)}`)).toMatchObject({ httpStatus: 401, code: 'LINK_INVALID' });
    expect((await csv(reach, { authorization: `Bearer ${new URL(solihullMember.body.url, base()).searchParams.get('link')}` })).response.status).toBe(401);
  });

  it('needs a signed-in caller and a real export to make a link', async () => {
    expect((await linkFor(reach, {})).body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await linkFor('/exports/bodies.csv', bearer(...ANALYST))).body).toMatchObject({ status: 400, code: 'PARAMETER_MISSING', parameter: 'partnership' });
    expect((await linkFor('/etc/passwd', bearer(...ANALYST))).body).toMatchObject({ status: 400, parameter: 'path' });
    // The full address a front end holds will do too.
    expect((await linkFor(`${base()}/exports/organisations.csv`, bearer(...ANALYST))).status).toBe(201);
    expect((await linkFor('/exports/secrets.csv', bearer(...ANALYST))).body).toMatchObject({ status: 404, code: 'EXPORT_NOT_FOUND' });
  });
});
