import {
  amountProblem,
  contributionsProblem,
  datesInOrderProblem,
  dayBefore,
  figureForYear,
  figureYearProblem,
  financialYearDates,
  financialYearProblem,
  inFinancialYear,
  overlappingPeriodProblem,
  periodsOverlap,
  slugProblem,
} from '../rules/partnership-facts';
import { checkCadence, expectedMeetings } from '../rules/meeting-cadence';
import { isPaperLate, paperworkDeadlines, paperworkStage, TELFORD_AND_WREKIN_PAPERWORK_CLOCK as CLOCK } from '../rules/paperwork-clock';

describe('the paperwork clock (003 Appendix A)', () => {
  it('counts 7 days before, 7 after, then 7 for amendments', () => {
    expect(paperworkDeadlines('2025-03-11', CLOCK)).toEqual({
      papersDueOn: '2025-03-04',
      draftActionNotesDueOn: '2025-03-18',
      amendmentRequestsCloseOn: '2025-03-25',
      notesBecomeRecordOn: '2025-03-26',
    });
  });

  it('crosses month and year ends', () => {
    expect(paperworkDeadlines('2025-01-03', CLOCK).papersDueOn).toBe('2024-12-27');
    expect(paperworkDeadlines('2024-02-26', CLOCK).draftActionNotesDueOn).toBe('2024-03-04'); // leap year
  });

  it.each([
    ['2025-03-01', 'PAPERS_DUE'],
    ['2025-03-04', 'PAPERS_DUE'],
    ['2025-03-05', 'PAPERS_LATE'],
    ['2025-03-11', 'PAPERS_LATE'],
    ['2025-03-12', 'AWAITING_DRAFT_NOTES'],
    ['2025-03-18', 'AWAITING_DRAFT_NOTES'],
    ['2025-03-19', 'AMENDMENTS_OPEN'],
    ['2025-03-25', 'AMENDMENTS_OPEN'],
    ['2025-03-26', 'NOTES_ARE_RECORD'],
  ])('on %s a meeting of 2025-03-11 is at %s', (asOf, stage) => {
    expect(paperworkStage('2025-03-11', asOf, CLOCK)).toBe(stage);
  });

  it('flags a paper submitted after the deadline as late', () => {
    expect(isPaperLate('2025-03-11', '2025-03-04', CLOCK)).toBe(false);
    expect(isPaperLate('2025-03-11', '2025-03-05', CLOCK)).toBe(true);
  });
});

