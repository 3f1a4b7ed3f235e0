/** Reviews's mutations under hostile input (see harness.ts). */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { grant, type TestFederation } from '@safeguarding/testkit';
import {
  callers,
  editorMostly,
  halfCharacter,
  hostileDate,
  type HostileInputSuite,
  hostileText,
  isoDay,
  OTHERS,
  OWN,
  trimmed,
  version,
  wrongId,
} from './harness';

interface ReviewsIds extends Record<string, unknown> {
  ownReviews: string[];
  otherReviews: string[];
  /** Codes already used in the own partnership: starting another with one is a CONFLICT. */
  ownCodes: string[];
  /** The stage each own review could take next when the ids were read (it moves on once recorded). */
  nextStage: Record<string, string>;
  ownActions: string[];
  otherActions: string[];
  kindIds: string[];
  /** The code prefix each kind's codes start with ("Child", "Adult", "Case", "Audit"). */
  codePrefix: Record<string, string>;
  themeIds: string[];
  organisationIds: string[];
}

const PARTNERSHIPS = [OWN, ...OTHERS];
/** Admin of every partnership: sees every review, unpublished ones included, to read ids and versions. */
const everyAdmin = PARTNERSHIPS.map((slug) => grant('partnership-admin', slug));

/** Recent days up to today: later than any stage the seed recorded, so stage and completion dates often pass. */
const DAY = 86_400_000;
const recentDay = fc.integer({ min: 0, max: 45 }).map((daysAgo) => isoDay(new Date(Date.now() - daysAgo * DAY)));
const someDate = fc.oneof({ arbitrary: recentDay, weight: 3 }, { arbitrary: hostileDate, weight: 2 });

/** Filled by loadIds: currentVersion gets no ids, and an action's version is read through its review. */
const reviewOfAction = new Map<string, string>();

/** The own partnership's reviews section as the repository holds it: applying it is accepted and changes nothing. */
const ownPackText = () => fs.readFileSync(path.join(REPOSITORY_ROOT, 'packs', OWN, 'reviews.yaml'), 'utf8');
const RAPID_REVIEW_LENGTH = '    milestone: REVIEW_COMPLETION\n    length: 15\n';

/** Free text up to and just past the 1000 characters the service allows. */
const freeText = (filler: string) =>
  fc.oneof(
    { arbitrary: hostileText, weight: 6 },
    { arbitrary: fc.integer({ min: 990, max: 1010 }).map((length) => filler.repeat(length)), weight: 2 },
    { arbitrary: halfCharacter, weight: 1 },
  );

/** Mostly the own partnership's reviews; also other partnerships' (hidden or not the caller's) and ids that are no review. */
const anyReview = (ids: ReviewsIds) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...ids.ownReviews), weight: 6 },
    { arbitrary: fc.constantFrom(...ids.otherReviews), weight: 2 },
    { arbitrary: wrongId, weight: 2 },
  );
const partnershipSlug = fc.oneof(
  { arbitrary: fc.constant(OWN), weight: 6 },
  { arbitrary: fc.constantFrom(...OTHERS, 'nowhere'), weight: 1 },
  { arbitrary: wrongId, weight: 1 },
);

const reviewVersion = async (federation: TestFederation, id: unknown) => {
  const response = await federation.query(`query ($id: ID!) { review(id: $id) { version } }`, { variables: { id }, as: everyAdmin });
  return response.data?.review?.version as number | undefined;
};

interface LoadedReview {
  id: string;
  code: string;
  status: string;
  learningBriefing: { publishedOn: string | null };
  actionPlan: { actions: { id: string; owner: { id: string } }[] };
}

const STAGES = ['IN_PROGRESS', 'SIGNED_OFF', 'PUBLISHED', 'LEARNING_BRIEFING_PUBLISHED'];
/** The stage a review may take next: after sign-off, the learning briefing until it is published. */
function nextStageOf(review: LoadedReview): string {
  if (review.status === 'NOTIFIED') return 'IN_PROGRESS';
  if (review.status === 'IN_PROGRESS') return 'SIGNED_OFF';
  return review.status === 'SIGNED_OFF' && review.learningBriefing.publishedOn !== null ? 'PUBLISHED' : 'LEARNING_BRIEFING_PUBLISHED';
}

/** The prefix a kind's codes take: audits are "Audit", otherwise by whom the kind concerns. */
const prefixOf = (kind: { category: string; concerns: string }) =>
  kind.category === 'AUDIT' ? 'Audit' : ({ CHILDREN: 'Child', ADULTS: 'Adult', ALL: 'Case' } as Record<string, string>)[kind.concerns]!;

