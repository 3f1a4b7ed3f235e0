import { addDays, addMonths, periodsOverlap } from '@safeguarding/subgraph-runtime';
import { type StoredSource, viewOfProvenance } from '@safeguarding/packs';

/**
 * Chair rules are data owned by arrangements (Body.chairRule); these small pure checks evaluate a
 * body's chair and vice-chair appointments against them. Each check reads one field of the rule,
 * so every rule kind in the documents is a combination of them:
 *  - Shropshire Safeguarding Children Partnership (001): a DSP lead, 18-month terms, rotating
 *    (chair source + term length + no consecutive terms from one organisation);
 *  - Telford & Wrekin Executive (003 App. A): a statutory partner, financial-year terms, never the
 *    same partner two years running, vice-chair from another organisation who then succeeds;
 *  - Telford & Wrekin Review, Learning & Training groups: chair and vice for a year, vice succeeds;
 *  - named organisations (ICB, West Mercia Police, the Council) and an independent chair.
 */

export type ChairSource = 'DELEGATED_SAFEGUARDING_PARTNERS' | 'STATUTORY_PARTNERS' | 'NAMED_ORGANISATION' | 'INDEPENDENT' | 'MEMBERS' | 'NOT_STATED';

/** The fields of arrangements' ChairRule that the checks read. */
export interface ChairRuleSnapshot {
  appointedFrom: ChairSource;
  organisationId: string | null;
  termMonths: number | null;
  termAlignedToFinancialYear: boolean;
  noConsecutiveTermsSameOrganisation: boolean;
  viceChairFromDifferentOrganisation: boolean;
  viceChairSucceeds: boolean;
  /** The rule in its document's words, and where it comes from: quoted when an appointment is refused. */
  description?: string | null;
  source?: StoredSource | null;
}

export interface ChairAppointment {
  id: string;
  role: 'CHAIR' | 'VICE_CHAIR';
  organisationId: string;
  startDate: string | null;
  endDate: string | null;
}

/** Who counts as what in the body's partnerships (from membership's designations and registry). */
export interface ChairContext {
  statutoryPartnerIds: ReadonlySet<string>;
  delegatedPartnerIds: ReadonlySet<string>;
  independentOrganisationIds: ReadonlySet<string>;
  /** For a rule that draws the chair from the body's members: the organisations seated on the body on a date. */
  memberOrganisationIdsOn?(date: string | null): ReadonlySet<string>;
  organisationName(id: string): string;
}

export type ChairRuleCheck =
  | 'CHAIR_SOURCE'
  | 'TERM_LENGTH'
  | 'FINANCIAL_YEAR_TERM'
  | 'NO_CONSECUTIVE_TERMS_SAME_ORGANISATION'
  | 'VICE_CHAIR_FROM_DIFFERENT_ORGANISATION'
  | 'VICE_CHAIR_SUCCEEDS'
  | 'OVERLAPPING_TERMS';

export interface ChairRuleBreach {
  check: ChairRuleCheck;
  appointmentId: string;
  explanation: string;
}

const byStart = (a: ChairAppointment, b: ChairAppointment) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.id.localeCompare(b.id);
const chairs = (appointments: readonly ChairAppointment[]) => appointments.filter((a) => a.role === 'CHAIR').sort(byStart);
const vices = (appointments: readonly ChairAppointment[]) => appointments.filter((a) => a.role === 'VICE_CHAIR').sort(byStart);
const term = (a: ChairAppointment) => `${a.startDate ?? 'an unknown date'} to ${a.endDate ?? 'open-ended'}`;

/**
 * The chair comes from where the rule says: a DSP, a statutory partner, a named or an independent
 * organisation, or one of the body's members. Where the vice-chair succeeds the chair, the vice-chair
 * must be eligible to chair too (else the succession the rule requires could not happen).
 */
export function checkChairSource(rule: ChairRuleSnapshot, appointments: readonly ChairAppointment[], context: ChairContext): ChairRuleBreach[] {
  const allowed: Record<ChairSource, ((organisationId: string, date: string | null) => boolean) | null> = {
    DELEGATED_SAFEGUARDING_PARTNERS: (id) => context.delegatedPartnerIds.has(id),
    STATUTORY_PARTNERS: (id) => context.statutoryPartnerIds.has(id),
    NAMED_ORGANISATION: (id) => id === rule.organisationId,
    INDEPENDENT: (id) => context.independentOrganisationIds.has(id),
    MEMBERS: context.memberOrganisationIdsOn ? (id, date) => context.memberOrganisationIdsOn!(date).has(id) : null,
    NOT_STATED: null,
  };
  const isAllowed = allowed[rule.appointedFrom];
  if (!isAllowed) return [];
  const wanted: Record<ChairSource, string> = {
    DELEGATED_SAFEGUARDING_PARTNERS: "one of the partnership's Delegated Safeguarding Partners",
    STATUTORY_PARTNERS: "one of the partnership's statutory (lead safeguarding) partners",
    NAMED_ORGANISATION: rule.organisationId ? context.organisationName(rule.organisationId) : 'the named organisation',
    INDEPENDENT: 'an independent organisation',
    MEMBERS: "one of the body's members",
    NOT_STATED: '',
  };
  const checked = rule.viceChairSucceeds ? [...chairs(appointments), ...vices(appointments)] : chairs(appointments);
  return checked
    .filter((a) => !isAllowed(a.organisationId, a.startDate))
    .map((a) => ({
      check: 'CHAIR_SOURCE' as const,
      appointmentId: a.id,
      explanation:
        a.role === 'CHAIR'
          ? `The chair from ${a.startDate ?? 'an unknown date'} is from ${context.organisationName(a.organisationId)}; the rule says the chair comes from ${wanted[rule.appointedFrom]}.`
          : `The vice-chair from ${a.startDate ?? 'an unknown date'} is from ${context.organisationName(a.organisationId)}; the vice-chair succeeds the chair, so must come from where the chair does: ${wanted[rule.appointedFrom]}.`,
    }));
}