describe('meeting cadence', () => {
  const quarterly = { meetingsPerYear: 4 };
  it.each([
    ['a financial year', '2024-04-01', '2025-03-31', 4],
    ['a leap calendar year', '2024-01-01', '2024-12-31', 4],
    ['half a year', '2024-04-01', '2024-09-30', 2],
    ['just short of half a year', '2024-04-01', '2024-09-28', 1],
    ['a month', '2024-04-01', '2024-04-30', 0],
    ['two years', '2023-04-01', '2025-03-31', 8],
    ['a backwards period', '2025-01-01', '2024-01-01', 0],
  ])('expects the pro-rata count over %s', (_case, from, to, expected) => {
    expect(expectedMeetings(quarterly, from, to)).toBe(expected);
  });

  it('finds a shortfall and ignores meetings outside the period', () => {
    expect(checkCadence(quarterly, ['2024-05-14', '2024-09-10', '2025-04-08'], '2024-04-01', '2025-03-31', '2026-12-02')).toEqual({
      from: '2024-04-01',
      to: '2025-03-31',
      expectedMeetings: 4,
      heldMeetings: 2,
      shortfall: 2,
      missed: true,
    });
    expect(checkCadence({ meetingsPerYear: 2 }, ['2024-05-14', '2024-11-12'], '2024-04-01', '2025-03-31', '2026-12-02').missed).toBe(false);
  });

  describe('judges only the past, with today pinned', () => {
    const bimonthly = { meetingsPerYear: 6 };
    it('does not count the meetings still to come before an April 2027 meeting as missed in December 2026', () => {
      // Over the whole window 2026-10-13 to 2027-04-13 a bi-monthly group expects 3 meetings; on
      // 2026-12-02 only 51 days have passed, in which it expects none.
      expect(expectedMeetings(bimonthly, '2026-10-13', '2027-04-13')).toBe(3);
      expect(checkCadence(bimonthly, ['2026-10-13'], '2026-10-13', '2027-04-13', '2026-12-02')).toEqual({
        from: '2026-10-13',
        to: '2026-12-02',
        expectedMeetings: 0,
        heldMeetings: 1,
        shortfall: 0,
        missed: false,
      });
    });
    it('still finds a shortfall in the part of the window already past', () => {
      expect(checkCadence(bimonthly, ['2026-01-13'], '2026-01-13', '2027-04-13', '2026-12-02')).toMatchObject({
        to: '2026-12-02',
        expectedMeetings: 5,
        heldMeetings: 1,
        shortfall: 4,
        missed: true,
      });
    });
    it.each([
      ['ends before today: the whole period', '2025-03-31', '2025-03-31'],
      ['ends today', '2026-12-02', '2026-12-02'],
      ['ends after today: up to today', '2027-03-31', '2026-12-02'],
    ])('a period that %s', (_case, periodEnd, judgedTo) => {
      expect(checkCadence(bimonthly, [], '2024-04-01', periodEnd, '2026-12-02').to).toBe(judgedTo);
    });
    it('expects nothing of a period that starts after today', () => {
      expect(checkCadence(bimonthly, [], '2027-01-01', '2027-12-31', '2026-12-02')).toMatchObject({ to: '2026-12-02', expectedMeetings: 0, missed: false });
    });
  });
});

import { evaluateRag } from '../rules/rag';
import { checkMacfaPerPeriod, financialYearOf } from '../rules/macfa-per-period';
import { parseSuccessTarget } from '../rules/success-target';
import { clashingMeeting, type MeetingOnADay } from '../rules/meeting-date-clash';
import { escalationStepProblem, ESCALATION_STEP_RULE } from '../rules/escalation-steps';

describe('targets read from success statements (002)', () => {
  it.each([
    [
      'Increase the number of S42 enquires about self-neglect beyond 3% of total S42 enquires',
      { comparison: 'ABOVE', value: 3, unit: 'PERCENT', baselinePeriod: null },
    ],
    [
      'We expect at least 75% of Multi-Agency Case File Audits where self-neglect is factor, shows clear evidence',
      { comparison: 'AT_LEAST', value: 75, unit: 'PERCENT', baselinePeriod: null },
    ],
    [
      'Reduce re-offending by at least 5% based on 2022-23 data',
      { comparison: 'REDUCE_BY_AT_LEAST_PERCENT', value: 5, unit: 'PERCENT', baselinePeriod: '2022-23' },
    ],
    ['The Completion of Rapid Reviews within 15 working days', { comparison: 'COMPLETED_WITHIN', value: 15, unit: 'WORKING_DAYS', baselinePeriod: null }],
    [
      'The Completion of Local Child Safeguarding Practice Reviews within six months',
      { comparison: 'COMPLETED_WITHIN', value: 6, unit: 'MONTHS', baselinePeriod: null },
    ],
    ['To complete Safeguarding Adult Reviews with 10 months', { comparison: 'COMPLETED_WITHIN', value: 10, unit: 'MONTHS', baselinePeriod: null }],
    [
      'To complete Domestic Homicide Reviews within the specified 6 month timescale',
      { comparison: 'COMPLETED_WITHIN', value: 6, unit: 'MONTHS', baselinePeriod: null },
    ],
  ])('reads %j', (text, expected) => {
    expect(parseSuccessTarget(text)).toMatchObject(expected);
  });

  it.each(['A reduction in serious violence', 'Embedding the learning from SARs and DHRs', 'Increasing public and parent awareness of exploitation'])(
    'leaves %j as text',
    (text) => {
      expect(parseSuccessTarget(text)).toBeNull();
    },
  );
});

