import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { THEMES } from '@safeguarding/vocabulary';
import { formatProblem, packFolders, packManifest, readPackFile, REGIONAL, sectionFile, sectionFor } from '@safeguarding/packs';
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
import { applyReviewsSection, locatorFor } from '../operations/pack';
import type { RegionalReviewsSection, PartnershipReviewsSection } from '@safeguarding/packs';
import { generateSyntheticReviews, type ReviewReference } from './synthetic-reviews';

/** One pack's reviews section, read and checked against its schema. */
export interface ReviewsPackFile {
  scope: string;
  file: string;
  text: string;
  value: RegionalReviewsSection | PartnershipReviewsSection;
}

/**
 * The reviews sections of the packs under a packs directory (packs/ by default, PACKS_DIRECTORY
 * elsewhere), regional first. A section that does not read is an error naming its line: the
 * platform does not start on a pack it cannot read.
 */
export function readReviewsPacks(directory?: string): ReviewsPackFile[] {
  return packFolders(directory).flatMap((folder) => {
    const manifest = readPackFile('pack.yaml', fs.readFileSync(path.join(folder, 'pack.yaml'), 'utf8'), packManifest);
    if (!manifest.value) throw new Error(`${folder}/pack.yaml does not read: ${manifest.problems.map(formatProblem).join('; ')}`);
    const scope = manifest.value.scope;
    const file = path.join(folder, sectionFile('reviews'));
    if (!fs.existsSync(file)) return [];
    const text = fs.readFileSync(file, 'utf8');
    const read = readPackFile(`${scope}/reviews.yaml`, text, sectionFor(scope, 'reviews')!.schema);
    if (read.value === undefined) throw new Error(`The reviews section of ${folder} does not read: ${read.problems.map(formatProblem).join('; ')}`);
    return [{ scope, file: `${scope}/reviews.yaml`, text, value: read.value as ReviewsPackFile['value'] }];
  });
}

/** What the synthetic generator needs from the packs (kinds, clocks, partnerships), without a database. */
export function reviewReferenceFromPacks(directory?: string): ReviewReference {
  const packs = readReviewsPacks(directory);
  const regional = packs.find((pack) => pack.scope === REGIONAL)?.value as RegionalReviewsSection | undefined;
  const clockRule =
    (partnershipId: string | null) =>
    (clock: { reviewKind: string; milestone: ReviewReference['clocks'][number]['milestone']; length: number; unit: 'WORKING_DAYS' | 'MONTHS' }) => ({
      partnershipId,
      reviewKindId: clock.reviewKind,
      milestone: clock.milestone,
      length: clock.length,
      unit: clock.unit,
    });
  return {
    kinds: regional?.reviewKinds ?? [],
    partnershipIds: packs.filter((pack) => pack.scope !== REGIONAL).map((pack) => pack.scope),
    clocks: [
      ...(regional?.defaultClocks ?? []).map(clockRule(null)),
      ...packs.filter((pack) => pack.scope !== REGIONAL).flatMap((pack) => (pack.value as PartnershipReviewsSection).clocks.map(clockRule(pack.scope))),
    ],
  };
}

/**
 * Seeds in one transaction. The theme vocabulary is refreshed on every start (themes added to
 * packages/vocabulary appear here; ids never change). At first start every pack's reviews section
 * is applied with the function the applyReviewsPackSection mutation uses; the synthetic reviews
 * load only into an empty review table, against the kinds and clocks the packs gave.
 */
export async function seedReviews(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.upsert(
      ThemeEntity,
      THEMES.map((theme) => ({ id: theme.id, name: theme.name, description: theme.description, appliesTo: theme.appliesTo, source: theme.source })),
      ['id'],
    );
    if ((await manager.count(ReviewKindEntity)) === 0) {
      for (const pack of readReviewsPacks()) await applyReviewsSection(manager, pack.value, pack.scope, locatorFor(pack.file, pack.text));
    }
    if ((await manager.count(ReviewEntity)) > 0) return;
    const reviews = generateSyntheticReviews({
      kinds: await manager.find(ReviewKindEntity),
      clocks: await manager.find(ReviewClockEntity),
      partnershipIds: (await manager.find(PartnershipEntity)).map((partnership) => partnership.id),
    });
    if (reviews.length === 0) return;
    await manager.insert(
      ReviewEntity,
      reviews.map(({ themeIds: _themes, learningPoints: _points, actions: _actions, ...review }) => ({ ...review, isSynthetic: true })),
    );
    await manager.insert(
      ReviewThemeEntity,
      reviews.flatMap((review) => review.themeIds.map((themeId) => ({ reviewId: review.id, themeId }))),
    );
    await manager.insert(
      LearningPointEntity,
      reviews.flatMap((review) => review.learningPoints.map((point, index) => ({ ...point, reviewId: review.id, position: index + 1 }))),
    );
    await manager.insert(
      ActionPlanActionEntity,
      reviews.flatMap((review) => review.actions.map((action, index) => ({ ...action, reviewId: review.id, position: index + 1 }))),
    );
  });
}
