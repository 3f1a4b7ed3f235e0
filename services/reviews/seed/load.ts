import type { DataSource } from 'typeorm';
import { THEMES } from '@safeguarding/vocabulary';
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
import { DEFAULT_CLOCKS, PARTNERSHIP_SLUGS, REVIEW_KINDS } from './reference-data';
import { generateSyntheticReviews } from './synthetic-reviews';

/**
 * Seeds in one transaction. The theme vocabulary is refreshed on every start (themes added to
 * packages/vocabulary appear here; ids never change). Kinds and clocks load once; the synthetic
 * reviews load only into an empty review table.
 */
export async function seedReviews(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.upsert(
      ThemeEntity,
      THEMES.map((theme) => ({ id: theme.id, name: theme.name, description: theme.description, appliesTo: theme.appliesTo, source: theme.source })),
      ['id'],
    );
    if ((await manager.count(ReviewKindEntity)) === 0) {
      await manager.insert(
        PartnershipEntity,
        PARTNERSHIP_SLUGS.map((id) => ({ id })),
      );
      await manager.insert(
        ReviewKindEntity,
        REVIEW_KINDS.map((kind, index) => ({ ...kind, sortOrder: index + 1 })),
      );
      await manager.insert(
        ReviewClockEntity,
        DEFAULT_CLOCKS.map((clock) => ({ ...clock, partnershipId: null })),
      );
    }
    if ((await manager.count(ReviewEntity)) > 0) return;
    const reviews = generateSyntheticReviews();
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
