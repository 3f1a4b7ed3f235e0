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
