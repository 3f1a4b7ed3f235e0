import type { SourceCitation } from '@safeguarding/packs';

/**
 * Chapters of the West Midlands regional child protection procedures. The seeds name the
 * procedures but not their chapters: these chapter titles, versions and dates are synthetic, shaped
 * like the public procedures site, and labelled so. Two chapters have a later version, so
 * `changesSince` has something to report to the forum.
 */
const SYNTHETIC: SourceCitation = {
  document: 'synthetic',
  section: 'Chapter list shaped like the public West Midlands procedures site; titles, versions and dates not taken from the seed documents',
  synthetic: true,
};

export interface ProcedureChapterSeed {
  procedureId: string;
  number: string;
  title: string;
  version: string;
  effectiveFrom: string;
  changeSummary: string | null;
  source: SourceCitation;
}

const PROCEDURE = 'west-midlands-regional-child-protection-procedures';

export const procedureChapters: ProcedureChapterSeed[] = [
  {
    procedureId: PROCEDURE,
    number: '1.1',
    title: 'Recognising abuse and neglect',
    version: '1',
    effectiveFrom: '2023-04-01',
    changeSummary: null,
    source: SYNTHETIC,
  },
  {
    procedureId: PROCEDURE,
    number: '1.2',
    title: "Making a referral to children's social care",
    version: '1',
    effectiveFrom: '2023-04-01',
    changeSummary: null,
    source: SYNTHETIC,
  },
  {
    procedureId: PROCEDURE,
    number: '1.2',
    title: "Making a referral to children's social care",
    version: '2',
    effectiveFrom: '2025-09-01',
    changeSummary: 'Updated for Working Together 2023: referral routes through the front door',
    source: SYNTHETIC,
  },
  {
    procedureId: PROCEDURE,
    number: '2.1',
    title: 'Child protection enquiries (Section 47)',
    version: '1',
    effectiveFrom: '2023-04-01',
    changeSummary: null,
    source: SYNTHETIC,
  },
  {
    procedureId: PROCEDURE,
    number: '2.4',
    title: 'Child protection conferences',
    version: '1',
    effectiveFrom: '2023-04-01',
    changeSummary: null,
    source: SYNTHETIC,
  },
  { procedureId: PROCEDURE, number: '3.7', title: 'Child exploitation', version: '1', effectiveFrom: '2023-04-01', changeSummary: null, source: SYNTHETIC },
  {
    procedureId: PROCEDURE,
    number: '3.7',
    title: 'Child exploitation',
    version: '2',
    effectiveFrom: '2026-06-01',
    changeSummary: 'Contextual safeguarding and transitions to adult services added',
    source: SYNTHETIC,
  },
  {
    procedureId: PROCEDURE,
    number: '4.1',
    title: 'Learning from practice reviews',
    version: '1',
    effectiveFrom: '2023-04-01',
    changeSummary: null,
    source: SYNTHETIC,
  },
];
