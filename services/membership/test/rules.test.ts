import {
  breachesAddedBy,
  checkChairSource,
  checkFinancialYearTerm,
  checkNoConsecutiveTermsSameOrganisation,
  checkOverlappingTerms,
  checkTermLength,
  checkViceChairFromDifferentOrganisation,
  checkViceChairSucceeds,
  chairRefusalMessage,
  describeChairRule,
  evaluateChairRule,
  quoteChairRule,
  type ChairAppointment,
  type ChairContext,
  type ChairRuleSnapshot,
} from '../rules/chair-rule';
import { addMonths, periodsOverlap } from '@safeguarding/subgraph-runtime';
import { evaluateQuorum, expectedSeats, isUnexplained, unexplainedAbsences, type QuorumRuleSnapshot } from '../rules/quorum';
import { correctionRefusal, DESIGNATION_HOLDERS, planDesignation, type DesignationKind } from '../rules/designation-rule';

/**
 * The chair and quorum evaluators, case by case, with the rules as the documents state them: five
 * bodies' chair rules, literally as arrangements publishes them (the evaluators are tested, not a seed).
 */
const CHAIR_RULES: Record<string, ChairRuleSnapshot> = {
  'shropshire.safeguarding-children-partnership': {
    appointedFrom: 'DELEGATED_SAFEGUARDING_PARTNERS',
    organisationId: null,
    termMonths: 18,
    termAlignedToFinancialYear: false,
    noConsecutiveTermsSameOrganisation: true,
    viceChairFromDifferentOrganisation: false,
    viceChairSucceeds: false,
    description:
      'The meeting will be chaired by a DSP Lead on an 18-month rotational basis; the current chair is Tanya Miles, Executive Director of People, Shropshire Council. (No vice-chair arrangement is stated.)',
    source: { document: '001_129f8b945aaf429a.txt', section: 'Structure' },
  },
  'telford-and-wrekin.executive': {
    appointedFrom: 'STATUTORY_PARTNERS',
    organisationId: null,
    termMonths: 12,
    termAlignedToFinancialYear: true,
    noConsecutiveTermsSameOrganisation: true,
    viceChairFromDifferentOrganisation: true,
    viceChairSucceeds: true,
    description:
      'An annual appointment (financial year) from the statutory partners. The chair cannot be from the same statutory partner on consecutive years. A vice-chair will also be appointed from a different organisation to the chair who will succeed the chair. The vice chair will deputise for the chair as necessary.',
    source: { document: '003_b1549964c7b91fcb.txt', section: 'Appendix A \u2013 Terms of Reference: Safeguarding Partnership Executive, Chair' },
  },
  'telford-and-wrekin.childrens-review-learning-and-training-group': {
    appointedFrom: 'NOT_STATED',
    organisationId: null,
    termMonths: 12,
    termAlignedToFinancialYear: false,
    noConsecutiveTermsSameOrganisation: false,
    viceChairFromDifferentOrganisation: false,
    viceChairSucceeds: true,
    description:
      'The chair and a vice of the Group will be appointed by the Safeguarding Executive. The post-holders will be in place for 1 year, with the vice chair taking on the chair role.',
    source: { document: '003_b1549964c7b91fcb.txt', section: 'Appendix A \u2013 Terms of Reference: Children Review, Learning & Training Group, Chair' },
  },
  'shropshire.tackling-exploitation-group': {
    appointedFrom: 'NAMED_ORGANISATION',
    organisationId: 'west-mercia-police',
    termMonths: null,
    termAlignedToFinancialYear: false,
    noConsecutiveTermsSameOrganisation: false,
    viceChairFromDifferentOrganisation: false,
    viceChairSucceeds: false,
    description: 'Chaired by West Mercia Police.',
    source: { document: '000_102c8c08933b906a.txt', section: 'Structure' },
  },
  'telford-and-wrekin.safeguarding-partnership': {
    appointedFrom: 'INDEPENDENT',
    organisationId: null,
    termMonths: null,
    termAlignedToFinancialYear: false,
    noConsecutiveTermsSameOrganisation: false,
    viceChairFromDifferentOrganisation: false,
    viceChairSucceeds: false,
    description: 'The Chair will be appointed by the Executive and independent of both statutory and "relevant agencies".',
    source: { document: '003_b1549964c7b91fcb.txt', section: 'Appendix A \u2013 Terms of Reference: Telford & Wrekin Safeguarding Partnership, Chair' },
  },
};
const ruleOf = (bodyId: string) => CHAIR_RULES[bodyId]!;
const SCP_ROTATION = ruleOf('shropshire.safeguarding-children-partnership');
const EXECUTIVE = ruleOf('telford-and-wrekin.executive');
const REVIEW_GROUP = ruleOf('telford-and-wrekin.childrens-review-learning-and-training-group');
const EXPLOITATION = ruleOf('shropshire.tackling-exploitation-group');
const WIDER_PARTNERSHIP = ruleOf('telford-and-wrekin.safeguarding-partnership');

