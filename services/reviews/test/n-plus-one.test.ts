import { ActionPlanActionEntity, LearningPointEntity, ReviewEntity, ReviewThemeEntity } from '../entities';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/**
 * No N+1: listing reviews with their themes, learning points, clocks and action-plan owners across
 * partnerships issues the same number of SQL statements when the reviews grow tenfold.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'reviews'] });
});
afterAll(async () => {
  await federation?.stop();
});

const NESTED = `{
  partnerships {
    name
    reviews {
      code status dueDate isOverdue daysLate workingDaysTaken
      kind { name defaultClocks { length } }
      clock { description reviewKind { name } }
      themes { name reviewCount }
      learningPoints { text theme { name } }
      learningBriefing { dueDate isOverdue }
      actionPlan { dueDate status completedOn actions { description ragStatus owner { name sector } } }
    }
    reviewTimeliness(from: "2023-01-01", to: "2026-12-31", asOf: "2026-09-30") { reviewKind { name } completed overdueNow }
  }
  repeatedThemes { theme { name reviews { code } } reviewCount byPartnership { partnership { name } reviewCount } }
}`;
const everyone = [grant('member', 'shropshire'), grant('member', 'telford-and-wrekin'), grant('member', 'solihull')];

let added = 0;
async function addSyntheticReviews(count: number): Promise<void> {
  const dataSource = federation.dataSources.reviews!;
  const slugs = ['shropshire', 'telford-and-wrekin', 'solihull'];
  const reviews = Array.from({ length: count }, () => {
    added += 1;
    return {
      partnershipId: slugs[added % 3]!,
      reviewKindId: added % 2 === 0 ? 'rapid-review' : 'safeguarding-adult-review',
      code: `Case Z${added}`,
      status: 'SIGNED_OFF' as const,
      notifiedOn: '2024-02-01',
      startedOn: '2024-02-02',
      signedOffOn: '2024-03-01',
      isSynthetic: true,
    };
  });
  const inserted = await dataSource.getRepository(ReviewEntity).insert(reviews);
  const ids = inserted.identifiers.map((identifier) => identifier.id as string);
  await dataSource.getRepository(ReviewThemeEntity).insert(
    ids.flatMap((reviewId) => [
      { reviewId, themeId: 'neglect' },
      { reviewId, themeId: 'mental-health' },
    ]),
  );
  await dataSource
    .getRepository(LearningPointEntity)
    .insert(ids.map((reviewId) => ({ reviewId, themeId: 'neglect', text: 'Synthetic example: statement-count test', position: 1 })));
  await dataSource.getRepository(ActionPlanActionEntity).insert(
    ids.map((reviewId, index) => ({
      reviewId,
      description: 'Synthetic example: statement-count test',
      ownerOrganisationId: index % 2 === 0 ? 'west-mercia-police' : 'solihull-mbc',
      ragStatus: 'IN_PROGRESS' as const,
      position: 1,
    })),
  );
}

it('issues the same number of SQL statements for ten times the reviews', async () => {
  await addSyntheticReviews(6);
  let small: Record<string, any> | undefined;
  const smallCount = await federation.countStatements(async () => {
    small = await federation.query(NESTED, { as: everyone });
  });
  expect(small!.errors).toBeUndefined();
  const smallReviews = small!.data.partnerships.flatMap((p: { reviews: unknown[] }) => p.reviews).length;

  await addSyntheticReviews(smallReviews * 10);
  let large: Record<string, any> | undefined;
  const largeCount = await federation.countStatements(async () => {
    large = await federation.query(NESTED, { as: everyone });
  });
  expect(large!.errors).toBeUndefined();
  const largeReviews = large!.data.partnerships.flatMap((p: { reviews: unknown[] }) => p.reviews).length;

  expect(largeReviews).toBeGreaterThanOrEqual(smallReviews * 10);
  expect(largeCount).toBe(smallCount);
  // The added reviews' owners really were resolved by the membership subgraph.
  const added = large!.data.partnerships
    .flatMap((p: { reviews: { code: string; actionPlan: { actions: { owner: { name: string } }[] } }[] }) => p.reviews)
    .find((review: { code: string }) => review.code === 'Case Z1');
  expect(added.actionPlan.actions[0].owner.name).toBe('West Mercia Police');
});
