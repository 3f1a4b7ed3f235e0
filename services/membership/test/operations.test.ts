import { openSeededSubgraphDatabase, type SeededSubgraphDatabase, grant } from '@safeguarding/testkit';
import { ANONYMOUS_CALLER, type Caller } from '@safeguarding/auth';
import type { DataSource } from 'typeorm';
import { membershipSubgraph } from '../index';
import { createLoaders } from '../loaders';
import type { AgendaCandidatesParent } from '../models';
import { quorumFailureCandidates } from '../operations/agenda-candidates';
import { addMembership } from '../operations/membership-edits';
import { sharedAgencies } from '../operations/shared-agencies';

/** Operations called directly, without GraphQL or a gateway: a migrated, seeded schema and fresh loaders. */
let subgraphDatabase: SeededSubgraphDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  subgraphDatabase = await openSeededSubgraphDatabase(membershipSubgraph);
  dataSource = subgraphDatabase.dataSource;
});
afterAll(() => subgraphDatabase?.close());

const as = (...grants: Caller['grants']): Caller => ({ subject: 'operations-test', grants });

/** The forum's window before its 2025-04-08 meeting, with the Executive's rule as arrangements seeds it. */
const window: AgendaCandidatesParent = {
  id: 'unused-by-the-operation',
  meetingId: 'unused-by-the-operation',
  since: '2025-01-01',
  until: '2025-04-08',
  partnershipSlugs: ['shropshire', 'telford-and-wrekin'],
  bodyQuorumRules: [
    {
      bodyId: 'telford-and-wrekin.executive',
      bodyName: 'Safeguarding Partnership Executive',
      quorumRule: {
        kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED',
        namedDeputyCounts: true,
        requiredOrganisations: [{ id: 'telford-and-wrekin-council' }, { id: 'shropshire-telford-and-wrekin-icb' }, { id: 'west-mercia-police' }],
        unexplainedAbsenceReported: false,
      },
    },
  ],
};

describe('the agenda workflow (quorum failures)', () => {
  it('finds the seeded Executive meeting the ICB missed, for the forum secretariat', async () => {
    const candidates = await quorumFailureCandidates(window, as(grant('forum-secretariat')), createLoaders(dataSource));
    expect(candidates).toEqual([
      {
        key: 'quorum-failure:telford-and-wrekin.executive:2025-01-14',
        partnershipSlug: 'telford-and-wrekin',
        title: 'Safeguarding Partnership Executive was not quorate on 2025-01-14',
        reason:
          'No representative or named deputy of Shropshire, Telford & Wrekin Integrated Care Board attended; the quorum rule needs every statutory partner.',
        subjectType: 'BODY',
        subjectId: 'telford-and-wrekin.executive',
      },
    ]);
  });

  it('leaves the body out for callers who may not read its attendance', async () => {
    expect(await quorumFailureCandidates(window, ANONYMOUS_CALLER, createLoaders(dataSource))).toEqual([]);
    expect(await quorumFailureCandidates(window, as(grant('member', 'solihull')), createLoaders(dataSource))).toEqual([]);
  });
});

describe('shared agencies', () => {
  it('finds West Mercia Police on both partnerships’ exploitation groups', async () => {
    const shared = await sharedAgencies(
      { dataSource, loaders: createLoaders(dataSource) },
      { partnershipIds: ['shropshire', 'telford-and-wrekin'], bodyIds: ['shropshire.tackling-exploitation-group', 'telford-and-wrekin.exploitation'] },
    );
    expect(shared).toEqual([
      {
        organisationId: 'west-mercia-police',
        sides: [
          { partnershipId: 'shropshire', bodyIds: ['shropshire.tackling-exploitation-group'] },
          { partnershipId: 'telford-and-wrekin', bodyIds: ['telford-and-wrekin.exploitation'] },
        ],
      },
    ]);
  });
});

describe('membership edits', () => {
  it("refuses a partnership-admin of another partnership, naming the body's partnerships", async () => {
    const context = { caller: as(grant('partnership-admin', 'solihull')), dataSource, loaders: createLoaders(dataSource) };
    await expect(
      addMembership(context, { bodyId: 'telford-and-wrekin.executive', organisationId: 'west-mercia-police', role: 'MEMBER', startDate: '2025-01-01' }),
    ).rejects.toThrow('Only a partnership-admin of telford-and-wrekin may change the membership of "telford-and-wrekin.executive".');
  });
});