export const reviewsSuite: HostileInputSuite<ReviewsIds> = {
  // arrangements owns partnership(slug), through which the reviews are listed.
  only: ['arrangements', 'reviews'],
  async loadIds(federation) {
    const reviewsOf = async (slug: string) => {
      const response = await federation.query(
        `query ($slug: String!) { partnership(slug: $slug) { reviews { id code status learningBriefing { publishedOn } actionPlan { actions { id owner { id } } } } } }`,
        { variables: { slug }, as: everyAdmin },
      );
      return response.data!.partnership.reviews as LoadedReview[];
    };
    const own = await reviewsOf(OWN);
    const others = (await Promise.all(OTHERS.map(reviewsOf))).flat();
    const reference = (await federation.query(`{ reviewKinds { id category concerns } themes { id } }`)).data!;
    const kinds = reference.reviewKinds as { id: string; category: string; concerns: string }[];
    for (const review of [...own, ...others]) for (const action of review.actionPlan.actions) reviewOfAction.set(action.id, review.id);
    const actionsOf = (reviews: LoadedReview[]) => reviews.flatMap((review) => review.actionPlan.actions.map((action) => action.id));
    return {
      ownReviews: own.map((review) => review.id),
      otherReviews: others.map((review) => review.id),
      ownCodes: own.map((review) => review.code),
      nextStage: Object.fromEntries(own.map((review) => [review.id, nextStageOf(review)])),
      ownActions: actionsOf(own),
      otherActions: actionsOf(others),
      kindIds: kinds.map((kind) => kind.id),
      codePrefix: Object.fromEntries(kinds.map((kind) => [kind.id, prefixOf(kind)])),
      themeIds: (reference.themes as { id: string }[]).map((theme) => theme.id),
      organisationIds: [...new Set([...own, ...others].flatMap((review) => review.actionPlan.actions.map((action) => action.owner.id)))],
    };
  },
  mutations: [
    {
      name: 'startReview',
      schema: 'reviews',
      document: `mutation ($input: StartReviewInput!) {
        startReview(input: $input) { id code status notifiedOn startedOn version partnership { id } kind { id } dueDate isOverdue daysLate workingDaysTaken viewerCanEdit }
      }`,
      call: (ids) => {
        const kindId = fc.oneof({ arbitrary: fc.constantFrom(...ids.kindIds), weight: 6 }, { arbitrary: wrongId, weight: 1 });
        return kindId.chain((chosenKind) => {
          const prefix = ids.codePrefix[chosenKind] ?? 'Child';
          // Codes as the service wants them (the kind's prefix, capitals, digits), padded with spaces it trims.
          const wellFormed = fc
            .tuple(fc.stringMatching(/^[A-Z]{1,2}$/), fc.stringMatching(/^[0-9]{0,4}$/), fc.constantFrom('', ' ', '  '))
            .map(([letters, digits, pad]) => `${pad}${prefix} ${letters}${digits}${pad}`);
          const code = fc.oneof(
            { arbitrary: wellFormed, weight: 5 },
            { arbitrary: fc.constantFrom(...ids.ownCodes), weight: 1 },
            // Names and near-misses: the code must never name a person.
            {
              arbitrary: fc.constantFrom(
                `${prefix} Harry`,
                `${prefix} h`,
                `${prefix}  H`,
                `${prefix} ABC`,
                `${prefix} H12345`,
                'Infant H',
                prefix,
                `Family ${prefix}`,
              ),
              weight: 1,
            },
            { arbitrary: hostileText, weight: 2 },
          );
          return fc.record({
            as: editorMostly(callers.ownAdmin),
            variables: fc.record({
              input: fc.record({
                partnershipSlug,
                kindId: fc.constant(chosenKind),
                code,
                notifiedOn: someDate,
              }),
            }),
          });
        });
      },
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.startReview).toMatchObject({
          code: trimmed(input.code),
          status: 'NOTIFIED',
          notifiedOn: input.notifiedOn,
          startedOn: null,
          version: 1,
          partnership: { id: input.partnershipSlug },
          kind: { id: input.kindId },
          viewerCanEdit: true,
        });
      },
    },
    {
      name: 'recordReviewStage',
      schema: 'reviews',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $stage: ReviewStage!, $on: Date!) {
        recordReviewStage(id: $id, expectedVersion: $expectedVersion, stage: $stage, on: $on) {
          id status startedOn signedOffOn publishedOn version dueDate isOverdue daysLate workingDaysTaken
          learningBriefing { publishedOn dueDate daysLate } actionPlan { dueDate status }
        }
      }`,
      call: (ids) =>
        anyReview(ids).chain((chosen) =>
          fc.record({
            as: editorMostly(callers.ownAdmin),
            variables: fc.record({
              id: fc.constant(chosen),
              expectedVersion: version,
              // Often the stage the review is ready for, so the date checks (and an accepted write) are reached.
              stage: fc.oneof(
                { arbitrary: fc.constant(ids.nextStage[chosen] ?? 'IN_PROGRESS'), weight: 4 },
                { arbitrary: fc.constantFrom(...STAGES), weight: 4 },
                { arbitrary: fc.constantFrom('NOTIFIED', 'signed_off', '', 'DRAFT'), weight: 1 },
              ),
              on: someDate,
            }),
          }),
        ),
      currentVersion: (federation, variables) => reviewVersion(federation, variables.id),
      accepted(variables, data) {
        const review = data.recordReviewStage;
        expect(review.id).toBe(variables.id);
        expect(review.version).toBe(variables.expectedVersion + 1);
        const stage = variables.stage as string;
        if (stage === 'LEARNING_BRIEFING_PUBLISHED') {
          // The briefing leaves the status as it was: signed off or published.
          expect(['SIGNED_OFF', 'PUBLISHED']).toContain(review.status);
          expect(review.learningBriefing.publishedOn).toBe(variables.on);
        } else {
          const recordedOn = { IN_PROGRESS: review.startedOn, SIGNED_OFF: review.signedOffOn, PUBLISHED: review.publishedOn }[stage];
          expect({ status: review.status, recordedOn }).toEqual({ status: stage, recordedOn: variables.on });
        }
      },
    },
    {
      name: 'tagReviewThemes',
      schema: 'reviews',
      document: `mutation ($id: ID!, $themeIds: [ID!]!) { tagReviewThemes(id: $id, themeIds: $themeIds) { id themes { id } } }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: anyReview(ids),
            themeIds: fc.oneof(
              { arbitrary: fc.array(fc.constantFrom(...ids.themeIds), { minLength: 1, maxLength: 5 }), weight: 5 },
              { arbitrary: fc.array(fc.oneof(fc.constantFrom(...ids.themeIds), wrongId), { maxLength: 4 }), weight: 2 },
              // Over the limit of 20 distinct themes, and the same theme many times (which is one theme).
              { arbitrary: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 21, maxLength: 40 }), weight: 1 },
              { arbitrary: fc.constantFrom(...ids.themeIds).map((id) => Array.from({ length: 30 }, () => id)), weight: 1 },
            ),
          }),
        }),
      accepted(variables, data) {
        const tagged = (data.tagReviewThemes.themes as { id: string }[]).map((theme) => theme.id);
        expect(data.tagReviewThemes.id).toBe(variables.id);
        expect(tagged).toEqual(expect.arrayContaining([...new Set(variables.themeIds as string[])]));
        expect(new Set(tagged).size).toBe(tagged.length);
      },
    },
    {
      name: 'addLearningPoint',
      schema: 'reviews',
      document: `mutation ($reviewId: ID!, $input: LearningPointInput!) { addLearningPoint(reviewId: $reviewId, input: $input) { id text theme { id } } }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            reviewId: anyReview(ids),
            input: fc.record({
              themeId: fc.oneof({ arbitrary: fc.constantFrom(...ids.themeIds), weight: 5 }, { arbitrary: wrongId, weight: 1 }),
              text: freeText('l'),
            }),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.addLearningPoint).toMatchObject({ text: trimmed(input.text), theme: { id: input.themeId } });
      },
    },
    {
      name: 'addActionPlanAction',
      schema: 'reviews',
      document: `mutation ($reviewId: ID!, $input: ActionPlanActionInput!) {
        addActionPlanAction(reviewId: $reviewId, input: $input) { id description owner { id } dueOn ragStatus completedOn version }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            reviewId: anyReview(ids),
            input: fc.record(
              {
                description: freeText('d'),
                ownerOrganisationId: fc.oneof({ arbitrary: fc.constantFrom(...ids.organisationIds), weight: 5 }, { arbitrary: wrongId, weight: 2 }),
                dueOn: fc.oneof(fc.constant(null), hostileDate),
              },
              { requiredKeys: ['description', 'ownerOrganisationId'] },
            ),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.addActionPlanAction).toMatchObject({
          description: trimmed(input.description),
          owner: { id: input.ownerOrganisationId },
          dueOn: input.dueOn ?? null,
          ragStatus: 'NOT_STARTED',
          completedOn: null,
          version: 1,
        });
      },
    },
    {
      name: 'updateActionPlanAction',
      schema: 'reviews',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdateActionPlanActionInput!) {
        updateActionPlanAction(id: $id, expectedVersion: $expectedVersion, input: $input) { id ragStatus completedOn version }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownActions), weight: 6 },
              { arbitrary: fc.constantFrom(...ids.otherActions), weight: 2 },
              { arbitrary: wrongId, weight: 2 },
            ),
            expectedVersion: version,
            input: fc.oneof(
              // Mostly consistent pairs (completedOn with COMPLETED only), so the date checks are reached.
              { arbitrary: fc.record({ ragStatus: fc.constant('COMPLETED'), completedOn: someDate }), weight: 3 },
              { arbitrary: fc.record({ ragStatus: fc.constantFrom('NOT_STARTED', 'IN_PROGRESS') }), weight: 3 },
              {
                arbitrary: fc.record(
                  {
                    ragStatus: fc.constantFrom('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'DONE', 'completed', ''),
                    completedOn: fc.oneof(fc.constant(null), someDate),
                  },
                  { requiredKeys: ['ragStatus'] },
                ),
                weight: 2,
              },
            ),
          }),
        }),
      async currentVersion(federation, variables) {
        const reviewId = reviewOfAction.get(variables.id as string);
        if (!reviewId) return undefined;
        const response = await federation.query(`query ($id: ID!) { review(id: $id) { actionPlan { actions { id version } } } }`, {
          variables: { id: reviewId },
          as: everyAdmin,
        });
        return (response.data?.review?.actionPlan.actions as { id: string; version: number }[] | undefined)?.find((action) => action.id === variables.id)
          ?.version;
      },
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.updateActionPlanAction).toEqual({
          id: variables.id,
          ragStatus: input.ragStatus,
          completedOn: input.completedOn ?? null,
          version: variables.expectedVersion + 1,
        });
      },
    },
    {
      name: 'setReviewClock',
      schema: 'reviews',
      document: `mutation ($input: SetReviewClockInput!) {
        setReviewClock(input: $input) { reviewKind { id } milestone length unit startsFrom partnership { id } description }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            input: fc.record({
              partnershipSlug,
              kindId: fc.oneof({ arbitrary: fc.constantFrom(...ids.kindIds), weight: 6 }, { arbitrary: wrongId, weight: 1 }),
              milestone: fc.oneof(
                { arbitrary: fc.constantFrom('REVIEW_COMPLETION', 'ACTION_PLAN_COMPLETION', 'LEARNING_BRIEFING_PUBLICATION'), weight: 8 },
                { arbitrary: fc.constantFrom('SIGN_OFF', 'review_completion', ''), weight: 1 },
              ),
              length: fc.oneof(
                { arbitrary: fc.integer({ min: 1, max: 36 }), weight: 4 },
                { arbitrary: fc.integer({ min: -10, max: 1100 }), weight: 2 },
                { arbitrary: fc.constantFrom(0, 37, 520, 521, 1000, 1001, 2_147_483_647, -2_147_483_648), weight: 1 },
              ),
              unit: fc.oneof(
                { arbitrary: fc.constantFrom('WORKING_DAYS', 'MONTHS'), weight: 8 },
                { arbitrary: fc.constantFrom('WEEKS', 'months', ''), weight: 1 },
              ),
            }),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.setReviewClock).toMatchObject({
          reviewKind: { id: input.kindId },
          milestone: input.milestone,
          length: input.length,
          unit: input.unit,
          startsFrom: input.milestone === 'REVIEW_COMPLETION' ? 'NOTIFICATION' : 'SIGN_OFF',
          partnership: { id: input.partnershipSlug },
        });
      },
    },
    {
      name: 'applyReviewsPackSection',
      schema: 'reviews',
      document: `mutation ($scope: String!, $text: String!, $dryRun: Boolean!) {
        applyReviewsPackSection(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change fields } }
      }`,
      call: () =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            scope: fc.oneof(
              { arbitrary: fc.constant(OWN), weight: 8 },
              { arbitrary: fc.constantFrom('regional', ...OTHERS, 'Shropshire', ''), weight: 1 },
              { arbitrary: hostileText, weight: 1 },
            ),
            text: fc.oneof(
              { arbitrary: fc.constant(ownPackText()), weight: 3 },
              {
                // One clock's length, in range or not (the mutations' rule: 1 to 520 working days).
                arbitrary: fc
                  .oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, -1, 521, 2_147_483_648), hostileText)
                  .map((length) => ownPackText().replace(RAPID_REVIEW_LENGTH, `    milestone: REVIEW_COMPLETION\n    length: ${JSON.stringify(length)}\n`)),
                weight: 3,
              },
              { arbitrary: wrongId.map((kind) => ownPackText().replace('reviewKind: rapid-review\n', `reviewKind: ${JSON.stringify(kind)}\n`)), weight: 1 },
              { arbitrary: hostileText, weight: 2 },
            ),
            dryRun: fc.boolean(),
          }),
        }),
      accepted(variables, data) {
        expect(data.applyReviewsPackSection).toMatchObject({ scope: variables.scope, section: 'reviews', applied: !variables.dryRun });
      },
    },
  ],
};