describe('RAG at each boundary', () => {
  const on = (value: number) => [{ measuredOn: '2025-03-31', value }];
  const beyond3 = parseSuccessTarget('beyond 3% of total')!;
  const atLeast75 = parseSuccessTarget('at least 75% of audits')!;
  const within15 = parseSuccessTarget('within 15 working days')!;
  const reduce5 = parseSuccessTarget('by at least 5% based on 2022-23 data')!;

  it.each([
    [beyond3, 3.01, 'GREEN'],
    [beyond3, 3, 'AMBER'],
    [beyond3, 2.7, 'AMBER'],
    [beyond3, 2.69, 'RED'],
    [atLeast75, 75, 'GREEN'],
    [atLeast75, 74.9, 'AMBER'],
    [atLeast75, 67.5, 'AMBER'],
    [atLeast75, 67.4, 'RED'],
    [within15, 100, 'GREEN'],
    [within15, 90, 'AMBER'],
    [within15, 89.9, 'RED'],
  ] as const)('%j measured at %d is %s', (target, value, rag) => {
    expect(evaluateRag(target, null, on(value), '2025-12-31')).toBe(rag);
  });

  it.each([
    [19, 'GREEN'],
    [19.01, 'AMBER'],
    [19.99, 'AMBER'],
    [20, 'RED'],
    [21, 'RED'],
  ])('a 5%% reduction on a baseline of 20, measured at %d, is %s', (value, rag) => {
    expect(evaluateRag(reduce5, 20, on(value), '2025-12-31')).toBe(rag);
  });

  it('uses the latest measurement on or before the date, and says NO_DATA before any', () => {
    const measurements = [
      { measuredOn: '2024-06-30', value: 80 },
      { measuredOn: '2025-06-30', value: 50 },
    ];
    expect(evaluateRag(atLeast75, null, measurements, '2025-01-01')).toBe('GREEN');
    expect(evaluateRag(atLeast75, null, measurements, '2025-07-01')).toBe('RED');
    expect(evaluateRag(atLeast75, null, measurements, '2024-01-01')).toBe('NO_DATA');
    expect(evaluateRag(reduce5, null, measurements, '2025-07-01')).toBe('NO_DATA');
  });
});

describe('at least one multi-agency case file audit per period', () => {
  it('finds the financial year of a date', () => {
    expect(financialYearOf('2024-03-31')).toBe('2023-24');
    expect(financialYearOf('2024-04-01')).toBe('2024-25');
    expect(financialYearOf('2099-12-31')).toBe('2099-00');
  });

  it('checks each period', () => {
    const actions = [
      { period: '2023-24', isMultiAgencyCaseFileAudit: true },
      { period: '2024-25', isMultiAgencyCaseFileAudit: false },
      { period: '2025-26', isMultiAgencyCaseFileAudit: true },
      { period: '2025-26', isMultiAgencyCaseFileAudit: true },
    ];
    expect(checkMacfaPerPeriod(actions, ['2023-24', '2024-25', '2025-26'])).toEqual([
      { period: '2023-24', multiAgencyCaseFileAudits: 1, compliant: true },
      { period: '2024-25', multiAgencyCaseFileAudits: 0, compliant: false },
      { period: '2025-26', multiAgencyCaseFileAudits: 2, compliant: true },
    ]);
  });
});

import { chairRuleProblem, periodOn, quorumAgenciesOutside, rowTermsApply, termsOn, type TermsPeriod } from '../rules/body-terms';
import { describeReportingLineBreach, reportingLineBreach, type DatedLine } from '../rules/reporting-lines';
import { bodies as seededBodies, leadSafeguardingPartners } from './seeded-packs';