const context: ChairContext = {
  statutoryPartnerIds: new Set(['council', 'icb', 'police']),
  delegatedPartnerIds: new Set(['council', 'icb', 'police']),
  independentOrganisationIds: new Set(['independent-chair']),
  organisationName: (id) => id,
};
let sequence = 0;
const chair = (organisationId: string, startDate: string | null, endDate: string | null, role: ChairAppointment['role'] = 'CHAIR'): ChairAppointment => ({
  id: `a${(sequence += 1)}`,
  role,
  organisationId,
  startDate,
  endDate,
});
const vice = (organisationId: string, startDate: string, endDate: string) => chair(organisationId, startDate, endDate, 'VICE_CHAIR');

describe('dates', () => {
  it.each([
    ['2024-10-01', 18, '2026-04-01'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2019-04-01', 12, '2020-04-01'],
  ])('%s plus %i months is %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));
  it('treats open ends as unbounded and a shared day as overlap', () => {
    expect(periodsOverlap({ startDate: '2024-01-01', endDate: '2024-03-31' }, { startDate: '2024-03-31', endDate: null })).toBe(true);
    expect(periodsOverlap({ startDate: '2024-01-01', endDate: '2024-03-31' }, { startDate: '2024-04-01', endDate: null })).toBe(false);
    expect(periodsOverlap({ startDate: null, endDate: null }, { startDate: '1999-01-01', endDate: '1999-01-01' })).toBe(true);
  });
});

describe('chair source', () => {
  it('keeps a DSP chairing the Shropshire partnership and flags anyone else', () => {
    expect(checkChairSource(SCP_ROTATION, [chair('council', '2024-10-01', '2026-03-31')], context)).toEqual([]);
    const [breach] = checkChairSource(SCP_ROTATION, [chair('fire', '2024-10-01', '2026-03-31')], context);
    expect(breach!.check).toBe('CHAIR_SOURCE');
    expect(breach!.explanation).toMatch(/Delegated Safeguarding Partners/);
  });
  it('keeps the named organisation chairing and flags another', () => {
    const named = { ...EXPLOITATION, organisationId: 'police' };
    expect(checkChairSource(named, [chair('police', null, null)], context)).toEqual([]);
    expect(checkChairSource(named, [chair('council', null, null)], context)).toHaveLength(1);
  });
  it('wants an independent chair for the wider Telford & Wrekin partnership', () => {
    expect(checkChairSource(WIDER_PARTNERSHIP, [chair('independent-chair', null, null)], context)).toEqual([]);
    expect(checkChairSource(WIDER_PARTNERSHIP, [chair('council', null, null)], context)).toHaveLength(1);
  });
  it('does not judge vice-chairs who do not succeed, or rules that name no source', () => {
    expect(checkChairSource({ ...EXECUTIVE, viceChairSucceeds: false }, [vice('fire', '2024-04-01', '2025-03-31')], context)).toEqual([]);
    expect(checkChairSource(REVIEW_GROUP, [chair('anyone', '2024-06-01', '2025-05-31')], context)).toEqual([]);
  });
  it('judges a vice-chair who will succeed (the Executive) by where the chair must come from', () => {
    expect(checkChairSource(EXECUTIVE, [vice('police', '2024-04-01', '2025-03-31')], context)).toEqual([]);
    const [breach] = checkChairSource(EXECUTIVE, [vice('fire', '2024-04-01', '2025-03-31')], context);
    expect(breach!.check).toBe('CHAIR_SOURCE');
    expect(breach!.explanation).toMatch(/vice-chair succeeds the chair, so must come from where the chair does: .*statutory/);
  });
  it("wants one of the body's members on the day when the rule draws the chair from its members", () => {
    const members = { ...REVIEW_GROUP, appointedFrom: 'MEMBERS' as const };
    const seated: ChairContext = { ...context, memberOrganisationIdsOn: (date) => new Set(date !== null && date >= '2024-01-01' ? ['council'] : []) };
    expect(checkChairSource(members, [chair('council', '2024-06-01', '2025-05-31')], seated)).toEqual([]);
    expect(checkChairSource(members, [chair('council', '2023-06-01', '2024-05-31')], seated)).toHaveLength(1);
    expect(checkChairSource(members, [chair('fire', '2024-06-01', '2025-05-31')], seated)[0]!.explanation).toMatch(/body's members/);
    // Without the body's seats (no context for it) the rule is not judged.
    expect(checkChairSource(members, [chair('fire', '2024-06-01', '2025-05-31')], context)).toEqual([]);
  });
});

describe('term length', () => {
  it('accepts an 18-month DSP term and refuses a 19-month one', () => {
    expect(checkTermLength(SCP_ROTATION, [chair('council', '2024-10-01', '2026-03-31')])).toEqual([]);
    const [breach] = checkTermLength(SCP_ROTATION, [chair('council', '2024-10-01', '2026-04-30')]);
    expect(breach!.explanation).toMatch(/longer than 18 months; it should end by 2026-03-31/);
  });
  it('flags an open-ended term when the rule sets a length, and ignores length when it does not', () => {
    expect(checkTermLength(REVIEW_GROUP, [chair('council', '2024-06-01', null)])).toHaveLength(1);
    expect(checkTermLength(EXPLOITATION, [chair('police', '2020-01-01', null)])).toEqual([]);
  });
});

describe('financial-year term', () => {
  it('accepts 1 April to 31 March and refuses any other span', () => {
    expect(checkFinancialYearTerm(EXECUTIVE, [chair('council', '2024-04-01', '2025-03-31')])).toEqual([]);
    expect(checkFinancialYearTerm(EXECUTIVE, [chair('council', '2024-01-01', '2024-12-31')])).toHaveLength(1);
    expect(checkFinancialYearTerm(EXECUTIVE, [chair('council', '2024-04-01', '2026-03-31')])).toHaveLength(1);
  });
  it('does not apply to rules without it', () => {
    expect(checkFinancialYearTerm(REVIEW_GROUP, [chair('council', '2024-06-01', '2025-05-31')])).toEqual([]);
  });
});

describe('no consecutive terms from one organisation', () => {
  it('accepts a rotation and flags the same partner two years running', () => {
    const rotation = [chair('council', '2023-04-01', '2024-03-31'), chair('police', '2024-04-01', '2025-03-31')];
    expect(checkNoConsecutiveTermsSameOrganisation(EXECUTIVE, rotation, context)).toEqual([]);
    const repeat = [chair('council', '2023-04-01', '2024-03-31'), chair('council', '2024-04-01', '2025-03-31')];
    const [breach] = checkNoConsecutiveTermsSameOrganisation(EXECUTIVE, repeat, context);
    expect(breach!.appointmentId).toBe(repeat[1]!.id);
  });
  it('lets a partner chair again after someone else has', () => {
    const back = [chair('council', '2022-04-01', '2023-03-31'), chair('icb', '2023-04-01', '2024-03-31'), chair('council', '2024-04-01', '2025-03-31')];
    expect(checkNoConsecutiveTermsSameOrganisation(SCP_ROTATION, back, context)).toEqual([]);
  });
});

describe('vice-chair', () => {
  it('must come from a different organisation from the chair', () => {
    expect(
      checkViceChairFromDifferentOrganisation(EXECUTIVE, [chair('council', '2024-04-01', '2025-03-31'), vice('police', '2024-04-01', '2025-03-31')], context),
    ).toEqual([]);
    expect(
      checkViceChairFromDifferentOrganisation(EXECUTIVE, [chair('council', '2024-04-01', '2025-03-31'), vice('council', '2024-04-01', '2025-03-31')], context),
    ).toHaveLength(1);
  });
  it('succeeds the chair: the next chair is the previous vice-chair organisation', () => {
    const kept = [chair('council', '2024-06-01', '2025-05-31'), vice('police', '2024-06-01', '2025-05-31'), chair('police', '2025-06-01', '2026-05-31')];
    expect(checkViceChairSucceeds(REVIEW_GROUP, kept, context)).toEqual([]);
    const broken = [chair('council', '2024-06-01', '2025-05-31'), vice('police', '2024-06-01', '2025-05-31'), chair('icb', '2025-06-01', '2026-05-31')];
    const [breach] = checkViceChairSucceeds(REVIEW_GROUP, broken, context);
    expect(breach!.explanation).toMatch(/vice-chair of the previous term .* was from police/);
  });
  it('cannot be checked when no vice-chair was recorded', () => {
    expect(checkViceChairSucceeds(REVIEW_GROUP, [chair('council', '2024-06-01', '2025-05-31'), chair('icb', '2025-06-01', '2026-05-31')], context)).toEqual([]);
  });
});

describe('overlapping terms', () => {
  it('flags two chairs on the same day but not a chair and a vice-chair', () => {
    expect(checkOverlappingTerms([chair('council', '2024-04-01', '2025-03-31'), chair('police', '2025-03-31', '2026-03-31')])).toHaveLength(1);
    expect(checkOverlappingTerms([chair('council', '2024-04-01', '2025-03-31'), vice('police', '2024-04-01', '2025-03-31')])).toEqual([]);
  });
});

describe('the whole rule', () => {
  it('finds the Telford & Wrekin Executive rotation kept', () => {
    const history = [
      chair('council', '2023-04-01', '2024-03-31'),
      vice('police', '2023-04-01', '2024-03-31'),
      chair('police', '2024-04-01', '2025-03-31'),
      vice('icb', '2024-04-01', '2025-03-31'),
      chair('icb', '2025-04-01', '2026-03-31'),
    ];
    expect(evaluateChairRule(EXECUTIVE, history, context)).toEqual([]);
  });
  it('reports only the breaches a proposed appointment adds', () => {
    const history = [chair('council', '2023-04-01', '2024-03-31'), vice('police', '2023-04-01', '2024-03-31')];
    expect(breachesAddedBy(EXECUTIVE, history, chair('police', '2024-04-01', '2025-03-31'), context)).toEqual([]);
    const added = breachesAddedBy(EXECUTIVE, history, chair('council', '2024-04-01', '2025-03-31'), context)
      .map((b) => b.check)
      .sort();
    expect(added).toEqual(['NO_CONSECUTIVE_TERMS_SAME_ORGANISATION', 'VICE_CHAIR_SUCCEEDS']);
  });
  it('checks overlaps even for a body with no chair rule', () => {
    const rule: ChairRuleSnapshot | null = null;
    expect(evaluateChairRule(rule, [chair('a', null, null), chair('b', '2024-01-01', null)], context)).toHaveLength(1);
  });
});

describe('the refusal quotes the rule', () => {
  it("quotes the Executive's rule in 003's words, with its source, then the breach", () => {
    const breaches = breachesAddedBy(EXECUTIVE, [chair('council', '2024-04-01', '2025-03-31')], chair('council', '2025-04-01', '2026-03-31'), context);
    const message = chairRefusalMessage('telford-and-wrekin.executive', EXECUTIVE, breaches);
    expect(message).toContain(
      '"An annual appointment (financial year) from the statutory partners. The chair cannot be from the same statutory partner on consecutive years.',
    );
    expect(message).toContain('(003_b1549964c7b91fcb.txt, Appendix A – Terms of Reference: Safeguarding Partnership Executive, Chair)');
    expect(message).toMatch(/The breach: .*straight after its own previous term/);
  });
  it('quotes the 18-month rotation of the Shropshire partnership (001)', () => {
    expect(quoteChairRule(SCP_ROTATION)).toMatch(
      /^"The meeting will be chaired by a DSP Lead on an 18-month rotational basis.*" \(001_129f8b945aaf429a.txt, Structure\)$/,
    );
  });
  it("states the rule's fields in words when its own words were not copied", () => {
    const { description: _description, source: _source, ...bare } = EXECUTIVE;
    expect(quoteChairRule(bare)).toBe(
      "as recorded: the chair comes from the statutory partners; terms of at most 12 months; each term a financial year (1 April to 31 March); never the same organisation two terms running; the vice-chair from a different organisation from the chair's; the vice-chair succeeds the chair",
    );
    expect(describeChairRule(SCP_ROTATION)).toBe(
      'the chair comes from the Delegated Safeguarding Partners; terms of at most 18 months; never the same organisation two terms running',
    );
    expect(quoteChairRule(null)).toMatch(/no chair rule is recorded/);
  });
});

describe('designation holders', () => {
  let n = 0;
  const term = (kind: DesignationKind, organisationId: string, startDate: string | null, endDate: string | null = null, partnershipId = 'shropshire') => ({
    id: `d${(n += 1)}`,
    partnershipId,
    kind,
    organisationId,
    startDate,
    endDate,
  });
  it('holds the kinds as data: one per partnership for scrutineer, chair and accountable body; one per organisation for partners', () => {
    expect(Object.entries(DESIGNATION_HOLDERS).map(([kind, { limit }]) => [kind, limit])).toEqual([
      ['LEAD_SAFEGUARDING_PARTNER', 'ONE_PER_ORGANISATION'],
      ['DELEGATED_SAFEGUARDING_PARTNER', 'ONE_PER_ORGANISATION'],
      ['INDEPENDENT_SCRUTINEER', 'ONE_PER_PARTNERSHIP'],
      ['INDEPENDENT_CHAIR', 'ONE_PER_PARTNERSHIP'],
      ['ACCOUNTABLE_BODY', 'ONE_PER_PARTNERSHIP'],
    ]);
  });
  it('a new independent scrutineer ends the one before the day before (succession), whatever its organisation', () => {
    const seeded = term('INDEPENDENT_SCRUTINEER', 'shropshire-independent-scrutineer', null);
    const plan = planDesignation([seeded], term('INDEPENDENT_SCRUTINEER', 'another-scrutineer', '2027-04-01'));
    expect(plan).toEqual({ ends: [{ id: seeded.id, endDate: '2027-03-31' }], refusal: null });
  });
  it('leaves a term that ended before the new one alone, and another partnership or kind alone', () => {
    const ended = term('INDEPENDENT_CHAIR', 'a', '2020-01-01', '2026-12-31');
    const elsewhere = term('INDEPENDENT_CHAIR', 'b', null, null, 'solihull');
    const otherKind = term('INDEPENDENT_SCRUTINEER', 'c', null);
    expect(planDesignation([ended, elsewhere, otherKind], term('INDEPENDENT_CHAIR', 'd', '2027-01-01'))).toEqual({ ends: [], refusal: null });
  });
  it('lets three lead partners hold at once, and a delegated partner of one organisation succeed its own', () => {
    const police = term('LEAD_SAFEGUARDING_PARTNER', 'police', null);
    expect(planDesignation([police], term('LEAD_SAFEGUARDING_PARTNER', 'council', '2027-01-01'))).toEqual({ ends: [], refusal: null });
    const dsp = term('DELEGATED_SAFEGUARDING_PARTNER', 'police', null);
    expect(planDesignation([dsp], term('DELEGATED_SAFEGUARDING_PARTNER', 'police', '2027-01-01')).ends).toEqual([{ id: dsp.id, endDate: '2026-12-31' }]);
    expect(planDesignation([dsp], term('DELEGATED_SAFEGUARDING_PARTNER', 'icb', '2027-01-01')).ends).toEqual([]);
  });
  it('refuses a term when another in its scope begins on or after its first day (CONFLICT), and dates out of order (BAD_USER_INPUT)', () => {
    const later = term('ACCOUNTABLE_BODY', 'council', '2027-04-01');
    expect(planDesignation([later], term('ACCOUNTABLE_BODY', 'icb', '2027-04-01')).refusal).toMatchObject({ code: 'CONFLICT', field: 'startDate' });
    expect(planDesignation([later], term('ACCOUNTABLE_BODY', 'icb', '2026-04-01')).refusal).toMatchObject({ code: 'CONFLICT' });
    expect(planDesignation([], term('ACCOUNTABLE_BODY', 'icb', '2026-04-01', '2026-03-31')).refusal).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'endDate',
    });
  });
  it('refuses a correction that would overlap another term in scope, and accepts one that does not', () => {
    const first = term('INDEPENDENT_CHAIR', 'a', '2020-01-01', '2026-12-31');
    const second = term('INDEPENDENT_CHAIR', 'b', '2027-01-01');
    expect(correctionRefusal([first, second], { ...second, startDate: '2026-12-01' })).toMatchObject({ code: 'CONFLICT' });
    expect(correctionRefusal([first, second], { ...second, organisationId: 'c' })).toBeNull();
    expect(correctionRefusal([first, second], { ...first, endDate: '2019-01-01' })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('quorum', () => {
  const SHROPSHIRE: QuorumRuleSnapshot = {
    kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED',
    namedDeputyCounts: false,
    requiredOrganisationIds: ['council', 'icb', 'police'],
    unexplainedAbsenceReported: true,
  };
  const TELFORD: QuorumRuleSnapshot = { ...SHROPSHIRE, namedDeputyCounts: true, unexplainedAbsenceReported: false };
  const all = [
    { organisationId: 'council', outcome: 'ATTENDED' as const, attendedAs: 'MEMBER' as const },
    { organisationId: 'icb', outcome: 'ATTENDED' as const, attendedAs: 'MEMBER' as const },
  ];
  it('is quorate when every statutory partner is there', () => {
    expect(evaluateQuorum(SHROPSHIRE, [...all, { organisationId: 'police', outcome: 'ATTENDED', attendedAs: 'MEMBER' }]).quorate).toBe(true);
  });
  it('names the missing agency when one sends apologies', () => {
    const result = evaluateQuorum(SHROPSHIRE, [...all, { organisationId: 'police', outcome: 'APOLOGIES', attendedAs: null }]);
    expect(result).toEqual({ quorate: false, missingOrganisationIds: ['police'], representedOrganisationIds: ['council', 'icb'], attendanceRecorded: true });
  });
  it('counts a named deputy in Telford & Wrekin but not in Shropshire', () => {
    const deputy = [...all, { organisationId: 'police', outcome: 'ATTENDED' as const, attendedAs: 'NAMED_DEPUTY' as const }];
    expect(evaluateQuorum(TELFORD, deputy).quorate).toBe(true);
    expect(evaluateQuorum(SHROPSHIRE, deputy).quorate).toBe(false);
  });
  it('does not judge a meeting with no attendance recorded, or a rule that is not stated', () => {
    expect(evaluateQuorum(SHROPSHIRE, [])).toEqual({ quorate: null, missingOrganisationIds: [], representedOrganisationIds: [], attendanceRecorded: false });
    expect(evaluateQuorum({ ...SHROPSHIRE, kind: 'NOT_STATED' }, all).quorate).toBeNull();
  });
});

describe('unexplained absence', () => {
  const seats = [
    { id: 'chair', role: 'CHAIR' as const, organisationId: 'council', postId: 'director' },
    { id: 'director', role: 'MEMBER' as const, organisationId: 'council', postId: 'director' },
    { id: 'nurse', role: 'MEMBER' as const, organisationId: 'icb', postId: 'nurse' },
    { id: 'deputy', role: 'NAMED_DEPUTY' as const, organisationId: 'icb', postId: 'deputy' },
    { id: 'virtual', role: 'VIRTUAL_MEMBER' as const, organisationId: 'ambulance', postId: null },
    { id: 'independent', role: 'CHAIR' as const, organisationId: 'independent', postId: 'chair' },
  ];
  it('expects members and a chair without a member seat, never deputies or virtual members', () => {
    expect(expectedSeats(seats).map((s) => s.id)).toEqual(['director', 'nurse', 'independent']);
  });
  it.each([
    ['absent', { outcome: 'ABSENT' as const, apologyReasonValid: null }, true],
    ['apologies without a valid reason', { outcome: 'APOLOGIES' as const, apologyReasonValid: false }, true],
    ['apologies with a valid reason', { outcome: 'APOLOGIES' as const, apologyReasonValid: true }, false],
    ['attended', { outcome: 'ATTENDED' as const, apologyReasonValid: null }, false],
    ['nothing recorded', undefined, true],
  ])('decides whether %s is unexplained', (_case, record, expected) => expect(isUnexplained(record)).toBe(expected));
  it('lists nothing before attendance is taken, then every expected seat without a valid reason', () => {
    expect(unexplainedAbsences(seats, new Map())).toEqual([]);
    const recorded = new Map([
      ['director', { outcome: 'ATTENDED' as const, apologyReasonValid: null }],
      ['nurse', { outcome: 'APOLOGIES' as const, apologyReasonValid: false }],
    ]);
    expect(unexplainedAbsences(seats, recorded).map((s) => s.id)).toEqual(['nurse', 'independent']);
  });
});
