/**
 * Partial answers: each subgraph in turn is stopped and the READMEs' queries are run. Everything
 * the other subgraphs answer must be exactly what the whole federation answered (the seed data is
 * the oracle); what is missing must be null, each null with an error at its own path that names
 * the stopped subgraph; and nothing may leak an internal address.
 */
import { createTestDatabase, postGraphQL, type TestDatabase } from '@safeguarding/testkit';
import { signUserToken } from '@safeguarding/auth';
import { config, ControllableFederation, eventually, LEAK_PATTERN } from './support/harness';

const SUBGRAPHS = ['arrangements', 'membership', 'reviews', 'thresholds', 'training'] as const;
// Starting (migrating, seeding) five subgraphs on a busy two-core machine can take minutes.
const STARTUP_MILLISECONDS = 600_000;

// An analyst may read everything the READMEs show (reach, coverage, attendance).
const analyst = `Bearer ${signUserToken(config.secrets.userToken, 'faults-analyst', [{ role: 'analyst', partnershipSlug: null }])}`;

/** The READMEs' queries: README.md "Try it" and each subgraph's README. */
const QUERIES: Record<string, string> = {
  "the issue's example": `{ partnership(slug: "solihull") { name reviews { code } } }`,
  'Try it: a partnership': `{
    partnership(slug: "telford-and-wrekin") {
      name
      leadSafeguardingPartners { organisation { name sector } delegatedPost }
      budgets { total { formatted } contributions { organisation { name } amount { formatted } } }
      bodies { name kind meetingFrequency { description } chairRule { description } }
    } }`,
  'Try it: the structure on a date': `{
    before: partnership(slug: "shropshire") { bodies(asOf: "2024-09-01") { name validTo } }
    after: partnership(slug: "shropshire") { bodies(asOf: "2024-11-01") { name validFrom } }
    forum: body(id: "joint.lsp-forum") { name partnerships { name } meetingFrequency { meetingsPerYear } } }`,
  'Try it: the comparison': `{
    comparePartnerships(slugs: ["shropshire", "telford-and-wrekin", "solihull"], asOf: "2026-06-30") {
      governance { measure unit cells { partnershipSlug value text missingReason source { document synthetic } } }
      reviews { measure unit cells { partnershipSlug value missingReason } }
      thresholds { measure cells { partnershipSlug value text } }
    } }`,
  'Try it: the strategic plan': `{
    partnership(slug: "shropshire") {
      strategicPriorities(asOf: "2025-06-01") {
        title ragSummary(asOf: "2025-06-01") { red amber green notMeasurable }
        successStatements { text target { comparison value unit } rag(asOf: "2025-06-01") }
      } } }`,
  'Try it: the forum agenda': `{
    body(id: "joint.lsp-forum") {
      meetings(from: "2026-01-01") {
        id date
        agendaCandidates { since until governance { key title reason } reviews { key title reason } membership { key title reason } learningGaps { key title reason } }
        agenda { status publishedVersion items { title section minutesAllotted paperLate } versions { number changeNote } }
      } } }`,
  'arrangements: structure and procedures': `{
    partnerships { name statutoryFunctions { kind } population { value year source { document section } } }
    body(id: "telford-and-wrekin.executive") {
      name meetingFrequency { meetingsPerYear period }
      chairRule { description termMonths noConsecutiveTermsSameOrganisation viceChairSucceeds }
      quorumRule { description requiredOrganisations { name } }
      reportingBodies { name }
    }
    regionalProcedures { title adoptions { partnership { name } how } } }`,
  'membership: shared agencies': `{
    sharedAgencies(partnershipSlugs: ["shropshire", "telford-and-wrekin"], bodyIds: ["shropshire.tackling-exploitation-group", "telford-and-wrekin.exploitation"]) {
      organisation { name }
      partnerships { partnership { name } bodies { name } }
    } }`,
  'membership: the chair': `{
    body(id: "telford-and-wrekin.executive") {
      chair(asOf: "2025-06-01") { organisation { name } post { title } startDate endDate }
      viceChair(asOf: "2025-06-01") { organisation { name } }
      chairCompliance { compliant appointmentsChecked breaches { check explanation } }
      members { role organisation { name } post { title } }
    } }`,
  'membership: quorum': `{
    body(id: "telford-and-wrekin.executive") {
      meetings(from: "2026-10-01", to: "2026-10-31") {
        date
        quorum { quorate missingAgencies { name } representedAgencies { name } }
        attendance { organisation { name } post { title } outcome attendedAs apologyReason apologyReasonValid }
        unexplainedAbsences { organisation { name } post { title } }
      } } }`,
  'membership: an organisation and designations': `{
    organisation(id: "west-mercia-police") { partnerships { slug } memberships { role body { name } } designations { kind partnership { slug } } }
    designations(partnershipSlug: "solihull") { kind }
    partnership(slug: "shropshire") { designations { kind organisation { name } post { title } } } }`,
  'reviews: overdue rapid reviews': `{
    partnership(slug: "shropshire") {
      name
      reviews(filter: { kindIds: ["rapid-review"] }) {
        code status notifiedOn dueDate signedOffOn isOverdue daysLate isSynthetic
        themes { name }
        learningBriefing { dueDate publishedOn daysLate }
        actionPlan { dueDate status actions { description ragStatus owner { name } } }
      } } }`,
  'reviews: timeliness': `{
    partnerships {
      name
      reviewTimeliness(from: "2024-04-01", to: "2025-03-31") {
        reviewKind { name } clock { description }
        completed completedOnTime completedLate medianWorkingDaysToSignOff overdueNow
      } } }`,
  'reviews: repeated themes': `{ repeatedThemes(from: "2024-01-01") { theme { name } reviewCount byPartnership { partnership { name } reviewCount } } }`,
  'thresholds: the crosswalk': `{
    compareThresholds(partnershipSlugs: ["telford-and-wrekin", "shropshire", "solihull"]) {
      regionalLevel { name }
      entries { partnership { name } levels { name verified crosswalk { straddles confidence rationale } } }
    } }`,
  'thresholds: translate a level': `{
    translateLevel(fromPartnership: "telford-and-wrekin", level: "Vulnerable", toPartnership: "shropshire") {
      regionalLevels { name }
      equivalents { level { name verified } match confidence rationale }
    } }`,
  'thresholds: search and models': `{
    searchIndicators(text: "early help or family", partnershipSlug: "telford-and-wrekin") { rank indicator { text level { name } source { document section } } }
    partnerships { name thresholdModel(asOf: "2019-06-01") { title effectiveFrom verified frontDoor { name kind } } } }`,
  'training: the programme': `{
    partnership(slug: "telford-and-wrekin") {
      name
      trainingProgramme(year: 2024) {
        label synthetic
        courses { title level audience themes { id } regionalProcedureChapters { title } offeredBy { id } }
        sessions { id date deliveryMethod capacity placesLeft feedback { responses averageRating } }
        impactSummary { sessionsDelivered attendances agenciesReached averageRating impactEvidence { kind count } }
      } } }`,
  'training: reach': `{
    partnership(slug: "shropshire") {
      trainingReach(from: "2024-04-01", to: "2025-03-31") {
        sessions capacity placesBooked attendances fillRate
        byAgency { organisation { name } sector attendances }
        bySector { sector agencies attendances }
        deliveryMethodMix { deliveryMethod sessions share }
      } } }`,
  'training: learning coverage': `{
    learningCoverage(partnershipSlug: "shropshire", since: "2024-04-01") {
      themes { theme { id name } courses { title } sessions { date deliveryMethod } addressed }
      gaps { id name }
    } }`,
};

