import type { DataSource } from 'typeorm';
import type { Caller } from '@safeguarding/auth';
import {
  badUserInput,
  conflict,
  isUniqueViolation,
  isUuid,
  multiLineText,
  notFound,
  notPermitted,
  slugArgument,
  todayInEngland,
} from '@safeguarding/subgraph-runtime';
import {
  ActionPlanActionEntity,
  LearningPointEntity,
  PartnershipEntity,
  ReviewClockEntity,
  ReviewEntity,
  ReviewKindEntity,
  ReviewThemeEntity,
  ThemeEntity,
} from '../entities';
import type { ReviewsOperationContext } from '../context';
import type {
  ActionPlanActionInput,
  LearningPointInput,
  ReviewStage,
  SetReviewClockInput,
  StartReviewInput,
  UpdateActionPlanActionInput,
} from '../generated/graphql';
import type { ReviewsLoaders } from '../loaders';
import { clockLengthProblem, MILESTONE_STARTS } from '../rules/clock';
import { planReviewStage } from '../rules/review-stages';
import { canEditReviews, canSeeReview } from '../access';

/**
 * A review's life as partnership-admins record it: starting a review, its stages, themes,
 * learning points, action plan and the partnership's clocks. Each checks the caller administers
 * the review's partnership (access.ts), validates, then writes; stage and action changes apply
 * only to the version the caller read (optimistic lock).
 */

/**
 * Codes name the case, never the person: a fixed word, then one or two capitals and up to four
 * digits. Anything longer (a first name, say) is refused.
 */
const CODE = /^(Child|Adult|Family|Case|Audit) [A-Z]{1,2}[0-9]{0,4}$/;

/** The review a mutation acts on, refused unless the caller administers its partnership. */
async function editableReview(id: string, caller: Caller, loaders: ReviewsLoaders, field = 'id'): Promise<ReviewEntity> {
  const review = isUuid(id) ? await loaders.review.load(id) : null;
  // An unpublished review outside the caller's partnership is reported exactly as a missing one.
  if (!review || !canSeeReview(caller, review)) {
    throw notFound(`No review you may see has the ${field} "${id.slice(0, 80)}"; list them with partnership { reviews { id code } }.`);
  }
  if (!canEditReviews(caller, review.partnershipId)) {
    throw notPermitted(caller, `Only a partnership-admin of ${review.partnershipId} may change its reviews.`);
  }
  return review;
}

function notInFuture(date: string, field: string): string {
  const today = todayInEngland();
  if (date > today) throw badUserInput(`${field} ${date} is in the future; record it once it has happened (today is ${today}).`, field);
  return date;
}

async function themesOrRefuse(themeIds: readonly string[], loaders: ReviewsLoaders, dataSource: DataSource, field: string): Promise<string[]> {
  const unique = [...new Set(themeIds)];
  if (unique.length === 0 || unique.length > 20) throw badUserInput('Give between 1 and 20 theme ids.', field);
  const found = await loaders.theme.loadMany(unique.map((id) => id.slice(0, 64)));
  const unknown = unique.filter((_id, index) => !found[index] || found[index] instanceof Error);
  if (unknown.length > 0) {
    const known = (await dataSource.getRepository(ThemeEntity).find({ order: { id: 'ASC' } })).map((theme) => theme.id);
    throw badUserInput(`Unknown theme ${unknown.map((id) => `"${id.slice(0, 64)}"`).join(', ')}; themes are: ${known.join(', ')}.`, field);
  }
  return unique;
}

const freshReview = (dataSource: DataSource, id: string) => dataSource.getRepository(ReviewEntity).findOneByOrFail({ id });

