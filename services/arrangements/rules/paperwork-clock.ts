import type { SourceCitation } from '@safeguarding/packs';
import { addDays } from '@safeguarding/subgraph-runtime';

/**
 * The meeting paperwork clock of 003 Appendix A, as data: papers published 7 days before a
 * meeting; draft action notes within 7 days after; members then have 7 days to request amendments;
 * after that the notes are the record and read-only.
 */
export interface PaperworkClockRule {
  papersDaysBefore: number;
  draftNotesDaysAfter: number;
  amendmentWindowDays: number;
  source: SourceCitation;
}

export const TELFORD_AND_WREKIN_PAPERWORK_CLOCK: PaperworkClockRule = {
  papersDaysBefore: 7,
  draftNotesDaysAfter: 7,
  amendmentWindowDays: 7,
  source: {
    document: '003_b1549964c7b91fcb.txt',
    section: 'Appendix A, terms of reference: Meetings (papers 7 days before; draft action notes within 7 days; 7 days to request amendments)',
  },
};

export type PaperworkStage = 'PAPERS_DUE' | 'PAPERS_LATE' | 'AWAITING_DRAFT_NOTES' | 'AMENDMENTS_OPEN' | 'NOTES_ARE_RECORD';

export interface PaperworkDeadlines {
  papersDueOn: string;
  draftActionNotesDueOn: string;
  amendmentRequestsCloseOn: string;
  /** The first day on which the notes are the record (read-only). */
  notesBecomeRecordOn: string;
}

/** Deadlines for a meeting on `meetingDate` (calendar days, as the terms of reference state them). */
export function paperworkDeadlines(meetingDate: string, rule: PaperworkClockRule): PaperworkDeadlines {
  const draftActionNotesDueOn = addDays(meetingDate, rule.draftNotesDaysAfter);
  const amendmentRequestsCloseOn = addDays(draftActionNotesDueOn, rule.amendmentWindowDays);
  return {
    papersDueOn: addDays(meetingDate, -rule.papersDaysBefore),
    draftActionNotesDueOn,
    amendmentRequestsCloseOn,
    notesBecomeRecordOn: addDays(amendmentRequestsCloseOn, 1),
  };
}

/** Where a meeting's paperwork stands on `asOf`. */
export function paperworkStage(meetingDate: string, asOf: string, rule: PaperworkClockRule): PaperworkStage {
  const deadlines = paperworkDeadlines(meetingDate, rule);
  if (asOf <= deadlines.papersDueOn) return 'PAPERS_DUE';
  if (asOf <= meetingDate) return 'PAPERS_LATE';
  if (asOf <= deadlines.draftActionNotesDueOn) return 'AWAITING_DRAFT_NOTES';
  if (asOf <= deadlines.amendmentRequestsCloseOn) return 'AMENDMENTS_OPEN';
  return 'NOTES_ARE_RECORD';
}

/** A paper submitted after the papers deadline is flagged late, not refused. */
export function isPaperLate(meetingDate: string, submittedOn: string, rule: PaperworkClockRule): boolean {
  return submittedOn > paperworkDeadlines(meetingDate, rule).papersDueOn;
}

/**
 * Bodies whose terms of reference state no paperwork rule still need deadlines for their papers
 * and notes: the platform applies the same timings, and says the rule was not stated for them.
 */
export const PLATFORM_DEFAULT_PAPERWORK_CLOCK: PaperworkClockRule = {
  ...TELFORD_AND_WREKIN_PAPERWORK_CLOCK,
  source: {
    document: 'platform default',
    section: "No paperwork rule is stated for this body; the platform applies 003 Appendix A's timings (7 days before, 7 after, 7 for amendments)",
  },
};

export function paperworkClockFor(body: { usesPaperworkClock: boolean }): PaperworkClockRule {
  return body.usesPaperworkClock ? TELFORD_AND_WREKIN_PAPERWORK_CLOCK : PLATFORM_DEFAULT_PAPERWORK_CLOCK;
}