type Path = (string | number)[];
interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: Path; extensions?: Record<string, unknown> }[];
}

const ask = (url: string, query: string) => postGraphQL<Record<string, unknown>>(url, query, { authorization: analyst }) as Promise<Answer>;
const key = (path: Path) => JSON.stringify(path);
const startsWith = (path: Path, prefix: Path) => prefix.every((part, index) => path[index] === part);

/**
 * Where the partial answer differs from the whole one, with what is wrong there: the partial one
 * may only have null where the whole had a value, each with an error at that path. A field that
 * needs another field's data (@requires) may instead have the error at a sibling or a sibling's
 * child (the data it needed), never below itself (that would be a null that spread upwards).
 */
function differences(whole: unknown, partial: unknown, errorPaths: Path[], path: Path = []): string[] {
  if (JSON.stringify(whole) === JSON.stringify(partial)) return [];
  if (partial === null) {
    const parent = path.slice(0, -1);
    const explained = errorPaths.some(
      (errorPath) => key(errorPath) === key(path) || (startsWith(errorPath, parent) && !startsWith(errorPath, path) && errorPath.length <= path.length + 1),
    );
    return explained ? [] : [`${key(path)} is null with no error at its path`];
  }
  if (Array.isArray(whole) && Array.isArray(partial) && whole.length === partial.length) {
    return whole.flatMap((item, index) => differences(item, partial[index], errorPaths, [...path, index]));
  }
  if (whole && partial && typeof whole === 'object' && typeof partial === 'object' && !Array.isArray(whole)) {
    const keys = new Set([...Object.keys(whole), ...Object.keys(partial)]);
    return [...keys].flatMap((name) =>
      differences((whole as Record<string, unknown>)[name], (partial as Record<string, unknown>)[name], errorPaths, [...path, name]),
    );
  }
  return [`${key(path)} changed from ${JSON.stringify(whole)?.slice(0, 80)} to ${JSON.stringify(partial)?.slice(0, 80)}`];
}