/** A term lasts at most termMonths and must have an end date when the rule sets a length. */
export function checkTermLength(rule: ChairRuleSnapshot, appointments: readonly ChairAppointment[]): ChairRuleBreach[] {
  const months = rule.termMonths;
  if (months === null) return [];
  return appointments.flatMap((a) => {
    if (!a.startDate || !a.endDate) {
      return [
        {
          check: 'TERM_LENGTH' as const,
          appointmentId: a.id,
          explanation: `The ${a.role === 'CHAIR' ? 'chair' : 'vice-chair'} term ${term(a)} has no fixed dates; the rule sets a ${months}-month term.`,
        },
      ];
    }
    const latestEnd = addDays(addMonths(a.startDate, months), -1);
    return a.endDate > latestEnd
      ? [
          {
            check: 'TERM_LENGTH' as const,
            appointmentId: a.id,
            explanation: `The ${a.role === 'CHAIR' ? 'chair' : 'vice-chair'} term ${term(a)} is longer than ${months} months; it should end by ${latestEnd}.`,
          },
        ]
      : [];
  });
}

/** A financial-year term runs from 1 April to 31 March. */
export function checkFinancialYearTerm(rule: ChairRuleSnapshot, appointments: readonly ChairAppointment[]): ChairRuleBreach[] {
  if (!rule.termAlignedToFinancialYear) return [];
  return appointments
    .filter((a) => {
      if (!a.startDate || !a.endDate) return true;
      const startYear = Number(a.startDate.slice(0, 4));
      return !(a.startDate.endsWith('-04-01') && a.endDate === `${startYear + 1}-03-31`);
    })
    .map((a) => ({
      check: 'FINANCIAL_YEAR_TERM' as const,
      appointmentId: a.id,
      explanation: `The term ${term(a)} is not a financial year; terms run from 1 April to 31 March.`,
    }));
}

/** The same organisation never chairs two terms running (rotation). */
export function checkNoConsecutiveTermsSameOrganisation(
  rule: ChairRuleSnapshot,
  appointments: readonly ChairAppointment[],
  context: ChairContext,
): ChairRuleBreach[] {
  if (!rule.noConsecutiveTermsSameOrganisation) return [];
  const ordered = chairs(appointments);
  return ordered.slice(1).flatMap((current, index) => {
    const previous = ordered[index]!;
    return previous.organisationId === current.organisationId
      ? [
          {
            check: 'NO_CONSECUTIVE_TERMS_SAME_ORGANISATION' as const,
            appointmentId: current.id,
            explanation: `${context.organisationName(current.organisationId)} chairs from ${current.startDate ?? 'an unknown date'} straight after its own previous term (${term(previous)}); the chair must rotate to another organisation.`,
          },
        ]
      : [];
  });
}

/** A vice-chair is from a different organisation from the chair serving alongside. */
export function checkViceChairFromDifferentOrganisation(
  rule: ChairRuleSnapshot,
  appointments: readonly ChairAppointment[],
  context: ChairContext,
): ChairRuleBreach[] {
  if (!rule.viceChairFromDifferentOrganisation) return [];
  const chairTerms = chairs(appointments);
  return vices(appointments).flatMap((vice) => {
    const clash = chairTerms.find((chair) => chair.organisationId === vice.organisationId && periodsOverlap(chair, vice));
    return clash
      ? [
          {
            check: 'VICE_CHAIR_FROM_DIFFERENT_ORGANISATION' as const,
            appointmentId: vice.id,
            explanation: `The vice-chair from ${vice.startDate ?? 'an unknown date'} is from ${context.organisationName(vice.organisationId)}, the same organisation as the chair (${term(clash)}); the vice-chair must come from a different organisation.`,
          },
        ]
      : [];
  });
}

