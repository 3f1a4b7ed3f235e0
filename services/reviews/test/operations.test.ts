import { openSeededSubgraphDatabase, type SeededSubgraphDatabase, grant } from '@safeguarding/testkit';
import { ANONYMOUS_CALLER, type Caller } from '@safeguarding/auth';
import type { DataSource } from 'typeorm';
import { reviewsSubgraph } from '../index';
import { createLoaders } from '../loaders';
import { reviewDeadline } from '../operations/deadlines';
import { recordReviewStage, startReview } from '../operations/review-edits';
import { partnershipReviews } from '../operations/review-list';
import { reviewReferenceFromPacks } from '../seed/load';
import { generateSyntheticReviews } from '../seed/synthetic-reviews';

/** Operations called directly, without GraphQL or a gateway: a migrated, seeded schema and fresh loaders. */
let subgraphDatabase: SeededSubgraphDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  subgraphDatabase = await openSeededSubgraphDatabase(reviewsSubgraph);
  dataSource = subgraphDatabase.dataSource;
});
afterAll(() => subgraphDatabase?.close());

const as = (...grants: Caller['grants']): Caller => ({ subject: 'operations-test', grants });
const contextOf = (caller: Caller) => ({ caller, dataSource, loaders: createLoaders(dataSource) });
const admin = as(grant('partnership-admin', 'shropshire'));

describe("a review's stage change", () => {
  it('starts a Rapid Review on its 15-working-day clock and moves it in progress, version by version', async () => {
    const started = await startReview(contextOf(admin), { partnershipSlug: 'shropshire', kindId: 'rapid-review', code: 'Child Q7', notifiedOn: '2025-01-06' });
    expect(started).toMatchObject({ partnershipId: 'shropshire', code: 'Child Q7', status: 'NOTIFIED', version: 1, isSynthetic: false });
    // 15 working days from Monday 6 January 2025.
    expect((await reviewDeadline(started, 'REVIEW_COMPLETION', createLoaders(dataSource))).dueDate).toBe('2025-01-27');

    const inProgress = await recordReviewStage(contextOf(admin), { id: started.id, expectedVersion: 1, stage: 'IN_PROGRESS', on: '2025-01-07' });
    expect(inProgress).toMatchObject({ status: 'IN_PROGRESS', startedOn: '2025-01-07', version: 2 });
    await expect(recordReviewStage(contextOf(admin), { id: started.id, expectedVersion: 1, stage: 'SIGNED_OFF', on: '2025-01-24' })).rejects.toThrow(
      'Review Child Q7 is at version 2, not 1: someone changed it since you read it; read it again.',
    );
  });

  it("refuses another partnership's admin", async () => {
    await expect(
      startReview(contextOf(as(grant('partnership-admin', 'solihull'))), {
        partnershipSlug: 'shropshire',
        kindId: 'rapid-review',
        code: 'Child Q8',
        notifiedOn: '2025-01-06',
      }),
    ).rejects.toThrow('Only a partnership-admin of shropshire may record its reviews.');
  });
});

describe("a partnership's review list", () => {
  const seeded = generateSyntheticReviews(reviewReferenceFromPacks()).filter((review) => review.partnershipId === 'solihull');

  it('shows its members every seeded review of the partnership', async () => {
    const reviews = await partnershipReviews('solihull', {}, as(grant('member', 'solihull')), createLoaders(dataSource));
    expect(reviews.map((review) => review.code).sort()).toEqual(seeded.map((review) => review.code).sort());
  });

  it('shows everyone else the published ones only', async () => {
    const reviews = await partnershipReviews('solihull', {}, ANONYMOUS_CALLER, createLoaders(dataSource));
    const published = seeded.filter((review) => review.status === 'PUBLISHED');
    expect(published.length).toBeGreaterThan(0);
    expect(reviews.map((review) => review.code).sort()).toEqual(published.map((review) => review.code).sort());
  });
});