/** A review the partnership has been notified of, under a code that names the case, never the person. */
export async function startReview({ caller, dataSource, loaders }: ReviewsOperationContext, input: StartReviewInput): Promise<ReviewEntity> {
  const partnershipId = slugArgument(input.partnershipSlug, 'partnershipSlug');
  if (!canEditReviews(caller, partnershipId)) throw notPermitted(caller, `Only a partnership-admin of ${partnershipId} may record its reviews.`);
  if (!(await dataSource.getRepository(PartnershipEntity).existsBy({ id: partnershipId }))) {
    throw notFound(`No partnership "${partnershipId}" keeps reviews here; use shropshire, telford-and-wrekin or solihull.`);
  }
  const kind = input.kindId.length <= 64 ? await loaders.reviewKind.load(input.kindId) : null;
  if (!kind) {
    const kinds = (await dataSource.getRepository(ReviewKindEntity).find({ order: { sortOrder: 'ASC' } })).map((k) => k.id);
    throw badUserInput(`Unknown review kind "${input.kindId.slice(0, 64)}"; kinds are: ${kinds.join(', ')}.`, 'kindId');
  }
  const code = input.code.trim();
  if (!CODE.test(code) || !code.startsWith(`${kind.codePrefix} `)) {
    throw badUserInput(
      `"${code.slice(0, 40)}" is not a review code: write "${kind.codePrefix}", a space, then one or two capital letters and up to four digits (e.g. "${kind.codePrefix} H"). Never use a name.`,
      'code',
    );
  }
  const notifiedOn = notInFuture(input.notifiedOn, 'notifiedOn');
  try {
    const inserted = await dataSource.getRepository(ReviewEntity).insert({
      partnershipId,
      reviewKindId: kind.id,
      code,
      status: 'NOTIFIED',
      notifiedOn,
      isSynthetic: false,
    });
    return freshReview(dataSource, inserted.identifiers[0]!.id as string);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`${partnershipId} already has a review coded "${code}"; choose the next free code.`);
    throw error;
  }
}

/** Moves a review to a stage on a date, as the stage rules allow (rules/review-stages.ts). */
export async function recordReviewStage(
  { caller, dataSource, loaders }: ReviewsOperationContext,
  { id, expectedVersion, stage, on }: { id: string; expectedVersion: number; stage: ReviewStage; on: string },
): Promise<ReviewEntity> {
  const review = await editableReview(id, caller, loaders);
  if (review.version !== expectedVersion) {
    throw conflict(`Review ${review.code} is at version ${review.version}, not ${expectedVersion}: someone changed it since you read it; read it again.`);
  }
  const plan = planReviewStage(review, stage, on, todayInEngland());
  if (!plan.ok) throw badUserInput(plan.message, 'stage');
  // Optimistic lock: the change applies only to the version the caller read.
  const result = await dataSource
    .createQueryBuilder()
    .update(ReviewEntity)
    .set({ ...plan.changes, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id: review.id, expectedVersion })
    .execute();
  if (result.affected !== 1) {
    throw conflict(`Review ${review.code} was changed by someone else since version ${expectedVersion}; read it again and record the stage if still needed.`);
  }
  return freshReview(dataSource, review.id);
}

/** Adds themes to a review (a theme already there stays once). */
export async function tagReviewThemes(
  { caller, dataSource, loaders }: ReviewsOperationContext,
  id: string,
  themeIds: readonly string[],
): Promise<ReviewEntity> {
  const review = await editableReview(id, caller, loaders);
  const themes = await themesOrRefuse(themeIds, loaders, dataSource, 'themeIds');
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(ReviewThemeEntity)
    .values(themes.map((themeId) => ({ reviewId: review.id, themeId })))
    .orIgnore()
    .execute();
  return freshReview(dataSource, review.id);
}

/** A learning point under one theme, which the review is then tagged with. */
export async function addLearningPoint(
  { caller, dataSource, loaders }: ReviewsOperationContext,
  reviewId: string,
  input: LearningPointInput,
): Promise<LearningPointEntity> {
  const review = await editableReview(reviewId, caller, loaders, 'reviewId');
  const [themeId] = await themesOrRefuse([input.themeId], loaders, dataSource, 'input.themeId');
  const text = multiLineText(input.text, 'input.text', 1000, { refuseIdentifiers: true });
  return dataSource.transaction(async (manager) => {
    await manager.createQueryBuilder().insert().into(ReviewThemeEntity).values({ reviewId: review.id, themeId: themeId! }).orIgnore().execute();
    const position = (await manager.count(LearningPointEntity, { where: { reviewId: review.id } })) + 1;
    const inserted = await manager.insert(LearningPointEntity, { reviewId: review.id, themeId: themeId!, text, position });
    return manager.findOneByOrFail(LearningPointEntity, { id: inserted.identifiers[0]!.id as string });
  });
}

