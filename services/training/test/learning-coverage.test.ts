import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { loadConfig } from '@safeguarding/config';
import { createGateway, type RunningGateway } from '@safeguarding/gateway';
import { grant, postGraphQL, startTestFederation, type QueryOptions, type TestFederation } from '@safeguarding/testkit';
import { loadTypeDefs, servedTypeDefs } from '@safeguarding/subgraph-runtime';
import { THEMES } from '@safeguarding/vocabulary';
import { insertCourse, insertSessions } from './fixtures';

/**
 * learningCoverage through a gateway: the review themes come from a stand-in for the reviews
 * subgraph (the same Partnership.reviewThemeIds and Theme contract), so the gap list is checked on
 * a fixture worked out by hand: one review theme has no course, one has a course that has not run
 * since the date, two are addressed. The gateway brings the themes to training (@requires); no
 * subgraph calls another.
 */
const REVIEW_THEMES: Record<string, string[]> = {
  solihull: ['self-neglect', 'neglect', 'exploitation', 'mental-capacity', 'neglect'],
  shropshire: [],
};

const STAND_IN_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  type Query { reviewsStandInReady: Boolean }
  type Partnership @key(fields: "id") { id: ID! reviewThemeIds: [ID!] }
  type Theme @key(fields: "id") { id: ID! name: String! }
  # What the real reviews subgraph offers for agenda learning gaps; unused by these tests.
  type AgendaCandidates @key(fields: "id") { id: ID! reviewThemesByPartnership: [PartnershipReviewThemes!] }
  type PartnershipReviewThemes @shareable { partnershipSlug: String! themeIds: [ID!]! }