/** The vice-chair of a term becomes the next chair. */
export function checkViceChairSucceeds(rule: ChairRuleSnapshot, appointments: readonly ChairAppointment[], context: ChairContext): ChairRuleBreach[] {
  if (!rule.viceChairSucceeds) return [];
  const ordered = chairs(appointments);
  const viceTerms = vices(appointments);
  return ordered.slice(1).flatMap((next, index) => {
    const previous = ordered[index]!;
    // The vice who served alongside the previous chair, latest first.
    const vice = [...viceTerms].reverse().find((v) => periodsOverlap(v, previous));
    if (!vice || vice.organisationId === next.organisationId) return [];
    return [
      {
        check: 'VICE_CHAIR_SUCCEEDS' as const,
        appointmentId: next.id,
        explanation: `The chair from ${next.startDate ?? 'an unknown date'} is from ${context.organisationName(next.organisationId)}, but the vice-chair of the previous term (${term(previous)}) was from ${context.organisationName(vice.organisationId)}; the vice-chair succeeds the chair.`,
      },
    ];
  });
}

/** Two chairs (or two vice-chairs) never hold office on the same day. Applies to every body. */
export function checkOverlappingTerms(appointments: readonly ChairAppointment[]): ChairRuleBreach[] {
  return [chairs(appointments), vices(appointments)].flatMap((ordered) =>
    ordered.flatMap((current, index) => {
      const earlier = ordered.slice(0, index).find((other) => periodsOverlap(other, current));
      return earlier
        ? [
            {
              check: 'OVERLAPPING_TERMS' as const,
              appointmentId: current.id,
              explanation: `The ${current.role === 'CHAIR' ? 'chair' : 'vice-chair'} term ${term(current)} overlaps the term ${term(earlier)}; end that term first.`,
            },
          ]
        : [];
    }),
  );
}

/** Every breach of the rule in a body's appointments (empty when the rule has held). */
export function evaluateChairRule(rule: ChairRuleSnapshot | null, appointments: readonly ChairAppointment[], context: ChairContext): ChairRuleBreach[] {
  const structural = checkOverlappingTerms(appointments);
  if (!rule) return structural;
  return [
    ...structural,
    ...checkChairSource(rule, appointments, context),
    ...checkTermLength(rule, appointments),
    ...checkFinancialYearTerm(rule, appointments),
    ...checkNoConsecutiveTermsSameOrganisation(rule, appointments, context),
    ...checkViceChairFromDifferentOrganisation(rule, appointments, context),
    ...checkViceChairSucceeds(rule, appointments, context),
  ];
}

/** The breaches a proposed appointment would add to a body's history: what appointChair refuses. */
export function breachesAddedBy(
  rule: ChairRuleSnapshot | null,
  existing: readonly ChairAppointment[],
  proposed: ChairAppointment,
  context: ChairContext,
): ChairRuleBreach[] {
  const key = (breach: ChairRuleBreach) => `${breach.check}|${breach.appointmentId}`;
  const before = new Set(evaluateChairRule(rule, existing, context).map(key));
  return evaluateChairRule(rule, [...existing, proposed], context).filter((breach) => !before.has(key(breach)));
}

const SOURCE_WORDS: Record<ChairSource, string> = {
  DELEGATED_SAFEGUARDING_PARTNERS: 'the chair comes from the Delegated Safeguarding Partners',
  STATUTORY_PARTNERS: 'the chair comes from the statutory partners',
  NAMED_ORGANISATION: 'the chair comes from the named organisation',
  INDEPENDENT: 'the chair is independent',
  MEMBERS: "the chair comes from the body's members",
  NOT_STATED: 'who chairs is not stated',
};

/** The rule's fields in words: what a refusal says when the rule's own words were not copied here. */
export function describeChairRule(rule: ChairRuleSnapshot): string {
  const parts = [
    rule.appointedFrom === 'NAMED_ORGANISATION' && rule.organisationId ? `the chair comes from ${rule.organisationId}` : SOURCE_WORDS[rule.appointedFrom],
    rule.termMonths !== null ? `terms of at most ${rule.termMonths} months` : null,
    rule.termAlignedToFinancialYear ? 'each term a financial year (1 April to 31 March)' : null,
    rule.noConsecutiveTermsSameOrganisation ? 'never the same organisation two terms running' : null,
    rule.viceChairFromDifferentOrganisation ? "the vice-chair from a different organisation from the chair's" : null,
    rule.viceChairSucceeds ? 'the vice-chair succeeds the chair' : null,
  ];
  return parts.filter((part) => part !== null).join('; ');
}

/** The rule quoted: its document's words and source, or (without them) its fields in words. */
export function quoteChairRule(rule: ChairRuleSnapshot | null): string {
  if (!rule) return 'no chair rule is recorded; two chairs (or two vice-chairs) may never hold office on the same day';
  if (!rule.description) return `as recorded: ${describeChairRule(rule)}`;
  const cited = rule.source ? viewOfProvenance(rule.source) : undefined;
  const where = cited ? ` (${cited.document}${cited.section ? `, ${cited.section}` : ''})` : '';
  return `"${rule.description}"${where}`;
}

/** What appointChair and correctChairAppointment say when they refuse: the rule quoted, then each breach. */
export function chairRefusalMessage(bodyId: string, rule: ChairRuleSnapshot | null, breaches: readonly ChairRuleBreach[]): string {
  return `The appointment breaks ${bodyId}'s chair rule. The rule: ${quoteChairRule(rule)}. The breach: ${breaches.map((b) => b.explanation).join(' ')}`;
}