describe('reporting lines: never to itself, never through a cycle', () => {
  const line = (bodyId: string, parentBodyId: string, validFrom: string | null = null, validTo: string | null = null): DatedLine => ({
    bodyId,
    parentBodyId,
    validFrom,
    validTo,
  });
  const existing = [line('b', 'a'), line('c', 'b')];

  it('accepts a new line that makes no cycle, and a second parent', () => {
    expect(reportingLineBreach(existing, [line('d', 'c', '2024-10-01')])).toBeNull();
    expect(reportingLineBreach(existing, [line('c', 'a', '2024-10-01')])).toBeNull();
  });

  it('refuses a body reporting to itself', () => {
    expect(reportingLineBreach(existing, [line('a', 'a')])).toEqual({ kind: 'SELF', bodyId: 'a' });
  });

  it('refuses a direct cycle and a cycle through other bodies, naming the path', () => {
    expect(reportingLineBreach(existing, [line('a', 'b', '2024-10-01')])).toEqual({ kind: 'CYCLE', path: ['a', 'b', 'a'], on: '2024-10-01' });
    expect(reportingLineBreach(existing, [line('a', 'c', '2024-10-01')])).toEqual({ kind: 'CYCLE', path: ['a', 'c', 'b', 'a'], on: '2024-10-01' });
  });

  it('allows lines that would form a cycle only if they never hold at the same time', () => {
    const ended = [line('b', 'a', null, '2024-09-30'), line('c', 'b')];
    expect(reportingLineBreach(ended, [line('a', 'c', '2024-10-01')])).toBeNull();
    expect(reportingLineBreach(ended, [line('a', 'c', '2024-09-30')])).toEqual({ kind: 'CYCLE', path: ['a', 'c', 'b', 'a'], on: '2024-09-30' });
  });

  it('finds a cycle closed by a line that starts later within the new line', () => {
    const later = [line('b', 'a', '2025-01-01'), line('c', 'b')];
    expect(reportingLineBreach(later, [line('a', 'c', '2024-10-01')])).toEqual({ kind: 'CYCLE', path: ['a', 'c', 'b', 'a'], on: '2025-01-01' });
    expect(reportingLineBreach(later, [line('a', 'c', '2024-10-01', '2024-12-31')])).toBeNull();
  });

  it('describes the breach by name', () => {
    const name = (id: string) => id.toUpperCase();
    expect(describeReportingLineBreach({ kind: 'SELF', bodyId: 'a' }, name)).toBe('"A" cannot report to itself.');
    expect(describeReportingLineBreach({ kind: 'CYCLE', path: ['a', 'b', 'a'], on: '2024-10-01' }, name)).toMatch(/cycle on 2024-10-01: A -> B -> A/);
  });

  it('holds for the seeded structure', () => {
    const lines = seededBodies.filter((b) => b.reportsToBodyId).map((b) => line(b.id, b.reportsToBodyId!));
    for (const proposed of lines)
      expect(
        reportingLineBreach(
          lines.filter((l) => l !== proposed),
          [proposed],
        ),
      ).toBeNull();
  });
});

describe('body terms answer as of a date', () => {
  const terms = (purpose: string) => ({ kind: 'STANDING_GROUP' as const, purpose, meetingFrequency: null, chairRule: null, quorumRule: null });
  const history: TermsPeriod[] = [
    { ...terms('first'), validFrom: null, validTo: '2024-03-31' },
    { ...terms('second'), validFrom: '2024-04-01', validTo: '2024-09-30' },
  ];
  const row = { ...terms('third'), termsFrom: '2024-10-01' };

  it('uses the row from its termsFrom on, and always when it has no history', () => {
    expect(rowTermsApply(null, '1990-01-01')).toBe(true);
    expect(rowTermsApply('2024-10-01', '2024-10-01')).toBe(true);
    expect(rowTermsApply('2024-10-01', '2024-09-30')).toBe(false);
  });

  it.each([
    ['2020-01-01', 'first'],
    ['2024-03-31', 'first'],
    ['2024-04-01', 'second'],
    ['2024-09-30', 'second'],
    ['2024-10-01', 'third'],
    ['2030-01-01', 'third'],
  ])('on %s the purpose is the %s', (date, purpose) => {
    expect(termsOn(row, history, date).purpose).toBe(purpose);
  });

  it('falls back to the earliest period before any is recorded', () => {
    expect(periodOn([{ ...terms('only'), validFrom: '2024-01-01', validTo: '2024-06-30' }], '2023-01-01')!.purpose).toBe('only');
  });
});

