/**
 * Text that cannot mislead, and free text that cannot identify a person, through the gateway:
 * names refuse line breaks and bidi controls; notes keep newlines; text about reviews, cases and
 * learning refuses structured identifiers (naming the field and the kind, never the value) and a
 * refused mutation writes nothing; likely names are flagged to the review's partnership only;
 * chart labels are escaped in every format.
 */
import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { grant, startTestFederation, type GraphQLResponse, type TestFederation } from '@safeguarding/testkit';
import { checksum } from './hostile-input/harness';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'reviews', 'thresholds'] });
});
afterAll(async () => {
  await federation?.stop();
});

const shropshireAdmin = [grant('partnership-admin', 'shropshire')];
const telfordAdmin = [grant('partnership-admin', 'telford-and-wrekin')];
const secretariat = [grant('forum-secretariat')];
const ISSUE_EXAMPLE = 'Jane Smith (DOB 03/04/2015, NHS 943 476 5919, SY1 1AA, jane@example.com) was not seen by the health visitor';
const PRACTICE =
  'Child A was not seen by the health visitor; the mother, the GP and Practitioner 3 did not share the concern with Shropshire Council before the meeting on 12/03/2025.';

/** Sends a mutation that must be refused with BAD_USER_INPUT, and checks the subgraph's tables are unchanged. */
async function refused(
  schema: string,
  document: string,
  variables: Record<string, unknown>,
  as: ReturnType<typeof grant>[],
): Promise<NonNullable<GraphQLResponse['errors']>[number]> {
  const before = await checksum(federation, schema);
  const response = await federation.query(document, { variables, as });
  expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
  expect(await checksum(federation, schema)).toBe(before);
  return response.errors![0]!;
}

/** The refusal names the field and the kinds found and repeats none of the values sent. */
function expectIdentifierRefusal(error: NonNullable<GraphQLResponse['errors']>[number], field: string, kinds: string[], values: string[]) {
  expect(error.extensions).toMatchObject({ field, identifierKinds: kinds });
  expect(error.message.startsWith(`${field} contains what looks like`)).toBe(true);
  for (const value of values) expect(error.message).not.toContain(value);
}