describe('partial answers when a subgraph is down', () => {
  let database: TestDatabase;
  let federation: ControllableFederation;
  const whole = new Map<string, Answer>();

  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
    federation = new ControllableFederation(database.url, database.poolSize);
    for (const name of SUBGRAPHS) await federation.startSubgraph(name);
    await federation.startGateway();
    for (const [name, query] of Object.entries(QUERIES)) whole.set(name, await ask(federation.gatewayUrl, query));
  }, STARTUP_MILLISECONDS);
  afterAll(async () => {
    await federation?.stop();
    await database?.drop();
  });

  it('answers every README query whole, without errors, while all subgraphs are up', () => {
    for (const [name, answer] of whole) {
      expect({ name, errors: answer.errors }).toEqual({ name, errors: undefined });
    }
    const example = whole.get("the issue's example")!.data as { partnership: { name: string; reviews: { code: string }[] } };
    expect(example.partnership.name).toMatch(/Solihull/);
    expect(example.partnership.reviews.length).toBeGreaterThan(0);
  });

  describe.each(SUBGRAPHS)('with %s down', (down) => {
    const partial = new Map<string, Answer>();

    beforeAll(async () => {
      await federation.stopSubgraph(down);
      for (const [name, query] of Object.entries(QUERIES)) partial.set(name, await ask(federation.gatewayUrl, query));
    }, STARTUP_MILLISECONDS);
    afterAll(async () => {
      await federation.restartSubgraph(down);
      const back = await eventually(async () => (await ask(federation.gatewayUrl, QUERIES["the issue's example"]!)).errors === undefined, 50);
      expect(back).toBe(true);
    }, STARTUP_MILLISECONDS);

    it.each(Object.keys(QUERIES))('keeps every other subgraph\'s data in "%s"; each missing field is null with an error at its path', (name) => {
      const answer = partial.get(name)!;
      expect(answer.status).toBe(200);
      for (const error of answer.errors ?? []) {
        expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: down, serviceName: down });
        expect(error.path?.length).toBeGreaterThan(0);
        expect(error.message).toMatch(new RegExp(`^The ${down} part of the platform is unavailable`));
      }
      expect(JSON.stringify(answer)).not.toMatch(LEAK_PATTERN);
      const errorPaths = (answer.errors ?? []).map((error) => error.path!);
      expect(differences(whole.get(name)!.data, answer.data, errorPaths)).toEqual([]);
    });

    it('misses something in the queries that ask it, and nothing in the others', () => {
      const touched = [...partial].filter(([, answer]) => answer.errors?.length).map(([name]) => name);
      expect(touched.length).toBeGreaterThan(0);
      for (const name of Object.keys(QUERIES).filter((query) => !touched.includes(query))) {
        expect({ name, data: partial.get(name)!.data }).toEqual({ name, data: whole.get(name)!.data });
      }
    });
  });

  describe("the issue's cases, spelled out", () => {
    afterEach(async () => {
      for (const name of SUBGRAPHS) if (!federation.subgraphs.get(name)!.server) await federation.restartSubgraph(name);
    }, STARTUP_MILLISECONDS);

    it('keeps the partnership arrangements answered when reviews is down, with reviews null at its path', async () => {
      await federation.stopSubgraph('reviews');
      const answer = await ask(federation.gatewayUrl, QUERIES["the issue's example"]!);
      const example = whole.get("the issue's example")!.data as { partnership: { name: string } };
      expect(answer.data).toEqual({ partnership: { name: example.partnership.name, reviews: null } });
      expect(answer.errors).toEqual([
        {
          message: expect.stringMatching(/^The reviews part of the platform is unavailable/),
          path: ['partnership', 'reviews'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'reviews', serviceName: 'reviews' },
        },
      ]);
    });

    it("keeps the comparison's other sections when reviews is down", async () => {
      await federation.stopSubgraph('reviews');
      const answer = await ask(federation.gatewayUrl, QUERIES['Try it: the comparison']!);
      const comparison = whole.get('Try it: the comparison')!.data!.comparePartnerships as Record<string, unknown[]>;
      expect(comparison.governance!.length).toBeGreaterThan(0);
      expect(answer.data).toEqual({ comparePartnerships: { governance: comparison.governance, reviews: null, thresholds: comparison.thresholds } });
      expect(answer.errors!.map((error) => error.path)).toEqual([['comparePartnerships', 'reviews']]);
    });

    it("keeps the partnership, its budgets and its bodies when membership is down, with each agency's name null at its path", async () => {
      await federation.stopSubgraph('membership');
      const answer = await ask(federation.gatewayUrl, QUERIES['Try it: a partnership']!);
      const partnership = answer.data!.partnership as { name: string; leadSafeguardingPartners: { organisation: { name: null }; delegatedPost: string }[] };
      expect(partnership.name).toBe((whole.get('Try it: a partnership')!.data!.partnership as { name: string }).name);
      expect(partnership.leadSafeguardingPartners.length).toBeGreaterThan(0);
      expect(partnership.leadSafeguardingPartners.map((partner) => partner.organisation)).toEqual(
        partnership.leadSafeguardingPartners.map(() => ({ name: null, sector: null })),
      );
      const paths = answer.errors!.map((error) => key(error.path!));
      expect(paths).toContain(key(['partnership', 'leadSafeguardingPartners', 0, 'organisation', 'name']));
      expect(paths).toContain(key(['partnership', 'leadSafeguardingPartners', 0, 'organisation', 'sector']));
    });
  });
});
