import { openSeededSubgraphDatabase, type SeededSubgraphDatabase, grant } from '@safeguarding/testkit';
import { arrangementsSubgraph } from '../index';
import type { Caller } from '@safeguarding/auth';
import { todayInEngland, addDays } from '@safeguarding/subgraph-runtime';
import type { DataSource } from 'typeorm';
import type { OperationContext } from '../context';
import { SuccessStatementEntity } from '../entities';
import { createLoaders } from '../loaders';
import { addAgendaItem, agendaDocument, prepareAgenda, publishAgenda, visibleAgenda } from '../operations/agenda';
import { candidatesForMeeting, governanceCandidates } from '../operations/agenda-candidates';
import { scheduleMeeting } from '../operations/meetings';
import { recordSuccessMeasurement } from '../operations/strategic-plan';
import { drawStructureChart } from '../operations/structure-chart';

/** The named operations called directly on the seeded database: no gateway, no GraphQL. */
let subgraphDatabase: SeededSubgraphDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  subgraphDatabase = await openSeededSubgraphDatabase(arrangementsSubgraph);
  dataSource = subgraphDatabase.dataSource;
});
afterAll(() => subgraphDatabase?.close());

const caller = (...grants: Caller['grants']): Caller => ({ subject: 'operations-test', grants });
/** Fresh loaders per step, as each request gets its own. */
const as = (who: Caller): OperationContext => ({ caller: who, dataSource, loaders: createLoaders(dataSource) });
const FORUM = 'joint.lsp-forum';
const shropshireAdmin = caller(grant('partnership-admin', 'shropshire'));
const secretariat = caller(grant('forum-secretariat'));
const anonymous = caller();

describe('the agenda workflow', () => {
  it("takes the joint forum's meeting from scheduled to a published agenda, refusing a partnership admin", async () => {
    const date = addDays(todayInEngland(), 30);
    const meeting = await scheduleMeeting(as(shropshireAdmin), FORUM, { date, location: 'Shirehall, Shrewsbury' });
    expect(meeting).toMatchObject({ bodyId: FORUM, meetingDate: date, status: 'SCHEDULED' });

    await expect(prepareAgenda(as(shropshireAdmin), meeting.id)).rejects.toMatchObject({
      message: "Only the forum secretariat prepares the joint forum's agenda.",
      extensions: { code: 'FORBIDDEN' },
    });
    const prepared = await prepareAgenda(as(secretariat), meeting.id);
    expect(prepared).toMatchObject({ meetingId: meeting.id, status: 'DRAFT', version: 1, publishedVersion: 0, seesDrafts: true });
    // Nothing is published yet: the public sees no agenda.
    expect(await visibleAgenda(meeting, as(anonymous))).toBeNull();

    const added = await addAgendaItem(as(secretariat), prepared.id, {
      title: 'Regional procedures: what changed',
      minutesAllotted: 20,
      ownerPartnershipSlug: 'telford-and-wrekin',
    });
    expect(added).toMatchObject({ version: 2, status: 'DRAFT' });
    await expect(addAgendaItem(as(secretariat), prepared.id, { title: 'Budget', minutesAllotted: 10, ownerPartnershipSlug: 'solihull' })).rejects.toMatchObject(
      {
        message: `"solihull" is not one of this body's partnerships (shropshire, telford-and-wrekin).`,
      },
    );
    const published = await publishAgenda(as(secretariat), prepared.id, 2, null);
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedVersion: 1, version: 3 });

    const seenByPublic = await visibleAgenda(meeting, as(anonymous));
    expect(seenByPublic).toMatchObject({ status: 'PUBLISHED', seesDrafts: false });
    const page = await agendaDocument(meeting, as(anonymous));
    expect(page).toMatchObject({ version: 1, title: `Combined Shropshire and Telford & Wrekin Lead Safeguarding Partners forum: agenda for ${date}` });
    expect(page!.html).toContain('<td>Telford &amp; Wrekin Safeguarding Partnership</td>');
    expect(page!.html).toContain('Shirehall, Shrewsbury');
  });

  it("finds the forum's governance candidates: a statement measured at red, from both partnerships' window", async () => {
    // A meeting inside Shropshire's 2023-2026 plan, so its success statements are in the window.
    const meeting = await scheduleMeeting(as(shropshireAdmin), FORUM, { date: '2026-03-01' });
    const audit = (await dataSource.getRepository(SuccessStatementEntity).find()).find((statement) => statement.text.startsWith('We expect at least 75%'))!;
    await recordSuccessMeasurement(as(shropshireAdmin), audit.id, '2026-02-27', 40);

    const window = await candidatesForMeeting(meeting, as(anonymous).loaders);
    expect(window).toMatchObject({ meetingId: meeting.id, until: meeting.meetingDate, partnershipSlugs: ['shropshire', 'telford-and-wrekin'] });
    const candidates = await governanceCandidates(window, as(anonymous).loaders);
    const red = candidates.find((candidate) => candidate.subjectId === audit.id);
    expect(red).toMatchObject({ key: `success-statement-red:${audit.id}`, partnershipSlug: 'shropshire', subjectType: 'SUCCESS_STATEMENT' });
    expect(red!.title).toMatch(/^Adult Safeguarding and Protection Practice Oversight: "We expect at least 75%/);
    expect(red!.reason).toBe('At red: latest measurement 40 on 2026-02-27 against a target of at least 75 (percent).');
    expect(new Set(candidates.map((candidate) => candidate.key)).size).toBe(candidates.length);
  });
});

