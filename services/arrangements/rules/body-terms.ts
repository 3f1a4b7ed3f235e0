import type { BodyKind, ChairRuleSeed, MeetingFrequencySeed, QuorumRuleSeed } from '@safeguarding/packs';

/**
 * A body's terms change from a date and keep their earlier values for earlier dates (issue 16).
 * The body row holds the latest terms, in force from `termsFrom` (null: since the body began);
 * each earlier set is a history period ending the day before the next began.
 */
export interface BodyTerms {
  kind: BodyKind;
  purpose: string;
  meetingFrequency: MeetingFrequencySeed | null;
  chairRule: ChairRuleSeed | null;
  quorumRule: QuorumRuleSeed | null;
}

export interface TermsPeriod extends BodyTerms {
  validFrom: string | null;
  validTo: string;
}

export const TERMS_FIELDS = ['kind', 'purpose', 'meetingFrequency', 'chairRule', 'quorumRule'] as const satisfies readonly (keyof BodyTerms)[];

/** Whether the row's own terms answer for `date` (no history needed). */
export const rowTermsApply = (termsFrom: string | null, date: string): boolean => termsFrom === null || date >= termsFrom;

/** The period in force on `date` among the history; before the first period, the earliest terms known. */
export function periodOn<T extends TermsPeriod>(history: readonly T[], date: string): T | null {
  const sorted = [...history].sort((a, b) => a.validTo.localeCompare(b.validTo));
  return sorted.find((period) => (period.validFrom === null || period.validFrom <= date) && period.validTo >= date) ?? sorted[0] ?? null;
}

/** The terms in force on `date`: the row's own, or the history period covering the date. */
export function termsOn(row: BodyTerms & { termsFrom: string | null }, history: readonly TermsPeriod[], date: string): BodyTerms {
  if (rowTermsApply(row.termsFrom, date)) return pick(row);
  const period = periodOn(history, date);
  return period ? pick(period) : pick(row);
}

const pick = (terms: BodyTerms): BodyTerms => ({
  kind: terms.kind,
  purpose: terms.purpose,
  meetingFrequency: terms.meetingFrequency,
  chairRule: terms.chairRule,
  quorumRule: terms.quorumRule,
});

/**
 * A quorum rule may only name agencies that sit on the body. Seats are membership's; arrangements
 * knows the agencies of the body's partnerships (their Lead Safeguarding Partners), so it refuses
 * a rule naming any other; membership's quorum evaluation then reports, meeting by meeting, a
 * required agency with no seat or attendance (README "Published contract").
 */
export function quorumAgenciesOutside(requiredOrganisationIds: readonly string[], bodyAgencyIds: readonly string[]): string[] {
  const known = new Set(bodyAgencyIds);
  return [...new Set(requiredOrganisationIds)].filter((id) => !known.has(id));
}

/** What a chair rule must say to make sense, whoever records it (the body mutations and pack imports). */
export interface ChairRuleShape {
  appointedFrom: ChairRuleSeed['appointedFrom'];
  organisationId?: string | null;
  termMonths?: number | null;
}

/** The first way a chair rule does not make sense (the field at fault and why), or null. */
export function chairRuleProblem(rule: ChairRuleShape): { field: 'organisationId' | 'termMonths'; message: string } | null {
  if (rule.appointedFrom === 'NAMED_ORGANISATION' && !rule.organisationId)
    return { field: 'organisationId', message: 'A NAMED_ORGANISATION chair rule needs organisationId: the organisation that chairs.' };
  if (rule.appointedFrom !== 'NAMED_ORGANISATION' && rule.organisationId != null)
    return { field: 'organisationId', message: 'organisationId is only for a NAMED_ORGANISATION chair rule; leave it out.' };
  if (rule.termMonths != null && (rule.termMonths < 1 || rule.termMonths > 120))
    return { field: 'termMonths', message: 'termMonths must be between 1 and 120' };
  return null;
}