describe('a quorum rule names only agencies that sit on the body', () => {
  it('names the agencies outside the body', () => {
    expect(quorumAgenciesOutside(['a', 'b'], ['a', 'b', 'c'])).toEqual([]);
    expect(quorumAgenciesOutside(['a', 'x', 'x', 'y'], ['a'])).toEqual(['x', 'y']);
    expect(quorumAgenciesOutside([], [])).toEqual([]);
  });

  it("holds for every seeded quorum rule against its partnerships' Lead Safeguarding Partners", () => {
    for (const body of seededBodies.filter((b) => b.quorumRule)) {
      const agencies = leadSafeguardingPartners.filter((l) => body.partnershipSlugs.includes(l.partnershipSlug)).map((l) => l.organisationId);
      expect([body.id, quorumAgenciesOutside(body.quorumRule!.requiredOrganisationIds, agencies)]).toEqual([body.id, []]);
    }
  });
});

// --- partnership facts (system of record)
describe('partnership facts rules (rules/partnership-facts.ts)', () => {
  it.each([
    ['telford-and-wrekin', true],
    ['herefordshire', true],
    ['a1', true],
    ['x', false],
    ['Telford', false],
    ['telford--wrekin', false],
    ['-telford', false],
    ['telford-', false],
    ['telford_wrekin', false],
    ['telford wrekin', false],
    ['a'.repeat(65), false],
  ])('slug %s is %s', (slug, ok) => {
    expect(slugProblem(slug) === null).toBe(ok);
  });

  it.each([
    ['2025-26', { start: '2025-04-01', end: '2026-03-31' }],
    ['1999-00', { start: '1999-04-01', end: '2000-03-31' }],
    ['2019-20', { start: '2019-04-01', end: '2020-03-31' }],
    ['2025-27', null],
    ['2025/26', null],
    ['2025-2026', null],
    ['25-26', null],
    ['1800-01', null],
  ])('financial year %s runs %j', (year, dates) => {
    expect(financialYearDates(year)).toEqual(dates);
    expect(financialYearProblem(year) === null).toBe(dates !== null);
  });

  it.each([
    ['2025-26', '2025-04-01', true],
    ['2025-26', '2026-03-31', true],
    ['2025-26', '2025-03-31', false],
    ['2025-26', '2026-04-01', false],
    [null, '2025-06-01', false],
  ])('%s contains %s: %s', (year, date, inside) => {
    expect(inFinancialYear(year, date)).toBe(inside);
  });

  it.each([
    ['2024-10-01', '2025-09-30', true],
    ['2024-10-01', '2024-10-01', true],
    ['2024-10-01', '2024-09-30', false],
    [null, '2024-09-30', true],
    ['2024-10-01', null, true],
  ])('dates %s to %s in order: %s', (from, to, ok) => {
    expect(datesInOrderProblem(from, to, 'validTo') === null).toBe(ok);
  });

  it('lets stated contributions add up to the total or less, never more (the seeded T&W budget: 3 x £50,000 of £150,000)', () => {
    const three = ['west-mercia-police', 'telford-and-wrekin-council', 'shropshire-telford-and-wrekin-icb'].map((organisationId) => ({
      organisationId,
      amountPence: 5_000_000,
    }));
    expect(contributionsProblem(15_000_000, three)).toBeNull();
    expect(contributionsProblem(20_000_000, three)).toBeNull();
    expect(contributionsProblem(14_999_999, three)).toMatchObject({ field: 'contributions' });
  });

  it('does not count a missing amount as zero against the total, and checks nothing without a total', () => {
    expect(contributionsProblem(100, [{ organisationId: 'a1', amountPence: null }])).toBeNull();
    expect(contributionsProblem(null, [{ organisationId: 'a1', amountPence: 999_999 }])).toBeNull();
  });

  it('refuses one organisation contributing twice', () => {
    expect(
      contributionsProblem(null, [
        { organisationId: 'west-mercia-police', amountPence: 1 },
        { organisationId: 'west-mercia-police', amountPence: 2 },
      ]),
    ).toMatchObject({ field: 'contributions.1.organisationId' });
  });

  it.each([
    [0, true],
    [15_000_000, true],
    [2_000_000_000, true],
    [-1, false],
    [1.5, false],
    [2_000_000_001, false],
    [null, true],
  ])('amount %s pence is %s', (pence, ok) => {
    expect(amountProblem(pence, 'totalPence') === null).toBe(ok);
  });

  it.each([
    ['2024', true],
    ['2027', true],
    ['2028', false],
    ['1799', false],
    ['24', false],
    ['2024-25', false],
  ])('population year %s (today 2026-12-02) is %s', (year, ok) => {
    expect(figureYearProblem(year, '2026-12-02') === null).toBe(ok);
  });

  it.each([
    [{ validFrom: '2020-01-01', validTo: '2024-09-30' }, { validFrom: '2024-10-01', validTo: null }, false],
    [{ validFrom: '2020-01-01', validTo: '2024-10-01' }, { validFrom: '2024-10-01', validTo: null }, true],
    [{ validFrom: null, validTo: null }, { validFrom: '2024-10-01', validTo: null }, true],
    [{ validFrom: null, validTo: '2024-09-30' }, { validFrom: '2024-10-01', validTo: '2025-01-01' }, false],
    [{ validFrom: '2025-02-01', validTo: null }, { validFrom: '2024-10-01', validTo: '2025-01-31' }, false],
  ])('periods %j and %j overlap: %s', (a, b, overlap) => {
    expect(periodsOverlap(a, b)).toBe(overlap);
    expect(overlappingPeriodProblem(a, [b], 'validFrom') !== null).toBe(overlap);
  });

  it('ignores the record itself when checking overlaps (a correction of its own dates)', () => {
    const record = { id: 'x', validFrom: '2020-01-01', validTo: null };
    expect(overlappingPeriodProblem({ ...record, validTo: '2024-01-01' }, [record], 'validTo')).toBeNull();
  });

  it('ends a period the day before the next starts, across month, year and leap days', () => {
    expect(dayBefore('2024-10-01')).toBe('2024-09-30');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });

  it('answers a year with the latest figure not after it', () => {
    const figures = [{ year: '2019' }, { year: '2022' }, { year: '2024' }];
    expect(figureForYear(figures, '2023')).toEqual({ year: '2022' });
    expect(figureForYear(figures, '2024')).toEqual({ year: '2024' });
    expect(figureForYear(figures, '2018')).toBeNull();
  });
});

