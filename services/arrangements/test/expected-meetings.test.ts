import { bodies } from './seeded-packs';
import { meetingYear, projectExpectedMeetings, stepFrom, type KnownMeeting } from '../rules/expected-meetings';

/** The pure projection of expected meetings, case by case, with today pinned. */
const forumRule = bodies.find((body) => body.id === 'joint.lsp-forum')!.meetingFrequency!;
const quarterly = { meetingsPerYear: 4, description: 'quarterly', period: 'FINANCIAL_YEAR' as const };
const held = (date: string): KnownMeeting => ({ date, status: 'HELD' });
const scheduled = (date: string): KnownMeeting => ({ date, status: 'SCHEDULED' });
const cancelled = (date: string): KnownMeeting => ({ date, status: 'CANCELLED' });
const TODAY = '2026-12-02';
const dates = (projection: { date: string }[]) => projection.map((p) => p.date);

it("uses the joint forum's seeded frequency: twice a calendar year", () => {
  expect(forumRule).toEqual({ meetingsPerYear: 2, description: 'twice yearly', period: 'CALENDAR_YEAR' });
});

it("projects the joint forum's next meetings six months apart from its last held meeting", () => {
  const projection = projectExpectedMeetings(forumRule, [held('2026-04-14'), held('2026-10-13')], { today: TODAY, limit: 3 });
  expect(projection).toEqual([
    { date: '2027-04-13', projectedFrom: '2026-10-13', basis: 'twice yearly (2 a calendar year): 6 months after the meeting on 2026-10-13' },
    { date: '2027-10-13', projectedFrom: '2026-10-13', basis: 'twice yearly (2 a calendar year): 12 months after the meeting on 2026-10-13' },
    { date: '2028-04-13', projectedFrom: '2026-10-13', basis: 'twice yearly (2 a calendar year): 18 months after the meeting on 2026-10-13' },
  ]);
});

it('anchors on a later scheduled meeting, not on a cancelled or extraordinary one', () => {
  const meetings: KnownMeeting[] = [
    held('2026-10-13'),
    scheduled('2027-01-12'),
    cancelled('2027-02-09'),
    { date: '2027-03-01', status: 'SCHEDULED', extraordinary: true },
  ];
  expect(dates(projectExpectedMeetings(quarterly, meetings, { today: TODAY, limit: 2 }))).toEqual(['2027-04-12', '2027-07-12']);
});

it('never projects before today: an overdue body is next expected on the first step after today', () => {
  expect(dates(projectExpectedMeetings(forumRule, [held('2024-10-08')], { today: TODAY, limit: 2 }))).toEqual(['2027-04-08', '2027-10-08']);
});

it('never projects onto a date that already has a meeting, and keeps to the yearly count', () => {
  // Two ordinary meetings already held in 2027 fill the calendar year, so the next is in 2028.
  const bunched = [held('2027-01-12'), held('2027-02-09')];
  expect(dates(projectExpectedMeetings(forumRule, bunched, { today: '2027-03-01', limit: 2 }))).toEqual(['2028-02-09', '2028-08-09']);
  // A cancelled meeting frees neither its rhythm nor blocks its date.
  expect(dates(projectExpectedMeetings(forumRule, [held('2026-10-13'), cancelled('2027-04-13')], { today: TODAY, limit: 1 }))).toEqual(['2027-04-13']);
  // An extraordinary meeting on the projected day takes that date.
  const extraordinary: KnownMeeting = { date: '2027-04-13', status: 'SCHEDULED', extraordinary: true };
  expect(dates(projectExpectedMeetings(forumRule, [held('2026-10-13'), extraordinary], { today: TODAY, limit: 1 }))).toEqual(['2027-10-13']);
});

it('counts the yearly limit in the rule period: financial years start on 1 April', () => {
  expect(meetingYear('2027-03-31', 'FINANCIAL_YEAR')).toBe(2026);
  expect(meetingYear('2027-04-01', 'FINANCIAL_YEAR')).toBe(2027);
  expect(meetingYear('2027-03-31', 'CALENDAR_YEAR')).toBe(2027);
  // Four meetings already in financial year 2026 (April 2026 to March 2027): the next is from April 2027.
  const full = ['2026-04-14', '2026-07-14', '2026-10-13', '2027-01-12'].map(held);
  const early = [held('2026-04-14'), held('2026-05-12'), held('2026-06-09'), held('2026-07-14')];
  expect(dates(projectExpectedMeetings(quarterly, full, { today: '2027-02-01', limit: 1 }))).toEqual(['2027-04-12']);
  expect(dates(projectExpectedMeetings(quarterly, early, { today: '2026-08-01', limit: 1 }))).toEqual(['2027-04-14']);
});

it('keeps within the from/to window and the body’s last day', () => {
  const meetings = [held('2026-10-13')];
  expect(dates(projectExpectedMeetings(forumRule, meetings, { today: TODAY, from: '2027-05-01', limit: 3, to: '2028-12-31' }))).toEqual([
    '2027-10-13',
    '2028-04-13',
    '2028-10-13',
  ]);
  expect(dates(projectExpectedMeetings(forumRule, meetings, { today: TODAY, from: '2020-01-01', limit: 3, to: '2027-06-30' }))).toEqual(['2027-04-13']);
  expect(projectExpectedMeetings(forumRule, meetings, { today: TODAY, limit: 3, validTo: '2027-03-31' })).toEqual([]);
});

it('with no meeting recorded, counts from today (or the body’s first day if later)', () => {
  expect(projectExpectedMeetings(forumRule, [], { today: TODAY, limit: 1 })).toEqual([
    { date: '2027-06-02', projectedFrom: null, basis: 'twice yearly (2 a calendar year): 6 months after 2026-12-02, no meeting being recorded' },
  ]);
  expect(dates(projectExpectedMeetings(forumRule, [], { today: TODAY, limit: 1, validFrom: '2027-01-01' }))).toEqual(['2027-07-01']);
});

it.each([
  ['monthly', 12, '2026-10-13', ['2026-11-13', '2026-12-13', '2027-01-13']],
  ['bi-monthly', 6, '2026-10-13', ['2026-12-13', '2027-02-13', '2027-04-13']],
  ['five a year', 5, '2026-10-13', ['2026-12-13', '2027-03-13', '2027-05-13']],
  ['fortnightly', 26, '2026-10-13', ['2026-10-27', '2026-11-10', '2026-11-24']],
  ['at a month end', 12, '2027-01-31', ['2027-02-28', '2027-03-31', '2027-04-30']],
])('steps %s from the anchor without drift', (_case, meetingsPerYear, anchor, expected) => {
  expect([1, 2, 3].map((k) => stepFrom(anchor, meetingsPerYear, k))).toEqual(expected);
});

it('projects nothing for a zero count or limit', () => {
  expect(projectExpectedMeetings({ ...forumRule, meetingsPerYear: 0 }, [], { today: TODAY, limit: 3 })).toEqual([]);
  expect(projectExpectedMeetings(forumRule, [], { today: TODAY, limit: 0 })).toEqual([]);
});
