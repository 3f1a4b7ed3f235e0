import { addMonths, todayInEngland } from '@safeguarding/subgraph-runtime';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { readTrainingPack } from './seeded-packs';

/**
 * The training section of a partnership pack through the gateway: export gives the pack's bytes
 * back, applying it again changes nothing, an edit is listed by a dry run and written by an apply
 * (atomically, with an audit entry), a removed record is ended, bad text and bad rules are refused
 * with nothing written, only the partnership's own admin (or a regional-admin) may, and two
 * applies at once both land. The seeded packs in packs/ are the oracle.
 */
let federation: TestFederation;
const OWN = 'telford-and-wrekin';
const admin = [grant('partnership-admin', OWN)];
const regionalAdmin = [grant('regional-admin')];
const today = todayInEngland();
const SOON = addMonths(today, 6);
const LATER = addMonths(today, 7);

beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'training'] });
});
afterAll(async () => {
  await federation?.stop();
});

const EXPORT = `query ($scope: String!) { trainingPackSection(scope: $scope) { scope section text } }`;
const APPLY = `mutation ($scope: String!, $text: String!, $dryRun: Boolean!) {
  applyTrainingPackSection(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change fields } }
}`;

async function ask<T = Record<string, any>>(document: string, variables: Record<string, unknown> = {}, as: typeof admin | undefined = admin): Promise<T> {
  const response = await federation.query<T>(document, { variables, as });
  if (response.errors) throw new Error(`${document.slice(0, 60)}: ${JSON.stringify(response.errors)}`);
  return response.data!;
}
const exported = async (scope = OWN, as = admin) => (await ask(EXPORT, { scope }, as)).trainingPackSection.text as string;
const apply = async (text: string, dryRun = false, as = admin) => (await ask(APPLY, { scope: OWN, text, dryRun }, as)).applyTrainingPackSection;

