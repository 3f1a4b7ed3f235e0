import { AgendaItemEntity, MeetingEntity } from '../entities';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { addDays, todayInEngland } from '@safeguarding/subgraph-runtime';

/** The joint LSP forum's combined agenda: candidates, prepare → publish → amend → republish, notes. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const FORUM = 'joint.lsp-forum';
const secretariat = [grant('forum-secretariat')];
const shropshireAdmin = [grant('partnership-admin', 'shropshire')];
const telfordAdmin = [grant('partnership-admin', 'telford-and-wrekin')];
const shift = (days: number) => addDays(todayInEngland(), days);
const meetings = () => federation.dataSources.arrangements!.getRepository(MeetingEntity);

/** Marked extraordinary: dates relative to today must not clash with a seeded meeting whatever day the test runs. */
async function schedule(bodyId: string, date: string, as = shropshireAdmin): Promise<string> {
  const { data, errors } = await federation.query(
    `mutation ($bodyId: ID!, $date: Date!) { scheduleMeeting(bodyId: $bodyId, input: { date: $date, extraordinary: true }) { id } }`,
    {
      as,
      variables: { bodyId, date },
    },
  );
  expect(errors).toBeUndefined();
  return data!.scheduleMeeting.id;
}

async function setStatus(bodyId: string, from: string, to: string, status: 'HELD' | 'CANCELLED') {
  const rows = await meetings().createQueryBuilder('m').where('m.body_id = :bodyId AND m.meeting_date BETWEEN :from AND :to', { bodyId, from, to }).getMany();
  await meetings().update(
    rows.map((row) => row.id),
    { status },
  );
  return rows.length;
}

