import { openSeededSubgraphDatabase, type SeededSubgraphDatabase, grant } from '@safeguarding/testkit';
import type { Caller } from '@safeguarding/auth';
import type { DataSource } from 'typeorm';
import type { TrainingOperationContext } from '../context';
import { TrainingSessionEntity } from '../entities';
import { trainingSubgraph } from '../index';
import { createLoaders } from '../loaders';
import { learningGapCandidates } from '../operations/agenda';
import { bookTrainingPlaces } from '../operations/booking';
import { partnershipSessionsIn } from '../operations/programme';
import { packCourses, seededHistory } from './seeded-packs';

const courses = packCourses();

/** Operations called as a script would call them: no gateway, no GraphQL, the seeded programme. */
let subgraphDatabase: SeededSubgraphDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  subgraphDatabase = await openSeededSubgraphDatabase(trainingSubgraph);
  dataSource = subgraphDatabase.dataSource;
});
afterAll(() => subgraphDatabase?.close());

const as = (...grants: Caller['grants']): TrainingOperationContext => ({
  caller: { subject: 'test-user', grants },
  dataSource,
  loaders: createLoaders(dataSource),
});

describe('learningGapCandidates (the agenda workflow)', () => {
  // Until 2026-10-15 the coverage window opens on 2024-04-01. In the generated history Solihull's
  // voice-of-the-child course ran 4 sessions and its child sexual abuse course 5 in it, and no Solihull
  // course teaches neglect; Shropshire's neglect course ran 2, and no Shropshire course teaches child sexual abuse.
  const window = {
    id: 'window',
    meetingId: '00000000-0000-4000-8000-000000000000',
    since: '2026-10-01',
    until: '2026-10-15',
    partnershipSlugs: ['shropshire', 'solihull'],
    reviewThemesByPartnership: [
      { partnershipSlug: 'shropshire', themeIds: ['neglect', 'child-sexual-abuse'] },
      { partnershipSlug: 'solihull', themeIds: ['voice-of-the-child', 'neglect', 'child-sexual-abuse'] },
    ],
  };

  it('lists the review themes no course ran a session on, per partnership', async () => {
    const { caller, loaders } = as(grant('analyst'));
    const candidates = await learningGapCandidates(window, caller, loaders);
    expect(candidates.map((candidate) => candidate.key)).toEqual([
      'learning-gap:shropshire:child-sexual-abuse:2026-10-15',
      'learning-gap:solihull:neglect:2026-10-15',
    ]);
    expect(candidates[1]).toMatchObject({
      partnershipSlug: 'solihull',
      subjectType: 'THEME',
      subjectId: 'neglect',
      reason: 'Reviews raised this theme, and no course the partnership offers ran a session on it between 2024-04-01 and 2026-10-15.',
    });
    expect(candidates[1]!.title).toMatch(/^No recent training on ".+" in solihull$/);
  });

  it('skips the partnerships whose coverage the caller may not read; the forum secretariat sees all', async () => {
    const member = as(grant('member', 'shropshire'));
    expect((await learningGapCandidates(window, member.caller, member.loaders)).map((candidate) => candidate.partnershipSlug)).toEqual(['shropshire']);
    const secretariat = as(grant('forum-secretariat'));
    expect(await learningGapCandidates(window, secretariat.caller, secretariat.loaders)).toHaveLength(2);
  });
});

describe('partnershipSessionsIn', () => {
  it("gives a partnership's 2024/25 sessions as the seed generated them, joint courses included", async () => {
    const seed = seededHistory();
    const offered = new Set(courses.filter((course) => course.partnershipIds.includes('telford-and-wrekin')).map((course) => course.id));
    const expected = seed.sessions.filter((session) => offered.has(session.courseId) && session.heldOn >= '2024-04-01' && session.heldOn <= '2025-03-31');
    const sessions = await partnershipSessionsIn('telford-and-wrekin', { from: '2024-04-01', to: '2025-03-31' }, as().loaders);
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.map((session) => session.id).sort()).toEqual(expected.map((session) => session.id).sort());
  });
});

describe('bookTrainingPlaces', () => {
  // Generated (seed/history.ts): Shropshire's self-neglect course on 2027-03-29, 9 places, 3 booked by agencies.
  const SESSION = '70401803-f9d0-47b4-bb35-ac45383efc9f';
  const request = { sessionId: SESSION, organisationId: 'test-agency', organisationSector: 'LOCAL_AUTHORITY' as const, places: 4 };

  it('books places and moves the session counter, then refuses more than are left', async () => {
    const member = as(grant('member', 'shropshire'));
    const booking = await bookTrainingPlaces(member, request, '2026-12-01');
    expect(booking).toMatchObject({
      sessionId: SESSION,
      organisationId: 'test-agency',
      places: 4,
      attendedPlaces: null,
      bookedOn: '2026-12-01',
      synthetic: false,
    });
    expect((await dataSource.getRepository(TrainingSessionEntity).findOneByOrFail({ id: SESSION })).bookedPlaces).toBe(7);
    await expect(bookTrainingPlaces(as(grant('member', 'shropshire')), request, '2026-12-01')).rejects.toThrow(
      'Only 2 of 9 places are left on the session on 2027-03-29; book at most 2.',
    );
  });

  it('refuses a member of a partnership not offering the course, and a session already held', async () => {
    await expect(bookTrainingPlaces(as(grant('member', 'solihull')), request, '2026-12-01')).rejects.toThrow(
      /Only members and admins of a partnership offering this course/,
    );
    await expect(bookTrainingPlaces(as(grant('member', 'shropshire')), request, '2027-04-01')).rejects.toThrow(
      'the session took place on 2027-03-29; choose a session on or after 2027-04-01.',
    );
  });
});