`;

let federation: TestFederation;
let gateway: RunningGateway;
let gatewayUrl: string;
let standIn: ApolloServer;

beforeAll(async () => {
  federation = await startTestFederation({ only: ['training'] });
  standIn = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(STAND_IN_SDL),
      resolvers: {
        Partnership: { __resolveReference: ({ id }: { id: string }) => ({ id, reviewThemeIds: REVIEW_THEMES[id] ?? [] }) },
        Theme: { __resolveReference: ({ id }: { id: string }) => THEMES.find((theme) => theme.id === id) ?? null },
      },
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url: standInUrl } = await startStandaloneServer(standIn, { listen: { port: 0, host: '127.0.0.1' } });
  const composed = composeServices([
    { name: 'training', url: federation.subgraphUrls.training!, typeDefs: servedTypeDefs('training', loadTypeDefs(path.join(__dirname, '..', 'schema'))) },
    { name: 'reviews', url: standInUrl, typeDefs: parse(STAND_IN_SDL) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  gateway = await createGateway({
    subgraphUrls: { training: federation.subgraphUrls.training!, reviews: standInUrl },
    supergraphSdl: composed.supergraphSdl,
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
  });
  gatewayUrl = await gateway.listen(0);

  const training = federation.dataSources.training!;
  await insertCourse(training, { id: 'solihull.fixture-neglect', title: 'Fixture neglect', partnershipIds: ['solihull'], themeIds: ['neglect'] });
  await insertSessions(training, 'solihull.fixture-neglect', [
    { heldOn: '2041-01-01', deliveryMethod: 'VIRTUAL', capacity: 10 },
    { heldOn: '2039-06-01', deliveryMethod: 'VIRTUAL', capacity: 10 },
    { heldOn: '2040-03-01', deliveryMethod: 'FACE_TO_FACE', capacity: 10 },
  ]);
  await insertCourse(training, { id: 'solihull.fixture-capacity', title: 'Fixture capacity', partnershipIds: ['solihull'], themeIds: ['mental-capacity'] });
  await insertSessions(training, 'solihull.fixture-capacity', [{ heldOn: '2039-12-31', deliveryMethod: 'VIRTUAL', capacity: 10 }]);
  // A seeded Solihull course that teaches exploitation gets one session after the date.
  await insertSessions(training, 'solihull.serious-violence-and-young-people', [{ heldOn: '2040-05-01', deliveryMethod: 'CONFERENCE', capacity: 100 }]);
  // Shropshire teaches self-neglect, but that does not close Solihull's gap.
  await insertSessions(training, 'shropshire.self-neglect-and-hoarding', [{ heldOn: '2040-06-01', deliveryMethod: 'VIRTUAL', capacity: 30 }]);
});
afterAll(async () => {
  await gateway?.stop();
  await standIn?.stop();
  await federation?.stop();
});

const query = (text: string, options?: QueryOptions) => postGraphQL<Record<string, any>>(gatewayUrl, text, options);

const COVERAGE = `query ($slug: String!, $since: Date) {
  learningCoverage(partnershipSlug: $slug, since: $since) {
    id since partnership { id }
    themes { theme { id name } courses { id } sessions { date } addressed }
    gaps { id name }
  }
}`;

describe('learningCoverage', () => {
  it("lists each review theme's courses and sessions since the date, and the gaps", async () => {
    const { data, errors } = await query(COVERAGE, { variables: { slug: 'solihull', since: '2040-01-01' }, as: [grant('analyst')] });
    expect(errors).toBeUndefined();
    expect(data!.learningCoverage).toEqual({
      id: 'solihull',
      since: '2040-01-01',
      partnership: { id: 'solihull' },
      themes: [
        {
          theme: { id: 'exploitation', name: 'Exploitation' },
          courses: [{ id: 'solihull.serious-violence-and-young-people' }],
          sessions: [{ date: '2040-05-01' }],
          addressed: true,
        },
        { theme: { id: 'mental-capacity', name: 'Mental capacity' }, courses: [{ id: 'solihull.fixture-capacity' }], sessions: [], addressed: false },
        {
          theme: { id: 'neglect', name: 'Neglect' },
          courses: [{ id: 'solihull.fixture-neglect' }],
          sessions: [{ date: '2040-03-01' }, { date: '2041-01-01' }],
          addressed: true,
        },
        { theme: { id: 'self-neglect', name: 'Self-neglect' }, courses: [], sessions: [], addressed: false },
      ],
      gaps: [
        { id: 'mental-capacity', name: 'Mental capacity' },
        { id: 'self-neglect', name: 'Self-neglect' },
      ],
    });
  });

  it('counts the older sessions when the date is earlier', async () => {
    const { data } = await query(COVERAGE, { variables: { slug: 'solihull', since: '2039-06-01' }, as: [grant('member', 'solihull')] });
    const neglect = data!.learningCoverage.themes.find((theme: { theme: { id: string } }) => theme.theme.id === 'neglect');
    expect(neglect.sessions).toEqual([{ date: '2039-06-01' }, { date: '2040-03-01' }, { date: '2041-01-01' }]);
    expect(data!.learningCoverage.gaps).toEqual([{ id: 'self-neglect', name: 'Self-neglect' }]);
  });

  it('has no themes and no gaps when the reviews raised none', async () => {
    const { data, errors } = await query(COVERAGE, { variables: { slug: 'shropshire', since: '2040-01-01' }, as: [grant('regional-admin')] });
    expect(errors).toBeUndefined();
    expect(data!.learningCoverage).toMatchObject({ themes: [], gaps: [] });
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['a member of another partnership', 'FORBIDDEN', [grant('member', 'shropshire')]],
    ['the forum secretariat', 'FORBIDDEN', [grant('forum-secretariat')]],
  ])('refuses %s with %s', async (_who, code, as) => {
    const { data, errors } = await query(COVERAGE, { variables: { slug: 'solihull', since: '2040-01-01' }, as });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(data?.learningCoverage ?? null).toBeNull();
  });

  it.each([
    ['a malformed partnership slug', { slug: 'Solihull!', since: '2040-01-01' }, /not a slug/],
    ['an impossible date', { slug: 'solihull', since: '2040-13-01' }, /not a real calendar date/],
  ])('refuses %s with BAD_USER_INPUT', async (_case, variables, message) => {
    const { errors } = await query(COVERAGE, { variables, as: [grant('analyst')] });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
  });
});
