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
    expect(checkCadence(quarterly, ['2024-05-14', '2024-09-10', '2025-04-08'], '2024-04-01', '2025-03-31')).toEqual({
      from: '2024-04-01',
      to: '2025-03-31',
      expectedMeetings: 4,
      heldMeetings: 2,
      shortfall: 2,
      missed: true,
    });
    expect(checkCadence({ meetingsPerYear: 2 }, ['2024-05-14', '2024-11-12'], '2024-04-01', '2025-03-31').missed).toBe(false);
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
