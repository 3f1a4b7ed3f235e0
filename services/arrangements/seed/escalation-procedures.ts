import type { SourceCitation } from '@safeguarding/packs';

/**
 * Escalation and dispute-resolution procedures, only where a document states the steps.
 * - Telford & Wrekin (003, "Dispute Resolution & Whistleblowing"): four steps, seeded below; no
 *   timescale and no start date are stated, so both are null.
 * - Shropshire (001, "Dispute resolution process") says the partnership "has adopted an Escalation
 *   Policy" that "sets out clear steps", but the policy itself is on the partnership website and its
 *   steps are not in the documents: nothing is seeded.
 * - Solihull (004): nothing is stated.
 * `trigger` and `action` are quoted verbatim from the document (test/escalation-procedures.test.ts checks it).
 */
export interface EscalationProcedureSeed {
  id: string;
  partnershipId: string;
  title: string;
  validFrom: string | null;
  source: SourceCitation;
  steps: { trigger: string | null; who: string; action: string; timescale: string | null }[];
}

const D003 = '003_b1549964c7b91fcb.txt';

export const escalationProcedures: EscalationProcedureSeed[] = [
  {
    id: '7c1d3b5e-0a3f-4d1e-9b5a-3e2f1a6c0d03',
    partnershipId: 'telford-and-wrekin',
    title: 'Dispute resolution',
    validFrom: null,
    source: { document: D003, section: 'Dispute Resolution & Whistleblowing: Dispute resolution' },
    steps: [
      {
        trigger: 'When there is a disagreement between two agencies',
        who: 'The two agencies in disagreement',
        action: 'seek to meet and find a satisfactory resolution',
        timescale: null,
      },
      {
        trigger: 'When the disagreement cannot be resolved, or involves a more complex set of partner agencies',
        who: 'Safeguarding Partnerships Executive',
        action: 'seek a resolution',
        timescale: null,
      },
      {
        trigger: 'Where necessary',
        who: 'The three statutory safeguarding partners',
        action: 'have primacy in determining the resolution to a disagreement',
        timescale: null,
      },
      {
        trigger: 'Where necessary',
        who: 'The statutory safeguarding partners',
        action: 'may escalate to the Leader of the Council, the Chair of the CCG and the Chief Constable of West Mercia Police',
        timescale: null,
      },
    ],
  },
];