describe('agenda candidates', () => {
  it("lists what both partnerships bring to the forum's next meeting, each with a reason", async () => {
    // The forum last met a year ago (later meetings cancelled), and the T&W Executive held only
    // one meeting since: so Telford & Wrekin has a missed cadence and Shropshire its reds.
    const next = await schedule(FORUM, shift(30));
    await setStatus(FORUM, shift(-365), shift(29), 'CANCELLED');
    const lastHeld = (await meetings().find({ where: { bodyId: FORUM, status: 'HELD' }, order: { meetingDate: 'DESC' }, take: 1 }))[0]!;
    await setStatus('telford-and-wrekin.executive', lastHeld.meetingDate, shift(30), 'CANCELLED');
    const statements = await federation.query(
      `{ partnership(slug: "shropshire") { strategicPriorities(asOf: "2025-06-01") { successStatements { id text } } } }`,
    );
    const audit = statements
      .data!.partnership.strategicPriorities.flatMap((p: { successStatements: { id: string; text: string }[] }) => p.successStatements)
      .find((s: { text: string }) => s.text.startsWith('We expect at least 75%'));
    const recorded = await federation.query(
      `mutation ($id: ID!, $on: Date!) { recordSuccessMeasurement(statementId: $id, measuredOn: $on, value: 40) { rag } }`,
      {
        as: shropshireAdmin,
        variables: { id: audit.id, on: todayInEngland() },
      },
    );
    expect(recorded.data!.recordSuccessMeasurement.rag).toBe('RED');

    const { data, errors } = await federation.query(
      `query ($id: ID!) { meeting(id: $id) {
      agendaCandidates { since until partnershipSlugs governance { key partnershipSlug title reason subjectType subjectId } }
    } }`,
      { variables: { id: next } },
    );
    expect(errors).toBeUndefined();
    const candidates = data!.meeting.agendaCandidates;
    expect(candidates).toMatchObject({ since: lastHeld.meetingDate, until: shift(30), partnershipSlugs: ['shropshire', 'telford-and-wrekin'] });
    const bySlug = (slug: string) => candidates.governance.filter((c: { partnershipSlug: string }) => c.partnershipSlug === slug);
    const red = bySlug('shropshire').find((c: { subjectId: string }) => c.subjectId === audit.id);
    expect(red.reason).toMatch(/^At red: latest measurement 40 on \d{4}-\d{2}-\d{2} against a target of at least 75 \(percent\)\.$/);
    expect(red.title).toMatch(/^Adult Safeguarding and Protection Practice Oversight: "We expect at least 75%/);
    const executive = bySlug('telford-and-wrekin').find((c: { subjectId: string }) => c.subjectId === 'telford-and-wrekin.executive');
    expect(executive).toMatchObject({ subjectType: 'BODY', title: 'Safeguarding Partnership Executive met less often than its terms of reference say' });
    expect(executive.reason).toMatch(/^Held 0 of \d+ expected meetings between/);
    expect(new Set(candidates.governance.map((c: { key: string }) => c.key)).size).toBe(candidates.governance.length);
  });
});

describe('preparing, publishing and amending the forum agenda', () => {
  let meetingId: string;
  let agendaId: string;
  const AGENDA = `query ($id: ID!) { meeting(id: $id) { agenda { id status version publishedVersion hasUnpublishedChanges totalMinutes viewerCanEdit
    minutesBySection { section minutes } items { id title section paperLate ownerPartnership { slug } subject { __typename ... on Body { id name } } }
    versions { number changeNote items { title } } } } }`;
  const ADD = `mutation ($agendaId: ID!, $input: AgendaItemInput!) { addAgendaItem(agendaId: $agendaId, input: $input) { version items { title } } }`;

  beforeAll(async () => {
    meetingId = await schedule(FORUM, shift(40));
  });

  it('refuses everyone but the forum secretariat, and changes nothing', async () => {
    const refusals = [
      { as: undefined, code: 'UNAUTHENTICATED' },
      { as: [grant('analyst')], code: 'FORBIDDEN' },
      { as: shropshireAdmin, code: 'FORBIDDEN' },
      { as: [grant('member', 'telford-and-wrekin')], code: 'FORBIDDEN' },
    ];
    for (const { as, code } of refusals) {
      const { errors } = await federation.query(`mutation ($id: ID!) { prepareAgenda(meetingId: $id) { id } }`, { as, variables: { id: meetingId } });
      expect(errors![0]!.extensions!.code).toBe(code);
    }
    const { data } = await federation.query(AGENDA, { as: secretariat, variables: { id: meetingId } });
    expect(data!.meeting.agenda).toBeNull();
  });

  it('runs prepare → add → reorder → publish → amend → republish, keeping every version', async () => {
    const prepared = await federation.query(`mutation ($id: ID!) { prepareAgenda(meetingId: $id) { id status version } }`, {
      as: secretariat,
      variables: { id: meetingId },
    });
    expect(prepared.data!.prepareAgenda).toMatchObject({ status: 'DRAFT', version: 1 });
    agendaId = prepared.data!.prepareAgenda.id;

    const meetingDate = shift(40);
    const items = [
      {
        title: 'Escalations from the Executive',
        section: 'JOINT',
        ownerPartnershipSlug: 'telford-and-wrekin',
        minutesAllotted: 20,
        paperTitle: 'Escalation log',
        paperSubmittedOn: shift(40 - 8),
      },
      {
        title: 'Children: exploitation across the footprint',
        section: 'CHILDREN',
        ownerPartnershipSlug: 'shropshire',
        minutesAllotted: 30,
        paperTitle: 'Exploitation profile',
        paperSubmittedOn: shift(40 - 3),
      },
      {
        title: 'Adults: self-neglect learning',
        section: 'ADULTS',
        ownerPartnershipSlug: 'shropshire',
        minutesAllotted: 25,
        candidateKey: 'missed-cadence:telford-and-wrekin.executive:x',
        subjectType: 'BODY',
        subjectId: 'telford-and-wrekin.executive',
      },
    ];
    for (const input of items) {
      const { errors } = await federation.query(ADD, { as: secretariat, variables: { agendaId, input } });
      expect(errors).toBeUndefined();
    }
    let view = (await federation.query(AGENDA, { as: secretariat, variables: { id: meetingId } })).data!.meeting.agenda;
    expect(view.items.map((i: { title: string }) => i.title)).toEqual(items.map((i) => i.title));
    expect(view.items.map((i: { paperLate: boolean }) => i.paperLate)).toEqual([false, true, false]);
    expect(view.minutesBySection).toEqual([
      { section: 'JOINT', minutes: 20 },
      { section: 'CHILDREN', minutes: 30 },
      { section: 'ADULTS', minutes: 25 },
    ]);
    expect(view.items[2].subject).toEqual({ __typename: 'Body', id: 'telford-and-wrekin.executive', name: 'Safeguarding Partnership Executive' });
    expect(meetingDate > todayInEngland()).toBe(true);

    const reordered = await federation.query(
      `mutation ($agendaId: ID!, $version: Int!, $ids: [ID!]!) { reorderAgenda(agendaId: $agendaId, expectedVersion: $version, itemIds: $ids) { version items { title } } }`,
      {
        as: secretariat,
        variables: { agendaId, version: view.version, ids: [view.items[1].id, view.items[0].id, view.items[2].id] },
      },
    );
    expect(reordered.data!.reorderAgenda.items[0].title).toBe(items[1]!.title);

    // Nothing is visible to the public before publication; members of either partnership read the draft.
    expect((await federation.query(AGENDA, { variables: { id: meetingId } })).data!.meeting.agenda).toBeNull();
    expect(
      (await federation.query(AGENDA, { as: [grant('member', 'telford-and-wrekin')], variables: { id: meetingId } })).data!.meeting.agenda.items,
    ).toHaveLength(3);

    const PUBLISH = `mutation ($agendaId: ID!, $version: Int!, $note: String) { publishAgenda(agendaId: $agendaId, expectedVersion: $version, changeNote: $note) { status publishedVersion version } }`;
    const first = await federation.query(PUBLISH, { as: secretariat, variables: { agendaId, version: reordered.data!.reorderAgenda.version } });
    expect(first.data!.publishAgenda).toMatchObject({ status: 'PUBLISHED', publishedVersion: 1 });

    // Amend after publication: the public keeps seeing version 1 until the amendment is published.
    await federation.query(ADD, { as: secretariat, variables: { agendaId, input: { title: 'Any other business', minutesAllotted: 5 } } });
    const publicView = (await federation.query(AGENDA, { variables: { id: meetingId } })).data!.meeting.agenda;
    expect(publicView.items).toHaveLength(3);
    expect(publicView.status).toBe('PUBLISHED');
    view = (await federation.query(AGENDA, { as: secretariat, variables: { id: meetingId } })).data!.meeting.agenda;
    expect(view).toMatchObject({ status: 'DRAFT', hasUnpublishedChanges: true, publishedVersion: 1 });
    const second = await federation.query(PUBLISH, { as: secretariat, variables: { agendaId, version: view.version, note: 'Added any other business' } });
    expect(second.data!.publishAgenda.publishedVersion).toBe(2);
    const final = (await federation.query(AGENDA, { variables: { id: meetingId } })).data!.meeting.agenda;
    expect(final.items).toHaveLength(4);
    expect(final.versions.map((v: { number: number; changeNote: string; items: unknown[] }) => [v.number, v.changeNote, v.items.length])).toEqual([
      [1, 'First publication', 3],
      [2, 'Added any other business', 4],
    ]);
    const republish = await federation.query(PUBLISH, { as: secretariat, variables: { agendaId, version: view.version + 1 } });
    expect(republish.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('renders the published agenda as a printable page, with user text escaped', async () => {
    await federation.query(ADD, { as: secretariat, variables: { agendaId, input: { title: '<script>alert(1)</script> & risks', minutesAllotted: 5 } } });
    const view = (await federation.query(AGENDA, { as: secretariat, variables: { id: meetingId } })).data!.meeting.agenda;
    await federation.query(`mutation ($agendaId: ID!, $version: Int!) { publishAgenda(agendaId: $agendaId, expectedVersion: $version) { publishedVersion } }`, {
      as: secretariat,
      variables: { agendaId, version: view.version },
    });
    const { data } = await federation.query(`query ($id: ID!) { meeting(id: $id) { agendaDocument { title version html } } }`, {
      variables: { id: meetingId },
    });
    const document = data!.meeting.agendaDocument;
    expect(document.version).toBe(3);
    expect(document.html).toMatch(/^<!doctype html>/);
    const rows = [...document.html.matchAll(/<tr data-section="(\w+)">\s*<td class="number">(\d+)<\/td>\s*<td><strong>([^<]*)<\/strong>/g)].map((m) => [
      m[1],
      Number(m[2]),
      m[3],
    ]);
    expect(rows).toEqual([
      ['CHILDREN', 1, 'Children: exploitation across the footprint'],
      ['JOINT', 2, 'Escalations from the Executive'],
      ['ADULTS', 3, 'Adults: self-neglect learning'],
      ['JOINT', 4, 'Any other business'],
      ['JOINT', 5, '&lt;script&gt;alert(1)&lt;/script&gt; &amp; risks'],
    ]);
    expect(document.html).not.toContain('<script>');
    expect(document.html).toContain('(late paper)');
    expect(document.html).toContain('Total time: 85 minutes');
  });

  it('keeps both items when two secretaries add at once, and refuses a stale reorder', async () => {
    const before = (await federation.query(AGENDA, { as: secretariat, variables: { id: meetingId } })).data!.meeting.agenda;
    const added = await Promise.all(
      ['Item from secretary A', 'Item from secretary B'].map((title) =>
        federation.query(ADD, { as: secretariat, variables: { agendaId, input: { title, minutesAllotted: 10 } } }),
      ),
    );
    expect(added.every((result) => !result.errors)).toBe(true);
    const stored = await federation.dataSources.arrangements!.getRepository(AgendaItemEntity).find({ where: { agendaId }, order: { position: 'ASC' } });
    expect(
      stored
        .map((item) => item.title)
        .slice(-2)
        .sort(),
    ).toEqual(['Item from secretary A', 'Item from secretary B']);
    expect(new Set(stored.map((item) => item.position)).size).toBe(stored.length);

    const ids = stored.map((item) => item.id);
    const REORDER = `mutation ($agendaId: ID!, $version: Int!, $ids: [ID!]!) { reorderAgenda(agendaId: $agendaId, expectedVersion: $version, itemIds: $ids) { version } }`;
    const version = before.version + 2;
    const results = await Promise.all(
      [ids, [...ids].reverse()].map((order) => federation.query(REORDER, { as: secretariat, variables: { agendaId, version, ids: order } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it.each([
    ['no time', { title: 'X', minutesAllotted: 0 }, /between 1 and 480/],
    ['an owner outside the forum', { title: 'X', minutesAllotted: 5, ownerPartnershipSlug: 'solihull' }, /not one of this body's partnerships/],
    ['an over-long title', { title: 'x'.repeat(301), minutesAllotted: 5 }, /at most 300/],
    ['a subject without its type', { title: 'X', minutesAllotted: 5, subjectId: 'telford-and-wrekin.executive' }, /together/],
    // PostgreSQL would store U+FFFD in place of the half character: found by the hostile-input suite.
    ['half an emoji in the title', { title: 'Exploitation \uD83D', minutesAllotted: 5 }, /title contains half of a character/],
  ])('refuses an item with %s, and adds nothing', async (_case, input, message) => {
    const before = await federation.dataSources.arrangements!.getRepository(AgendaItemEntity).countBy({ agendaId });
    const { errors } = await federation.query(ADD, { as: secretariat, variables: { agendaId, input } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await federation.dataSources.arrangements!.getRepository(AgendaItemEntity).countBy({ agendaId })).toBe(before);
  });
});

describe('action notes on the paperwork clock', () => {
  const ISSUE = `mutation ($id: ID!) { issueDraftActionNotes(meetingId: $id, text: "1. Escalation agreed.") { issuedLate amendmentRequestsCloseOn stage } }`;
  const AMEND = `mutation ($id: ID!) { requestActionNotesAmendment(meetingId: $id, request: "Item 1: add the ICB's action") { amendmentRequests { request } stage } }`;

  it('takes amendment requests within 7 days of the draft deadline, from members only', async () => {
    const id = await schedule('telford-and-wrekin.executive', shift(-3), telfordAdmin);
    const issued = await federation.query(ISSUE, { as: telfordAdmin, variables: { id } });
    expect(issued.data!.issueDraftActionNotes).toEqual({ issuedLate: false, amendmentRequestsCloseOn: shift(-3 + 14), stage: 'AMENDMENTS_OPEN' });
    const asPublic = await federation.query(`query ($id: ID!) { meeting(id: $id) { actionNotes { text } } }`, { variables: { id } });
    expect(asPublic.data!.meeting.actionNotes).toBeNull();
    const refused = await federation.query(AMEND, { as: [grant('member', 'solihull')], variables: { id } });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const [first, second] = await Promise.all([1, 2].map(() => federation.query(AMEND, { as: [grant('member', 'telford-and-wrekin')], variables: { id } })));
    expect(first!.errors ?? second!.errors).toBeUndefined();
    const { data } = await federation.query(`query ($id: ID!) { meeting(id: $id) { actionNotes { amendmentRequests { request } } } }`, {
      as: telfordAdmin,
      variables: { id },
    });
    expect(data!.meeting.actionNotes.amendmentRequests).toHaveLength(2);
  });

  it('refuses an amendment request with half an emoji, clearly, and keeps the notes as they were', async () => {
    const id = await schedule('telford-and-wrekin.executive', shift(-2), telfordAdmin);
    expect((await federation.query(ISSUE, { as: telfordAdmin, variables: { id } })).errors).toBeUndefined();
    const refused = await federation.query(
      `mutation ($id: ID!, $request: String!) { requestActionNotesAmendment(meetingId: $id, request: $request) { stage } }`,
      {
        as: [grant('member', 'telford-and-wrekin')],
        variables: { id, request: 'Item 2: \uDE00 wrong' },
      },
    );
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toMatch(/^request contains half of a character/);
    const { data } = await federation.query(`query ($id: ID!) { meeting(id: $id) { actionNotes { amendmentRequests { request } } } }`, {
      as: telfordAdmin,
      variables: { id },
    });
    expect(data!.meeting.actionNotes.amendmentRequests).toEqual([]);
  });

  it('makes the notes the record once the window has closed, and flags late notes', async () => {
    const id = await schedule('telford-and-wrekin.executive', shift(-30), telfordAdmin);
    const issued = await federation.query(ISSUE, { as: telfordAdmin, variables: { id } });
    expect(issued.data!.issueDraftActionNotes).toMatchObject({ issuedLate: true, stage: 'RECORD' });
    const refused = await federation.query(AMEND, { as: [grant('member', 'telford-and-wrekin')], variables: { id } });
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toMatch(/the notes are now the record/);
    const asPublic = await federation.query(`query ($id: ID!) { meeting(id: $id) { actionNotes { text stage } } }`, { variables: { id } });
    expect(asPublic.data!.meeting.actionNotes).toEqual({ text: '1. Escalation agreed.', stage: 'RECORD' });
    const again = await federation.query(ISSUE, { as: telfordAdmin, variables: { id } });
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
  });
});

describe('regional procedures', () => {
  it('lists chapters, who adopted the procedures, and what changed since a date', async () => {
    const { data, errors } = await federation.query(
      `{ regionalProcedures { id adoptedBy { partnership { slug } localVariation } chapters { number version } changesSince(date: "2026-01-01") { number version changeSummary } } }`,
    );
    expect(errors).toBeUndefined();
    const procedure = data!.regionalProcedures.find((p: { id: string }) => p.id === 'west-midlands-regional-child-protection-procedures');
    expect(procedure.adoptedBy.map((a: { partnership: { slug: string } }) => a.partnership.slug)).toEqual(['shropshire']);
    expect(procedure.chapters.find((c: { number: string }) => c.number === '3.7').version).toBe('2');
    expect(procedure.changesSince).toEqual([{ number: '3.7', version: '2', changeSummary: 'Contextual safeguarding and transitions to adult services added' }]);
  });
});

describe('statement count', () => {
  it('finds candidates with the same number of SQL statements for one partnership or both', async () => {
    const [forumMeeting] = await meetings().find({ where: { bodyId: FORUM }, take: 1 });
    const [shropshireMeeting] = await meetings().find({ where: { bodyId: 'shropshire.safeguarding-children-partnership' }, take: 1 });
    const query = `query ($id: ID!) { meeting(id: $id) { agendaCandidates { governance { key } } } }`;
    const both = await federation.countStatements(() => federation.query(query, { variables: { id: forumMeeting!.id } }));
    const one = await federation.countStatements(() => federation.query(query, { variables: { id: shropshireMeeting!.id } }));
    expect(both).toBe(one);
  });
});