const shift = (days: number) => {
  const date = new Date(`${todayInEngland()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

// ---------------------------------------------------------------------------------------------

describe('single-line text: names and titles', () => {
  const EXECUTIVE = 'telford-and-wrekin.executive';
  const UPDATE = `mutation ($v: Int!, $input: UpdateBodyInput!) { updateBody(id: "${EXECUTIVE}", expectedVersion: $v, input: $input) { name purpose version } }`;
  const version = async () => (await federation.query(`{ body(id: "${EXECUTIVE}") { version } }`)).data!.body.version as number;

  it.each([
    ['a line break', 'Executive\nBoard', /^name must be one line/],
    ['a tab', 'Executive\tBoard', /^name must be one line/],
    ['the right-to-left override', 'Executive \u202EdraoB', /^name contains a bidirectional control character \(U\+202E\)/],
    ['a zero-width space', 'Exec\u200Butive', /^name contains an invisible character \(U\+200B\)/],
  ])('refuses a body name with %s, naming the field, and changes nothing', async (_case, name, message) => {
    const error = await refused('arrangements', UPDATE, { v: await version(), input: { name } }, telfordAdmin);
    expect(error.message).toMatch(message);
    expect(error.extensions!.field).toBe('name');
  });

  it('keeps newlines in multi-line text, but refuses bidi controls there too', async () => {
    const purpose = 'Strategic leadership of the partnership.\nMeets quarterly.';
    const { data, errors } = await federation.query(UPDATE, { variables: { v: await version(), input: { purpose } }, as: telfordAdmin });
    expect(errors).toBeUndefined();
    expect(data!.updateBody.purpose).toBe(purpose);
    const error = await refused('arrangements', UPDATE, { v: await version(), input: { purpose: 'Strategic \u2066leadership\u2069' } }, telfordAdmin);
    expect(error.message).toMatch(/^purpose contains a bidirectional control character \(U\+2066\)/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('free text about reviews and cases refuses identifiers', () => {
  let reviewId: string;
  const POINTS = `query ($id: ID!) { review(id: $id) { learningPoints { text } actionPlan { actions { description } } } }`;
  const ADD_POINT = `mutation ($id: ID!, $text: String!) { addLearningPoint(reviewId: $id, input: { themeId: "information-sharing", text: $text }) { text } }`;
  const ADD_ACTION = `mutation ($id: ID!, $description: String!) { addActionPlanAction(reviewId: $id, input: { description: $description, ownerOrganisationId: "west-mercia-police" }) { description } }`;

  beforeAll(async () => {
    const { data } = await federation.query(`{ partnership(slug: "shropshire") { reviews { id } } }`, { as: shropshireAdmin });
    reviewId = data!.partnership.reviews[0].id;
  });

  it('refuses the issue\u2019s learning point, naming the field and each kind, without echoing them', async () => {
    const error = await refused('reviews', ADD_POINT, { id: reviewId, text: ISSUE_EXAMPLE }, shropshireAdmin);
    expectIdentifierRefusal(
      error,
      'input.text',
      ['NHS number', 'date of birth', 'postcode', 'email address'],
      ['Jane', '03/04/2015', '943 476 5919', 'SY1 1AA', 'jane@example.com'],
    );
    const { data } = await federation.query(POINTS, { variables: { id: reviewId }, as: shropshireAdmin });
    expect(data!.review.learningPoints.map((point: { text: string }) => point.text)).not.toContain(ISSUE_EXAMPLE);
    // The audit trail records the refused call, with the text withheld: only the kinds remain.
    const audited = await federation.dataSources.reviews!.query<{ arguments: unknown }[]>(
      `SELECT arguments FROM reviews.audit_event WHERE field = 'addLearningPoint' AND error_code = 'BAD_USER_INPUT'`,
    );
    expect(audited.map((row) => row.arguments)).toContainEqual({
      reviewId,
      input: { themeId: 'information-sharing', text: '[withheld: held NHS number, date of birth, postcode, email address]' },
    });
    expect(JSON.stringify(audited)).not.toContain('943 476 5919');
  });

  it.each([
    ['a National Insurance number', 'Father (NI QQ 12 34 56 C is not issued; AB 12 34 56 C is) to be referred', ['National Insurance number']],
    ['a mobile number', 'Health visitor to ring the mother on 07912 345678 weekly', ['phone number']],
    ['a date of birth', 'Child A, born on 4 May 2019, to be seen at school', ['date of birth']],
  ])('refuses an action plan action with %s, and writes nothing', async (_case, description, kinds) => {
    const error = await refused('reviews', ADD_ACTION, { id: reviewId, description }, shropshireAdmin);
    expectIdentifierRefusal(error, 'input.description', kinds, ['AB 12 34 56 C', '07912 345678', '4 May 2019']);
  });

  it('accepts anonymised practice wording as sent', async () => {
    const point = await federation.query(ADD_POINT, { variables: { id: reviewId, text: PRACTICE }, as: shropshireAdmin });
    expect(point.errors).toBeUndefined();
    expect(point.data!.addLearningPoint.text).toBe(PRACTICE);
    const action = await federation.query(ADD_ACTION, {
      variables: { id: reviewId, description: 'Practitioner 3 to brief the GP practice by 30 June 2026' },
      as: shropshireAdmin,
    });
    expect(action.errors).toBeUndefined();
  });

  it('refuses identifiers in agenda items and action notes', async () => {
    const meeting = await federation.query(
      `mutation { scheduleMeeting(bodyId: "telford-and-wrekin.executive", input: { date: "${shift(-2)}", extraordinary: true }) { id } }`,
      {
        as: telfordAdmin,
      },
    );
    expect(meeting.errors).toBeUndefined();
    const meetingId = meeting.data!.scheduleMeeting.id as string;
    const agenda = await federation.query(`mutation ($id: ID!) { prepareAgenda(meetingId: $id) { id } }`, { variables: { id: meetingId }, as: telfordAdmin });
    const agendaId = agenda.data!.prepareAgenda.id as string;
    const ADD_ITEM = `mutation ($agendaId: ID!, $input: AgendaItemInput!) { addAgendaItem(agendaId: $agendaId, input: $input) { id } }`;
    const title = await refused(
      'arrangements',
      ADD_ITEM,
      { agendaId, input: { title: 'Rapid review of Child H (9434765919)', minutesAllotted: 10 } },
      telfordAdmin,
    );
    expectIdentifierRefusal(title, 'title', ['NHS number'], ['9434765919']);
    const decision = await refused(
      'arrangements',
      ADD_ITEM,
      { agendaId, input: { title: 'Rapid review of Child H', minutesAllotted: 10, decisionSought: 'Agree contact via mum.h@example.org' } },
      telfordAdmin,
    );
    expectIdentifierRefusal(decision, 'decisionSought', ['email address'], ['mum.h@example.org']);
    const notes = await refused(
      'arrangements',
      `mutation ($id: ID!, $text: String!) { issueDraftActionNotes(meetingId: $id, text: $text) { stage } }`,
      { id: meetingId, text: '1. Visit Child H at TF3 4NT.\n2. Review in May.' },
      telfordAdmin,
    );
    expectIdentifierRefusal(notes, 'text', ['postcode'], ['TF3 4NT']);
    const accepted = await federation.query(`mutation ($id: ID!, $text: String!) { issueDraftActionNotes(meetingId: $id, text: $text) { text } }`, {
      variables: { id: meetingId, text: '1. Rapid review of Child H agreed.\n2. The GP to attend the next meeting.' },
      as: telfordAdmin,
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.issueDraftActionNotes.text).toBe('1. Rapid review of Child H agreed.\n2. The GP to attend the next meeting.');
  });

  it('refuses identifiers in co-option, apology reasons and crosswalk rationales', async () => {
    const coOpted = await refused(
      'membership',
      `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }`,
      {
        input: {
          bodyId: 'joint.lsp-forum',
          organisationId: 'shropshire-independent-scrutineer',
          role: 'CO_OPTED',
          coOptedForReview: 'Review of AB123456C',
          startDate: '2026-01-01',
        },
      },
      secretariat,
    );
    expectIdentifierRefusal(coOpted, 'coOptedForReview', ['National Insurance number'], ['AB123456C']);

    const members = await federation.query(`{ body(id: "telford-and-wrekin.executive") { members(asOf: "2026-07-14") { id role } } }`);
    const seat = (members.data!.body.members as { id: string; role: string }[]).find((member) => member.role === 'MEMBER')!;
    const apology = await refused(
      'membership',
      `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { outcome } }`,
      {
        input: {
          bodyId: 'telford-and-wrekin.executive',
          meetingDate: '2026-07-14',
          records: [{ membershipId: seat.id, outcome: 'APOLOGIES', apologyReason: 'With Child B, call 01952 380000', apologyReasonValid: true }],
        },
      },
      telfordAdmin,
    );
    expectIdentifierRefusal(apology, 'records[0].apologyReason', ['phone number'], ['01952 380000']);

    const [mapping] = await federation.dataSources.thresholds!.query<{ version: number }[]>(
      `SELECT version FROM thresholds.crosswalk_mapping WHERE level_id = $1`,
      ['telford-and-wrekin.2019.universal'],
    );
    const rationale = await refused(
      'thresholds',
      `mutation ($v: Int!, $input: CrosswalkMappingInput!) { updateCrosswalkMapping(levelId: "telford-and-wrekin.2019.universal", expectedVersion: $v, input: $input) { version } }`,
      { v: mapping!.version, input: { regionalLevelIds: ['level-1'], rationale: 'As agreed with j.smith@telford.gov.uk', confidence: 'HIGH' } },
      [grant('regional-admin')],
    );
    expectIdentifierRefusal(rationale, 'input.rationale', ['email address'], ['j.smith@telford.gov.uk']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('likely personal names are flagged to the review’s partnership only', () => {
  const FLAGS = `query ($id: ID!) { review(id: $id) { status learningPoints { text possiblePersonalNames } actionPlan { actions { description possiblePersonalNames } } } }`;
  let reviewId: string;

  beforeAll(async () => {
    // A published review, so that callers outside the partnership can read its text.
    const { data } = await federation.query(`{ partnership(slug: "shropshire") { reviews { id status } } }`, { as: shropshireAdmin });
    reviewId = (data!.partnership.reviews as { id: string; status: string }[]).find((review) => review.status === 'PUBLISHED')!.id;
    const added = await federation.query(
      `mutation ($id: ID!) { addLearningPoint(reviewId: $id, input: { themeId: "information-sharing", text: "Mrs Jones told the health visitor that Child C was at nursery." }) { id } }`,
      {
        variables: { id: reviewId },
        as: shropshireAdmin,
      },
    );
    expect(added.errors).toBeUndefined();
  });

  it.each([
    ['a partnership-admin', shropshireAdmin],
    ['a member', [grant('member', 'shropshire')]],
  ])('shows %s of the partnership the names found, and none in practice wording', async (_who, as) => {
    const { data, errors } = await federation.query(FLAGS, { variables: { id: reviewId }, as });
    expect(errors).toBeUndefined();
    const points = data!.review.learningPoints as { text: string; possiblePersonalNames: string[] }[];
    expect(points.find((point) => point.text.startsWith('Mrs Jones'))!.possiblePersonalNames).toEqual(['Mrs Jones']);
    expect(points.filter((point) => !point.text.startsWith('Mrs Jones')).flatMap((point) => point.possiblePersonalNames)).toEqual([]);
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ["another partnership's admin", 'FORBIDDEN', telfordAdmin],
    ["another partnership's member", 'FORBIDDEN', [grant('member', 'solihull')]],
  ])('refuses %s with %s, without the names, while the published text stays readable', async (_who, code, as) => {
    const { data, errors } = await federation.query(FLAGS, { variables: { id: reviewId }, as });
    expect(errors!.length).toBeGreaterThan(0);
    expect(errors!.every((error) => error.extensions?.code === code)).toBe(true);
    expect(JSON.stringify(errors)).not.toContain('Jones');
    expect(data!.review.status).toBe('PUBLISHED');
    expect((data!.review.learningPoints as { possiblePersonalNames: unknown }[]).map((point) => point.possiblePersonalNames)).toEqual(
      data!.review.learningPoints.map(() => null),
    );
    const withoutFlags = await federation.query(`query ($id: ID!) { review(id: $id) { learningPoints { text } } }`, { variables: { id: reviewId }, as });
    expect(withoutFlags.errors).toBeUndefined();
    expect(withoutFlags.data!.review.learningPoints.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('structure chart labels are escaped in every format', () => {
  const BODY = 'telford-and-wrekin.neglect';
  const NAME = 'Neglect <b>group</b> & "friends" #quot; &lt;i&gt; `code` \\N';

  beforeAll(async () => {
    const { data } = await federation.query(`{ body(id: "${BODY}") { version } }`);
    const renamed = await federation.query(
      `mutation ($v: Int!, $name: String!) { updateBody(id: "${BODY}", expectedVersion: $v, input: { name: $name }) { name } }`,
      {
        variables: { v: data!.body.version, name: NAME },
        as: telfordAdmin,
      },
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updateBody.name).toBe(NAME);
  });

  const chart = async (format: string) => {
    const { data, errors } = await federation.query(`{ partnership(slug: "telford-and-wrekin") { structureChart(format: ${format}) { content bodyNames } } }`);
    expect(errors).toBeUndefined();
    expect(data!.partnership.structureChart.bodyNames).toContain(NAME);
    return data!.partnership.structureChart.content as string;
  };

  it('Mermaid: codes < > & " # and the backtick, so the label is drawn as written', async () => {
    const mermaid = await chart('MERMAID');
    expect(mermaid).toContain('["Neglect #60;b#62;group#60;/b#62; #38; #quot;friends#quot; #35;quot; #38;lt;i#38;gt; #96;code#96; \\N"]');
    expect(mermaid).not.toContain('<b>');
  });

  it('DOT: quotes and backslashes escaped, & coded so Graphviz does not read an entity', async () => {
    const dot = await chart('DOT');
    // Wrapped into lines of about 22 characters, joined by Graphviz's line break.
    expect(dot).toContain('[label="Neglect <b>group</b> &amp;\\n\\"friends\\" #quot;\\n&amp;lt;i&amp;gt; `code` \\\\N"');
  });

  it('SVG: the label is text, with markup and entities shown as written', async () => {
    const svg = await chart('SVG');
    // One text element per wrapped line.
    for (const line of ['>Neglect &lt;b&gt;group&lt;/b&gt; &amp;</text>', '>&quot;friends&quot; #quot;</text>', '>&amp;lt;i&amp;gt; `code` \\N</text>'])
      expect(svg).toContain(line);
    expect(svg).not.toContain('<b>');
  });
});