// --- meetings and escalation procedures (system of record)
describe('two meetings of one body on one date', () => {
  const ordinary: MeetingOnADay = { id: 'a', date: '2027-01-12', extraordinary: false, status: 'SCHEDULED' };
  const candidate = { date: '2027-01-12', extraordinary: false, status: 'SCHEDULED' as const };

  it.each<[string, Omit<MeetingOnADay, 'id'> & { id?: string }, MeetingOnADay[], string | null]>([
    ['a free day', candidate, [], null],
    ['another day', candidate, [{ ...ordinary, date: '2027-01-13' }], null],
    ['a day an ordinary scheduled meeting holds', candidate, [ordinary], 'a'],
    ['a day an ordinary held meeting holds', candidate, [{ ...ordinary, status: 'HELD' }], 'a'],
    ['a day whose only meeting was cancelled', candidate, [{ ...ordinary, status: 'CANCELLED' }], null],
    ['a day whose only meeting is extraordinary', candidate, [{ ...ordinary, extraordinary: true }], null],
    ['an extraordinary meeting on a held day', { ...candidate, extraordinary: true }, [ordinary], null],
    ['two extraordinary meetings on one day', { ...candidate, extraordinary: true }, [{ ...ordinary, extraordinary: true }], null],
    ['a cancelled candidate on a held day', { ...candidate, status: 'CANCELLED' }, [ordinary], null],
    ['the meeting itself (moving within its own day)', { ...candidate, id: 'a' }, [ordinary], null],
    ['an ordinary candidate with an extraordinary and an ordinary meeting that day', candidate, [{ ...ordinary, id: 'x', extraordinary: true }, ordinary], 'a'],
  ])('%s', (_case, meeting, others, clash) => {
    expect(clashingMeeting(meeting, others)?.id ?? null).toBe(clash);
  });
});