/** An action of the review's action plan, owned by an organisation. */
export async function addActionPlanAction(
  { caller, dataSource, loaders }: ReviewsOperationContext,
  reviewId: string,
  input: ActionPlanActionInput,
): Promise<ActionPlanActionEntity> {
  const review = await editableReview(reviewId, caller, loaders, 'reviewId');
  const description = multiLineText(input.description, 'input.description', 1000, { refuseIdentifiers: true });
  const ownerOrganisationId = slugArgument(input.ownerOrganisationId, 'input.ownerOrganisationId');
  if (input.dueOn && input.dueOn < review.notifiedOn) {
    throw badUserInput(`dueOn ${input.dueOn} is before the review was notified (${review.notifiedOn}); give a later date.`, 'input.dueOn');
  }
  return dataSource.transaction(async (manager) => {
    const position = (await manager.count(ActionPlanActionEntity, { where: { reviewId: review.id } })) + 1;
    const inserted = await manager.insert(ActionPlanActionEntity, {
      reviewId: review.id,
      description,
      ownerOrganisationId,
      dueOn: input.dueOn ?? null,
      ragStatus: 'NOT_STARTED',
      completedOn: null,
      position,
    });
    return manager.findOneByOrFail(ActionPlanActionEntity, { id: inserted.identifiers[0]!.id as string });
  });
}

/** An action's RAG status, and its completion date once COMPLETED. */
export async function updateActionPlanAction(
  { caller, dataSource, loaders }: ReviewsOperationContext,
  { id, expectedVersion, input }: { id: string; expectedVersion: number; input: UpdateActionPlanActionInput },
): Promise<ActionPlanActionEntity> {
  const action = isUuid(id) ? await dataSource.getRepository(ActionPlanActionEntity).findOneBy({ id }) : null;
  if (!action) throw notFound(`No action has the id "${id.slice(0, 80)}"; list them with review { actionPlan { actions { id } } }.`);
  const review = await editableReview(action.reviewId, caller, loaders);
  if (input.ragStatus === 'COMPLETED' && !input.completedOn)
    throw badUserInput('A COMPLETED action needs completedOn: the date it was done.', 'input.completedOn');
  if (input.ragStatus !== 'COMPLETED' && input.completedOn) {
    throw badUserInput(`completedOn goes only with COMPLETED; leave it out for ${input.ragStatus}.`, 'input.completedOn');
  }
  if (input.completedOn) {
    notInFuture(input.completedOn, 'input.completedOn');
    if (input.completedOn < review.notifiedOn) {
      throw badUserInput(`completedOn ${input.completedOn} is before the review was notified (${review.notifiedOn}).`, 'input.completedOn');
    }
  }
  const result = await dataSource
    .createQueryBuilder()
    .update(ActionPlanActionEntity)
    .set({ ragStatus: input.ragStatus, completedOn: input.completedOn ?? null, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id: action.id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw conflict(`The action was changed by someone else since version ${expectedVersion}; read it again and reapply.`);
  return dataSource.getRepository(ActionPlanActionEntity).findOneByOrFail({ id: action.id });
}

/** The partnership's own clock for a kind and milestone, replacing the default for it. */
export async function setReviewClock({ caller, dataSource, loaders }: ReviewsOperationContext, input: SetReviewClockInput): Promise<ReviewClockEntity> {
  const partnershipId = slugArgument(input.partnershipSlug, 'partnershipSlug');
  if (!canEditReviews(caller, partnershipId)) throw notPermitted(caller, `Only a partnership-admin of ${partnershipId} may set its clocks.`);
  if (!(await dataSource.getRepository(PartnershipEntity).existsBy({ id: partnershipId }))) {
    throw notFound(`No partnership "${partnershipId}" keeps reviews here; use shropshire, telford-and-wrekin or solihull.`);
  }
  const kind = input.kindId.length <= 64 ? await loaders.reviewKind.load(input.kindId) : null;
  if (!kind) throw badUserInput(`Unknown review kind "${input.kindId.slice(0, 64)}"; query reviewKinds { id } for the kinds.`, 'kindId');
  const lengthProblem = clockLengthProblem(input.length, input.unit);
  if (lengthProblem) throw badUserInput(lengthProblem, 'length');
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  // One row per partnership, kind and milestone: a second setting replaces the first.
  await dataSource.query(
    `INSERT INTO "${schema}"."review_clock" (partnership_id, review_kind_id, milestone, length, unit, starts_from, source)
     VALUES ($1, $2, $3, $4, $5, $6, NULL)
     ON CONFLICT ((coalesce(partnership_id, '')), review_kind_id, milestone)
     DO UPDATE SET length = EXCLUDED.length, unit = EXCLUDED.unit, starts_from = EXCLUDED.starts_from, source = NULL`,
    [partnershipId, kind.id, input.milestone, input.length, input.unit, MILESTONE_STARTS[input.milestone]],
  );
  return dataSource.getRepository(ReviewClockEntity).findOneByOrFail({ partnershipId, reviewKindId: kind.id, milestone: input.milestone });
}
