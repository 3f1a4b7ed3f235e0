import { addDays, periodsOverlap } from '@safeguarding/subgraph-runtime';

/**
 * Who may hold a designation at once, as data, and the one evaluator that applies it to a new term
 * (designate) or a corrected one (correctDesignation). Pure: no database.
 *
 *  - ONE_PER_PARTNERSHIP: one organisation at a time in the partnership (the independent scrutineer,
 *    the independent chair, the accountable body: 001, 002, 003 each name one).
 *  - ONE_PER_ORGANISATION: several organisations at once, each once (the three statutory partners;
 *    one delegated safeguarding partner acting for each of them, 000 "The DSPs are").
 *
 * A new term from a date in the same scope is a change of holder: the term running the day before
 * ends that day (succession), so earlier dates keep the earlier holder. A term that begins on or
 * after the new one's first day is refused: that is a clash to correct, not a succession.
 */

export type DesignationKind =
  'LEAD_SAFEGUARDING_PARTNER' | 'DELEGATED_SAFEGUARDING_PARTNER' | 'INDEPENDENT_SCRUTINEER' | 'INDEPENDENT_CHAIR' | 'ACCOUNTABLE_BODY';

export type HolderLimit = 'ONE_PER_PARTNERSHIP' | 'ONE_PER_ORGANISATION';

export const DESIGNATION_HOLDERS: Record<DesignationKind, { limit: HolderLimit; description: string }> = {
  LEAD_SAFEGUARDING_PARTNER: { limit: 'ONE_PER_ORGANISATION', description: 'the statutory partners (council, health, police): each organisation once' },
  DELEGATED_SAFEGUARDING_PARTNER: { limit: 'ONE_PER_ORGANISATION', description: 'one delegated safeguarding partner for each lead partner organisation' },
  INDEPENDENT_SCRUTINEER: { limit: 'ONE_PER_PARTNERSHIP', description: 'one independent scrutineer at a time' },
  INDEPENDENT_CHAIR: { limit: 'ONE_PER_PARTNERSHIP', description: 'one independent chair at a time' },
  ACCOUNTABLE_BODY: { limit: 'ONE_PER_PARTNERSHIP', description: 'one accountable body at a time' },
};

export interface DesignationTerm {
  id: string;
  partnershipId: string;
  kind: DesignationKind;
  organisationId: string;
  startDate: string | null;
  endDate: string | null;
}

export type DesignationRefusal = { code: 'CONFLICT' | 'BAD_USER_INPUT'; field: string; message: string };

export interface DesignationPlan {
  /** Terms that end the day before the new one begins (succession). */
  ends: { id: string; endDate: string }[];
  refusal: DesignationRefusal | null;
}

const termText = (t: DesignationTerm) => `${t.organisationId} (${t.startDate ?? 'since before the records'} to ${t.endDate ?? 'open-ended'})`;

/** The terms the rule compares a term with: same partnership and kind, and for ONE_PER_ORGANISATION the same organisation. */
export function sameScope(a: DesignationTerm, b: DesignationTerm): boolean {
  if (a.id === b.id || a.partnershipId !== b.partnershipId || a.kind !== b.kind) return false;
  return DESIGNATION_HOLDERS[a.kind].limit === 'ONE_PER_PARTNERSHIP' || a.organisationId === b.organisationId;
}

/** Dates in order: the end is not before the start. */
export function datesRefusal(term: Pick<DesignationTerm, 'startDate' | 'endDate'>): DesignationRefusal | null {
  if (term.startDate !== null && term.endDate !== null && term.endDate < term.startDate)
    return { code: 'BAD_USER_INPUT', field: 'endDate', message: `endDate ${term.endDate} is before startDate ${term.startDate}.` };
  return null;
}

/** A new term from its start date: which running terms end the day before, or why it is refused. */
export function planDesignation(existing: readonly DesignationTerm[], proposed: DesignationTerm): DesignationPlan {
  const dates = datesRefusal(proposed);
  if (dates) return { ends: [], refusal: dates };
  const start = proposed.startDate!;
  const ends: DesignationPlan['ends'] = [];
  for (const other of existing.filter((o) => sameScope(o, proposed) && periodsOverlap(o, proposed))) {
    if (other.startDate !== null && other.startDate >= start) {
      return {
        ends: [],
        refusal: {
          code: 'CONFLICT',
          field: 'startDate',
          message: `${termText(other)} already holds this ${proposed.kind} designation from ${other.startDate}, on or after ${start} (${DESIGNATION_HOLDERS[proposed.kind].description}); correct that designation or choose other dates.`,
        },
      };
    }
    ends.push({ id: other.id, endDate: addDays(start, -1) });
  }
  return { ends, refusal: null };
}

/** A corrected term must not overlap another in its scope (a correction never moves anyone else's dates). */
export function correctionRefusal(existing: readonly DesignationTerm[], corrected: DesignationTerm): DesignationRefusal | null {
  const dates = datesRefusal(corrected);
  if (dates) return dates;
  const clash = existing.find((o) => sameScope(o, corrected) && periodsOverlap(o, corrected));
  return clash
    ? {
        code: 'CONFLICT',
        field: 'input',
        message: `The corrected term overlaps ${termText(clash)} (${DESIGNATION_HOLDERS[corrected.kind].description}); correct or end that designation first.`,
      }
    : null;
}