describe('escalation steps in order', () => {
  const step = (position: number, who = `Who ${position}`, action = `Action ${position}`) => ({ position, who, action });

  it.each<[string, ReturnType<typeof step>[], { index: number | null; message: RegExp } | null]>([
    ['one step', [step(1)], null],
    ['four steps 1 to 4', [step(1), step(2), step(3), step(4)], null],
    ['the most steps allowed', Array.from({ length: ESCALATION_STEP_RULE.maximumSteps }, (_, i) => step(i + 1)), null],
    ['no steps', [], { index: null, message: /at least 1 step/ }],
    ['too many steps', Array.from({ length: ESCALATION_STEP_RULE.maximumSteps + 1 }, (_, i) => step(i + 1)), { index: null, message: /at most 20/ }],
    ['starting at 0', [step(0), step(1)], { index: 0, message: /position 0/ }],
    ['a gap', [step(1), step(3)], { index: 1, message: /position 3/ }],
    ['a repeated position', [step(1), step(1)], { index: 1, message: /position 1/ }],
    ['out of order', [step(2), step(1)], { index: 0, message: /position 2/ }],
    [
      'the same who and action twice',
      [step(1, 'Executive', 'Seek a resolution'), step(2, ' executive ', 'seek a resolution')],
      { index: 1, message: /repeats step 1/ },
    ],
    ['the same who with another action', [step(1, 'Executive', 'Meet'), step(2, 'Executive', 'Escalate')], null],
  ])('%s', (_case, steps, problem) => {
    const found = escalationStepProblem(steps);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toEqual({ index: problem.index, message: expect.stringMatching(problem.message) });
  });
});

describe('chairRuleProblem (body mutations and pack imports)', () => {
  it.each([
    [{ appointedFrom: 'NAMED_ORGANISATION' as const }, 'organisationId', /needs organisationId/],
    [{ appointedFrom: 'INDEPENDENT' as const, organisationId: 'west-mercia-police' }, 'organisationId', /only for a NAMED_ORGANISATION/],
    [{ appointedFrom: 'STATUTORY_PARTNERS' as const, termMonths: 0 }, 'termMonths', /between 1 and 120/],
    [{ appointedFrom: 'STATUTORY_PARTNERS' as const, termMonths: 121 }, 'termMonths', /between 1 and 120/],
  ])('refuses %j', (rule, field, message) => {
    expect(chairRuleProblem(rule)).toEqual({ field, message: expect.stringMatching(message) });
  });

  it.each([
    { appointedFrom: 'NAMED_ORGANISATION' as const, organisationId: 'west-mercia-police', termMonths: null },
    { appointedFrom: 'DELEGATED_SAFEGUARDING_PARTNERS' as const, termMonths: 18 },
    { appointedFrom: 'NOT_STATED' as const },
  ])('accepts %j', (rule) => {
    expect(chairRuleProblem(rule)).toBeNull();
  });
});