describe('missed cadence judges only the past', () => {
  // A window from the seeded 2026-10-13 meetings to a meeting in April 2027. The T&W Children's
  // Review, Learning and Training Group (4 a year) had its 2026-10-13 meeting cancelled and its
  // 2027-01-12 one is still SCHEDULED, so it has held none in the window.
  const window = { id: 'pinned', meetingId: 'pinned', since: '2026-10-13', until: '2027-04-13', partnershipSlugs: ['telford-and-wrekin'] };
  const group = 'telford-and-wrekin.childrens-review-learning-and-training-group';
  const missed = async (today: string) => (await governanceCandidates(window, as(anonymous).loaders, today)).find((c) => c.subjectId === group);

  it('in December 2026 counts nothing still to come as missed', async () => {
    expect(await missed('2026-12-02')).toBeUndefined();
  });
  it('on 2027-02-01 judges up to that day only', async () => {
    expect((await missed('2027-02-01'))!.reason).toBe(
      'Held 0 of 1 expected meetings between 2026-10-13 and 2027-02-01 (4 times a year, sequenced with the Safeguarding Executive).',
    );
  });
  it('on the meeting day judges the whole window', async () => {
    expect(await missed('2027-04-13')).toMatchObject({ key: `missed-cadence:${group}:2026-10-13`, subjectType: 'BODY' });
    expect((await missed('2027-04-13'))!.reason).toMatch(/^Held 0 of 2 expected meetings between 2026-10-13 and 2027-04-13 \(/);
  });
});

describe('the structure chart', () => {
  it("draws Telford & Wrekin's bodies from the loaded rows, with the forum shared with Shropshire", async () => {
    const partnership = (await as(anonymous).loaders.partnership.load('telford-and-wrekin'))!;
    const chart = await drawStructureChart(partnership, '2025-06-01', 'DOT', as(anonymous).loaders);
    expect(chart.bodyNames).toEqual(
      expect.arrayContaining(['Combined Shropshire and Telford & Wrekin Lead Safeguarding Partners forum', 'Safeguarding Partnership Executive']),
    );
    expect(chart.content).toMatch(/^digraph structure \{/);
    expect(chart.content).toContain(
      '"joint.lsp-forum" -> "other:Shropshire Safeguarding Community Partnership" [style=dotted, dir=none, xlabel=" shared with"];',
    );
  });
});
