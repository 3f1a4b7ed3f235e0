import { In, IsNull, type EntityManager } from 'typeorm';
import {
  fieldPath,
  LocatedYaml,
  partnershipReviewsSection,
  type PackProblem,
  type PartnershipReviewsSection,
  type Provenance,
  REGIONAL,
  regionalReviewsSection,
  type RegionalReviewsSection,
  type ReviewClockValue,
  type StoredSource,
  packProvenanceOf,
} from '@safeguarding/packs';
import {
  applyPackSection,
  badUserInput,
  exportPackSection,
  notFound,
  type PackChange,
  type PackSectionApplied,
  type PackSectionText,
  reconcileRows,
} from '@safeguarding/subgraph-runtime';
import { PartnershipEntity, ReviewClockEntity, ReviewEntity, ReviewKindEntity } from '../entities';
import type { ReviewsContext } from '../context';
import { type ClockMilestone, clockLengthProblem, MILESTONE_STARTS } from '../rules/clock';

/**
 * The reviews sections of a pack. The regional section holds the kinds of review and audit and
 * any default clocks (rows with no partnership); a partnership's section holds the clocks it works
 * to (rows with its id) and, by existing, registers the partnership here. The seed applies every
 * pack with `applyReviewsSection`, the same function the mutation uses.
 */

const MILESTONE_ORDER: ClockMilestone[] = ['REVIEW_COMPLETION', 'ACTION_PLAN_COMPLETION', 'LEARNING_BRIEFING_PUBLICATION'];

type Section = RegionalReviewsSection | PartnershipReviewsSection;

/** Says where in the file a field is, when the text is at hand (the mutation; the seed's files). */
export type Locate = (path: (string | number)[], message: string) => PackProblem;

export const locatorFor =
  (file: string, text: string): Locate =>
  (path, message) => ({ file, ...new LocatedYaml(file, text).positionOf(path), field: fieldPath(path), message });

function refuse(locate: Locate | undefined, path: (string | number)[], message: string): never {
  const problem = locate?.(path, message);
  throw badUserInput(`${fieldPath(path)}: ${message} Nothing was applied.`, fieldPath(path), problem ? { problems: [problem] } : {});
}

/** The rules setReviewClock applies, per clock: a kind that exists, a length in range, one clock per kind and milestone. */
function checkClocks(clocks: readonly ReviewClockValue[], field: string, kindIds: Set<string>, locate?: Locate): void {
  const seen = new Set<string>();
  clocks.forEach((clock, index) => {
    if (!kindIds.has(clock.reviewKind)) {
      refuse(locate, [field, index, 'reviewKind'], `no review kind "${clock.reviewKind}"; the kinds are the regional pack's: ${[...kindIds].join(', ')}.`);
    }
    const lengthProblem = clockLengthProblem(clock.length, clock.unit);
    if (lengthProblem) refuse(locate, [field, index, 'length'], lengthProblem);
    const key = `${clock.reviewKind}/${clock.milestone}`;
    if (seen.has(key)) refuse(locate, [field, index], `${key} is given twice; give one clock per kind of review and milestone.`);
    seen.add(key);
  });
}

const clockKey = (row: Partial<ReviewClockEntity>) => `${row.partnershipId ?? 'default'}/${row.reviewKindId}/${row.milestone}`;
const CLOCK_COLUMNS: (keyof ReviewClockEntity)[] = ['length', 'unit', 'startsFrom', 'source'];

function clockRows(clocks: readonly ReviewClockValue[], partnershipId: string | null): Partial<ReviewClockEntity>[] {
  return clocks.map((clock) => ({
    partnershipId,
    reviewKindId: clock.reviewKind,
    milestone: clock.milestone,
    length: clock.length,
    unit: clock.unit,
    startsFrom: MILESTONE_STARTS[clock.milestone],
    source: clock.provenance ?? null,
  }));
}

/**
 * Writes one reviews section, parents before children, and says what changed. Refuses (nothing
 * written: the caller's transaction rolls back) what the mutations refuse.
 */