/** A digest of every training table but the audit trail: equal before and after means nothing changed. */
async function snapshot(): Promise<string> {
  const training = federation.dataSources.training!;
  const parts: string[] = [];
  for (const table of ['course', 'course_theme', 'course_partnership', 'training_session', 'training_booking', 'training_session_change', 'impact_evidence']) {
    const [row] = await training.query<{ digest: string }[]>(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM training.${table} t`,
    );
    parts.push(`${table}=${row!.digest}`);
  }
  return parts.join(';');
}

const CONFERENCE = 'telford-and-wrekin.childrens-conference';
/** A course whose existence the Telford & Wrekin arrangements state, with two scheduled sessions (one online, one in person). */
const conferenceCourse = (sessions = true) => `  - id: ${CONFERENCE}
    title: Annual Children's Conference
    summary: Children, families and carers hear what abuse is and how to report a concern.
    themes:
      - voice-of-the-child
    audience: WHOLE_WORKFORCE
    level: AWARENESS
    deliveryMethods:
      - CONFERENCE
      - VIRTUAL
    informedBy:
      - PARTNERSHIP_PRIORITY
    provenance:
      kind: stated
      source: 003_b1549964c7b91fcb.txt
      section: Voice of the child
      quote: We will also continue to deliver an annual Children's Conference for children and their families and carers.
${
  sessions
    ? `    sessions:
      - date: "${SOON}"
        startTime: "09:30"
        endTime: "15:30"
        deliveryMethod: CONFERENCE
        venue: Southwater One, Telford
        capacity: 150
        provenance:
          kind: synthetic
          generator: written for the training pack test
      - date: "${LATER}"
        startTime: "10:00"
        endTime: "12:00"
        deliveryMethod: VIRTUAL
        virtualLink: https://teams.example/l/conference
        capacity: 60
        provenance:
          kind: inferred
          from:
            - source: 003_b1549964c7b91fcb.txt
              section: Voice of the child
              quote: annual Children's Conference
          reasoning: A follow-up online session is assumed to go with the conference the arrangements say is held every year.
`
    : ''
}`;

const MENTAL_CAPACITY_TITLE = 'title: Mental capacity and adult safeguarding enquiries';

describe('export and idempotence', () => {
  it.each(['shropshire', 'telford-and-wrekin', 'solihull'])('exports %s as the bytes of packs/%s/training.yaml', async (scope) => {
    expect(await exported(scope, regionalAdmin)).toBe(readTrainingPack(scope));
  });

  it('applies the seeded text again and changes nothing', async () => {
    const before = await snapshot();
    const result = await apply(readTrainingPack(OWN));
    expect(result).toEqual({ scope: OWN, section: 'training', applied: true, changes: [] });
    expect(await snapshot()).toBe(before);
  });
});

describe('an edit', () => {
  const edited = () => readTrainingPack(OWN).replace(MENTAL_CAPACITY_TITLE, 'title: Mental capacity and section 42 enquiries') + conferenceCourse();

  it('is listed by a dry run, which writes nothing', async () => {
    const before = await snapshot();
    const result = await apply(edited(), true);
    expect(result.applied).toBe(false);
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { entity: 'Course', key: 'telford-and-wrekin.mental-capacity-in-adult-safeguarding', change: 'CHANGED', fields: ['title'] },
        { entity: 'Course', key: CONFERENCE, change: 'ADDED', fields: [] },
        { entity: 'CourseTheme', key: `${CONFERENCE}/voice-of-the-child`, change: 'ADDED', fields: [] },
        { entity: 'CourseOffering', key: `${CONFERENCE}/${OWN}`, change: 'ADDED', fields: [] },
        { entity: 'TrainingSession', key: `${CONFERENCE}@${SOON}T09:30`, change: 'ADDED', fields: [] },
        { entity: 'TrainingSession', key: `${CONFERENCE}@${LATER}T10:00`, change: 'ADDED', fields: [] },
      ]),
    );
    expect(result.changes).toHaveLength(6);
    expect(await snapshot()).toBe(before);
  });

  it('is written by an apply, read back through the API, with its provenance, and audited', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const result = await apply(edited());
    expect(result.applied).toBe(true);
    expect(result.changes).toHaveLength(6);
    expect((await apply(edited())).changes).toEqual([]);

    const { course, mentalCapacity } = await ask(`{
      course(id: "${CONFERENCE}") {
        title offeredBy { id }
        source { kind document section quote }
        sessions { date startTime venue virtualLink capacity status source { kind quote generator reasoning inferredFrom { kind document quote } } }
      }
      mentalCapacity: course(id: "telford-and-wrekin.mental-capacity-in-adult-safeguarding") { title source { kind generator synthetic } }
    }`);
    expect(mentalCapacity).toMatchObject({ title: 'Mental capacity and section 42 enquiries', source: { kind: 'SYNTHETIC', synthetic: true } });
    expect(mentalCapacity.source.generator).toMatch(/name no course/);
    expect(course.offeredBy).toEqual([{ id: OWN }]);
    expect(course.source).toEqual({
      kind: 'STATED',
      document: '003_b1549964c7b91fcb.txt',
      section: 'Voice of the child',
      quote: "We will also continue to deliver an annual Children's Conference for children and their families and carers.",
    });
    const upcoming = course.sessions.filter((session: { date: string }) => session.date >= SOON);
    expect(upcoming).toEqual([
      {
        date: SOON,
        startTime: '09:30',
        venue: 'Southwater One, Telford',
        virtualLink: null,
        capacity: 150,
        status: 'SCHEDULED',
        source: { kind: 'SYNTHETIC', quote: null, generator: 'written for the training pack test', reasoning: null, inferredFrom: null },
      },
      {
        date: LATER,
        startTime: '10:00',
        venue: null,
        virtualLink: 'https://teams.example/l/conference',
        capacity: 60,
        status: 'SCHEDULED',
        source: {
          kind: 'INFERRED',
          quote: null,
          generator: null,
          reasoning: 'A follow-up online session is assumed to go with the conference the arrangements say is held every year.',
          inferredFrom: [{ kind: 'STATED', document: '003_b1549964c7b91fcb.txt', quote: "annual Children's Conference" }],
        },
      },
    ]);

    const trail = await ask(`query ($from: String) { partnership(slug: "${OWN}") { trainingAuditTrail(from: $from) { field subject errorCode } } }`, { from });
    const applied = trail.partnership.trainingAuditTrail.filter(
      (event: { field: string; errorCode: string | null }) => event.field === 'applyTrainingPackSection',
    );
    expect(applied.length).toBeGreaterThanOrEqual(2);
    expect(applied.every((event: { errorCode: string | null }) => event.errorCode === null)).toBe(true);
  });

  it('exports what it applied, so a second apply of the export changes nothing', async () => {
    const text = await exported();
    expect(text).toContain('title: Mental capacity and section 42 enquiries');
    expect(text).toContain(`id: ${CONFERENCE}`);
    expect((await apply(text)).changes).toEqual([]);
  });

  it('ends a removed session (cancelled, with the reason) and a removed course (retired after its last session going ahead)', async () => {
    const withoutLater = readTrainingPack(OWN).replace(MENTAL_CAPACITY_TITLE, 'title: Mental capacity and section 42 enquiries') + conferenceCourse();
    const oneSession = withoutLater.slice(0, withoutLater.indexOf(`      - date: "${LATER}"`));
    const result = await apply(oneSession);
    expect(result.changes).toEqual([{ entity: 'TrainingSession', key: `${CONFERENCE}@${LATER}T10:00`, change: 'ENDED', fields: ['status'] }]);
    const { course } = await ask(`{ course(id: "${CONFERENCE}") { sessions { date status cancellationReason } } }`);
    expect(course.sessions.find((session: { date: string }) => session.date === LATER)).toEqual({
      date: LATER,
      status: 'CANCELLED',
      cancellationReason: 'Removed from the partnership pack.',
    });

    const withoutCourse = await apply(readTrainingPack(OWN).replace(MENTAL_CAPACITY_TITLE, 'title: Mental capacity and section 42 enquiries'));
    expect(withoutCourse.changes).toEqual([{ entity: 'Course', key: CONFERENCE, change: 'ENDED', fields: ['retiredOn'] }]);
    const retired = await ask(`{ course(id: "${CONFERENCE}") { retiredOn } }`);
    expect(retired.course.retiredOn).toBe(SOON);
  });
});

describe('refusals write nothing', () => {
  async function refused(text: string, as: typeof admin | undefined, code: string, scope = OWN) {
    const before = await snapshot();
    const response = await federation.query(APPLY, { variables: { scope, text, dryRun: false }, as });
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(await snapshot()).toBe(before);
    return response.errors![0]!;
  }

  it.each([
    ['a syntax error', (text: string) => text.replace('courses:\n', 'courses:\n  - id: [unclosed\n'), /./],
    ['a wrong type', (text: string) => text.replace('level: FOUNDATION', 'level: 3'), /level/],
    ['an unknown field', (text: string) => text.replace('    audience: ADULTS_WORKFORCE', '    audience: ADULTS_WORKFORCE\n    colour: blue'), /colour/],
  ])('refuses %s with problems naming line and column', async (_name, edit, mentions) => {
    const error = await refused(edit(readTrainingPack(OWN)), admin, 'BAD_USER_INPUT');
    const problems = error.extensions!.problems as { line: number; column: number; field: string; message: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBeGreaterThan(0);
    expect(problems[0]!.column).toBeGreaterThan(0);
    expect(JSON.stringify(problems)).toMatch(mentions);
  });

  it("refuses what the programme's mutations refuse, naming the field", async () => {
    const unknownTheme = await refused(readTrainingPack(OWN).replace('      - mental-capacity\n', '      - no-such-theme\n'), admin, 'BAD_USER_INPUT');
    expect(unknownTheme.extensions!.field).toMatch(/^courses\[\d+\]\.themes$/);
    const noLink = await refused(
      readTrainingPack(OWN) + conferenceCourse().replace('        virtualLink: https://teams.example/l/conference\n', ''),
      admin,
      'BAD_USER_INPUT',
    );
    expect(noLink.extensions!.field).toMatch(/^courses\[\d+\]\.sessions\[1\]\.virtualLink$/);
    const past = await refused(readTrainingPack(OWN) + conferenceCourse().replace(`"${SOON}"`, '"2020-01-01"'), admin, 'BAD_USER_INPUT');
    expect(past.message).toMatch(/in the past/);
  });

  it('refuses to make a course joint with a partnership whose rights the caller lacks', async () => {
    // The first joint course of Telford & Wrekin's pack (with Shropshire) made joint with Solihull too.
    const joint = readTrainingPack(OWN).replace('    jointWith:\n      - shropshire\n', '    jointWith:\n      - shropshire\n      - solihull\n');
    const error = await refused(joint, admin, 'BAD_USER_INPUT');
    expect(error.extensions!.field).toBe('courses[0].jointWith');
    expect(error.message).toMatch(/needs the rights of solihull/);
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a member', 'FORBIDDEN', [grant('member', OWN)]],
    ['a partnership-admin of another partnership', 'FORBIDDEN', [grant('partnership-admin', 'solihull')]],
  ])('refuses %s (%s), and the export too', async (_name, code, as) => {
    await refused(readTrainingPack(OWN), as, code);
    const response = await federation.query(EXPORT, { variables: { scope: OWN }, as });
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
  });

  it('refuses a partnership-admin the regional scope with FORBIDDEN', async () => {
    await refused(readTrainingPack(OWN), admin, 'FORBIDDEN', 'regional');
  });
});

describe('two applies at once', () => {
  it('both land, one after the other, and the end state is the later one whole', async () => {
    const base = await exported();
    const first = base.replace(MENTAL_CAPACITY_TITLE, 'title: Mental capacity, first edit');
    const second = base.replace('level: ADVANCED', 'level: SPECIALIST');
    const [a, b] = await Promise.all([apply(first), apply(second)]);
    expect(a.applied && b.applied).toBe(true);
    const end = await exported();
    expect([first, second]).toContain(end);
    // Whichever went second undid the other's edit, and said so.
    const later = end === first ? a : b;
    expect(later.changes.length).toBeGreaterThan(0);
  });
});
