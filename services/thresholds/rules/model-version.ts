/**
 * The rules a threshold model version keeps while it is drafted and when it is published. Each is
 * data (the limits and the messages) and one small evaluator, pure, tested case by case in
 * test/evaluators.test.ts. Each answers `{ ok: true }` or the problem and the field it is about.
 */
export type RuleCheck = { ok: true } | { ok: false; problem: string; field: string };

const OK: RuleCheck = { ok: true };
const refuse = (problem: string, field: string): RuleCheck => ({ ok: false, problem, field });

/** The day before an ISO date (UTC arithmetic on a calendar date). */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Dates in order
// ---------------------------------------------------------------------------------------------

/** Threshold documents exist since the Children Act 1989; a later date than 2099 is a typing slip. */
export const VERSION_DATE_RANGE = { earliest: '1989-01-01', latest: '2099-12-31' } as const;

export interface VersionDates {
  approvedOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** Each date within range; approved on or before it comes into force; in force from on or before in force to. */
export function checkVersionDates({ approvedOn, effectiveFrom, effectiveTo }: VersionDates, prefix = 'input'): RuleCheck {
  for (const [name, value] of [
    ['approvedOn', approvedOn],
    ['effectiveFrom', effectiveFrom],
    ['effectiveTo', effectiveTo],
  ] as const) {
    if (value !== null && (value < VERSION_DATE_RANGE.earliest || value > VERSION_DATE_RANGE.latest)) {
      return refuse(`${prefix}.${name} ${value} is outside ${VERSION_DATE_RANGE.earliest} to ${VERSION_DATE_RANGE.latest}.`, `${prefix}.${name}`);
    }
  }
  if (effectiveFrom === null) return refuse('A new version needs the date it comes into force (effectiveFrom).', `${prefix}.effectiveFrom`);
  if (approvedOn !== null && approvedOn > effectiveFrom) {
    return refuse(`The document cannot come into force (${effectiveFrom}) before it was approved (${approvedOn}).`, `${prefix}.approvedOn`);
  }
  if (effectiveTo !== null && effectiveTo < effectiveFrom) {
    return refuse(`The version cannot end (${effectiveTo}) before it comes into force (${effectiveFrom}).`, `${prefix}.effectiveTo`);
  }
  return OK;
}

export interface PublishedVersion {
  id: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/**
 * A new version supersedes the latest published one: it must come into force after that one did
 * (history is not rewritten by slotting a version in between), and it ends that one the day before.
 * Answers the latest published version and its new end date (null: nothing to end, or it already
 * ends earlier), or the problem.
 */
export function supersession(
  published: readonly PublishedVersion[],
  effectiveFrom: string,
): { ok: true; previous: PublishedVersion | null; previousEndsOn: string | null } | { ok: false; problem: string; field: string } {
  const latest = [...published].sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '')).at(-1) ?? null;
  if (latest === null) return { ok: true, previous: null, previousEndsOn: null };
  if (latest.effectiveFrom !== null && effectiveFrom <= latest.effectiveFrom) {
    return {
      ok: false,
      problem: `The version in force from ${latest.effectiveFrom} (${latest.id}) is the latest; a new version must come into force after it, not on ${effectiveFrom}.`,
      field: 'effectiveFrom',
    };
  }
  const endsOn = dayBefore(effectiveFrom);
  // A version already closed before the new one starts keeps its own end date: that is its history.
  return { ok: true, previous: latest, previousEndsOn: latest.effectiveTo !== null && latest.effectiveTo <= endsOn ? null : endsOn };
}

// ---------------------------------------------------------------------------------------------
// A published version cannot be edited
// ---------------------------------------------------------------------------------------------

export type VersionChange = 'edit' | 'discard' | 'publish';

const CHANGE_WORDS: Record<VersionChange, string> = { edit: 'edited', discard: 'discarded', publish: 'published again' };

/** Only a draft changes; a published version is the record and stays as published. */
export function checkEditable(version: { id: string; status: 'DRAFT' | 'PUBLISHED' }, change: VersionChange): RuleCheck {
  if (version.status === 'DRAFT') return OK;
  return refuse(
    `${version.id} is published and cannot be ${CHANGE_WORDS[change]}: a published threshold version is immutable. Draft a new version (draftThresholdModelVersion) and publish it instead.`,
    'id',
  );
}

// ---------------------------------------------------------------------------------------------
// Levels unique and ordered
// ---------------------------------------------------------------------------------------------

export const LEVEL_LIMITS = { fewest: 1, most: 10, indicatorsPerLevel: 50 } as const;
const LEVEL_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface DraftLevel {
  code: string;
  rank: number;
  name: string;
  indicatorCount: number;
}

/**
 * 1 to 10 levels; each code a slug, used once; each name used once (ignoring case); ranks exactly
 * 1, 2, ... n, given lowest need first.
 */
export function checkLevels(levels: readonly DraftLevel[], prefix = 'input.levels'): RuleCheck {
  if (levels.length < LEVEL_LIMITS.fewest || levels.length > LEVEL_LIMITS.most) {
    return refuse(`A threshold model has ${LEVEL_LIMITS.fewest} to ${LEVEL_LIMITS.most} levels; ${levels.length} were given.`, prefix);
  }
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const [index, level] of levels.entries()) {
    const at = `${prefix}.${index}`;
    if (!LEVEL_CODE.test(level.code)) return refuse(`Level code "${level.code.slice(0, 70)}" is not a slug, e.g. vulnerable or level-2.`, `${at}.code`);
    if (codes.has(level.code)) return refuse(`Level code "${level.code}" is used twice; each level needs its own.`, `${at}.code`);
    codes.add(level.code);
    const name = level.name.trim().toLowerCase();
    if (names.has(name)) return refuse(`Level name "${level.name.trim().slice(0, 70)}" is used twice; each level needs its own.`, `${at}.name`);
    names.add(name);
    if (level.rank !== index + 1) {
      return refuse(`Levels are given lowest need first, ranked 1 to ${levels.length}; level ${index + 1} has rank ${level.rank}.`, `${at}.rank`);
    }
    if (level.indicatorCount > LEVEL_LIMITS.indicatorsPerLevel) {
      return refuse(`A level has at most ${LEVEL_LIMITS.indicatorsPerLevel} indicators; ${level.indicatorCount} were given.`, `${at}.indicators`);
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------------------------
// Publishing requires a complete crosswalk
// ---------------------------------------------------------------------------------------------

/** Every level of the version is placed on the regional scale before it is published. */
export function checkCrosswalkComplete(levels: readonly { id: string; name: string }[], mappedLevelIds: ReadonlySet<string>): RuleCheck {
  const unmapped = levels.filter((level) => !mappedLevelIds.has(level.id));
  if (unmapped.length === 0) return OK;
  return refuse(
    `Every level must be placed on the regional scale before publishing; not yet mapped: ${unmapped.map((level) => `${level.name} (${level.id})`).join(', ')}. Map them with updateCrosswalkMapping (expectedVersion 0 for a first mapping).`,
    'id',
  );
}