export async function applyReviewsSection(manager: EntityManager, value: Section, scope: string, locate?: Locate): Promise<PackChange[]> {
  if (scope === REGIONAL) {
    const regional = value as RegionalReviewsSection;
    const kindIds = new Set<string>();
    const names = new Set<string>();
    regional.reviewKinds.forEach((kind, index) => {
      if (kindIds.has(kind.id)) refuse(locate, ['reviewKinds', index, 'id'], `review kind "${kind.id}" is given twice; ids must be unique.`);
      if (names.has(kind.name)) refuse(locate, ['reviewKinds', index, 'name'], `two kinds are named "${kind.name}"; names must be unique.`);
      kindIds.add(kind.id);
      names.add(kind.name);
    });
    checkClocks(regional.defaultClocks ?? [], 'defaultClocks', kindIds, locate);
    // A kind reviews were recorded under cannot go: the reviews would lose their kind and clocks.
    const removed = (await manager.find(ReviewKindEntity)).filter((kind) => !kindIds.has(kind.id)).map((kind) => kind.id);
    if (removed.length > 0) {
      const inUse = await manager.getRepository(ReviewEntity).countBy({ reviewKindId: In(removed) });
      if (inUse > 0)
        refuse(locate, ['reviewKinds'], `the pack no longer lists ${removed.join(', ')}, but ${inUse} review(s) are of those kinds; keep the kinds listed.`);
    }
    // The count above sees only the reviews the caller may see (row-level security keeps unpublished
    // ones inside their partnership); the foreign key sees them all, so its refusal says the same.
    const kinds = await reconcileRows(
      manager,
      {
        entity: ReviewKindEntity,
        name: 'ReviewKind',
        key: (row) => row.id!,
        columns: ['name', 'category', 'concerns', 'description', 'codePrefix', 'sortOrder', 'source'],
        existing: {},
      },
      regional.reviewKinds.map((kind, index) => ({
        id: kind.id,
        name: kind.name,
        category: kind.category,
        concerns: kind.concerns,
        description: kind.description,
        codePrefix: kind.codePrefix,
        sortOrder: index + 1,
        source: kind.provenance,
      })),
    ).catch((error: unknown) => {
      if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
      return refuse(
        locate,
        ['reviewKinds'],
        `the pack no longer lists ${removed.join(', ')}, but reviews are recorded under those kinds; keep the kinds listed.`,
      );
    });
    const clocks = await reconcileRows(
      manager,
      { entity: ReviewClockEntity, name: 'ReviewClock', key: clockKey, columns: CLOCK_COLUMNS, existing: { partnershipId: IsNull() } },
      clockRows(regional.defaultClocks ?? [], null),
    );
    return [...kinds, ...clocks];
  }
  const partnership = value as PartnershipReviewsSection;
  const kindIds = new Set((await manager.find(ReviewKindEntity, { order: { sortOrder: 'ASC' } })).map((kind) => kind.id));
  checkClocks(partnership.clocks, 'clocks', kindIds, locate);
  const changes: PackChange[] = [];
  if (!(await manager.existsBy(PartnershipEntity, { id: scope }))) {
    await manager.insert(PartnershipEntity, { id: scope });
    changes.push({ entity: 'Partnership', key: scope, change: 'ADDED', fields: [] });
  }
  changes.push(
    ...(await reconcileRows(
      manager,
      { entity: ReviewClockEntity, name: 'ReviewClock', key: clockKey, columns: CLOCK_COLUMNS, existing: { partnershipId: scope } },
      clockRows(partnership.clocks, scope),
    )),
  );
  return changes;
}

const FOREIGN_KEY_VIOLATION = '23503';

/** A stored provenance as the pack writes it (keys in the schema's order; an API-recorded value as recorded). */
function provenanceOf(stored: StoredSource | null): Provenance | undefined {
  return stored ? packProvenanceOf(stored) : undefined;
}

function clockValues(rows: ReviewClockEntity[], kindOrder: Map<string, number>): ReviewClockValue[] {
  return [...rows]
    .sort(
      (a, b) =>
        (kindOrder.get(a.reviewKindId) ?? 0) - (kindOrder.get(b.reviewKindId) ?? 0) ||
        MILESTONE_ORDER.indexOf(a.milestone) - MILESTONE_ORDER.indexOf(b.milestone),
    )
    .map((row) => {
      const provenance = provenanceOf(row.source);
      return { reviewKind: row.reviewKindId, milestone: row.milestone, length: row.length, unit: row.unit, ...(provenance ? { provenance } : {}) };
    });
}

/** The section as the platform holds it, in a fixed order: kinds as listed, clocks by kind then milestone. */
export async function buildReviewsSection(manager: EntityManager, scope: string): Promise<Section> {
  const kinds = await manager.find(ReviewKindEntity, { order: { sortOrder: 'ASC' } });
  const kindOrder = new Map(kinds.map((kind) => [kind.id, kind.sortOrder]));
  if (scope === REGIONAL) {
    const defaults = clockValues(await manager.findBy(ReviewClockEntity, { partnershipId: IsNull() }), kindOrder);
    return {
      reviewKinds: kinds.map((kind) => ({
        id: kind.id,
        name: kind.name,
        category: kind.category,
        concerns: kind.concerns,
        codePrefix: kind.codePrefix as RegionalReviewsSection['reviewKinds'][number]['codePrefix'],
        description: kind.description,
        provenance: provenanceOf(kind.source)!,
      })),
      ...(defaults.length > 0 ? { defaultClocks: defaults as RegionalReviewsSection['defaultClocks'] } : {}),
    };
  }
  if (!(await manager.existsBy(PartnershipEntity, { id: scope }))) {
    throw notFound(`No partnership "${scope}" keeps reviews here; apply its reviews section first (applyReviewsPackSection).`);
  }
  return { clocks: clockValues(await manager.findBy(ReviewClockEntity, { partnershipId: scope }), kindOrder) };
}

const definitionFor = (scope: string) => (scope === REGIONAL ? regionalReviewsSection : partnershipReviewsSection);

/** applyReviewsPackSection: the section's text applied atomically (or, dry, what it would change). */
export function applyReviewsPackSection(context: ReviewsContext, input: { scope: string; text: string; dryRun: boolean }): Promise<PackSectionApplied> {
  const locate = locatorFor(`${input.scope}/reviews.yaml`, input.text);
  return applyPackSection<Section>(context, {
    definition: definitionFor(input.scope),
    scope: input.scope,
    text: input.text,
    dryRun: input.dryRun,
    apply: (manager, value, scope) => applyReviewsSection(manager, value, scope, locate),
  });
}

/** reviewsPackSection: the section as the platform holds it today, as the file's text. */
export function reviewsPackSection(context: ReviewsContext, scope: string): Promise<PackSectionText> {
  return exportPackSection(context, definitionFor(scope), scope, buildReviewsSection);
}
