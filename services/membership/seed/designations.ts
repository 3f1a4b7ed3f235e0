/**
 * Designations from the documents: Lead and Delegated Safeguarding Partners (000, 001, 003, 004),
 * independent scrutiny and chairs (001, 002, 003) and the Accountable Body (001). Post titles
 * match seed/memberships.ts so a designation and a seat share one post.
 */
import type { SourceCitation } from '@safeguarding/packs';
import type { DesignationKind } from '../entities';

const cite = (document: string, section: string): SourceCitation => ({ document, section });
const D000 = '000_102c8c08933b906a.txt';
const D001 = '001_129f8b945aaf429a.txt';
const D002 = '002_93334ed95075e6c4.txt';
const D003 = '003_b1549964c7b91fcb.txt';
const D004 = '004_b6751091e751e5aa.txt';

export interface DesignationSeed {
  partnershipId: string;
  kind: DesignationKind;
  organisationId: string;
  /** Null when the documents do not name the post. */
  postTitle: string | null;
  source: SourceCitation;
}

const S000_LSP = cite(D000, 'Lead Safeguarding Partners (opening paragraphs; also 001 "Governance")');
const S000_DSP = cite(D000, '"The DSPs are" list (also 001 "Governance")');
const S003_PARTNERS = cite(D003, 'Introduction ("Three safeguarding partners (Police, Council, CCG)"); the CCG is now the ICB');
// 003 (2019) predates the "Delegated Safeguarding Partner" term; its foreword signatories and
// Executive members act for the three partners.
const S003_DELEGATES = cite(D003, 'Foreword signatories; Appendix A – Terms of Reference: Safeguarding Partnership Executive, Membership');
const S004_LSP = cite(D004, 'What is the Safeguarding Children Partnership? (Lead Safeguarding Partners list)');
const S004_DELEGATES = cite(
  D004,
  'What is the Safeguarding Children Partnership? ("The delegated officers for the three lead safeguarding partners meet regularly as an Executive group"; posts not named)',
);

export const designations: DesignationSeed[] = [
  // Shropshire
  { partnershipId: 'shropshire', kind: 'LEAD_SAFEGUARDING_PARTNER', organisationId: 'shropshire-council', postTitle: null, source: S000_LSP },
  { partnershipId: 'shropshire', kind: 'LEAD_SAFEGUARDING_PARTNER', organisationId: 'shropshire-telford-and-wrekin-icb', postTitle: null, source: S000_LSP },
  { partnershipId: 'shropshire', kind: 'LEAD_SAFEGUARDING_PARTNER', organisationId: 'west-mercia-police', postTitle: null, source: S000_LSP },
  {
    partnershipId: 'shropshire',
    kind: 'DELEGATED_SAFEGUARDING_PARTNER',
    organisationId: 'shropshire-council',
    postTitle: 'Executive Director of People',
    source: S000_DSP,
  },
  {
    partnershipId: 'shropshire',
    kind: 'DELEGATED_SAFEGUARDING_PARTNER',
    organisationId: 'shropshire-telford-and-wrekin-icb',
    postTitle: 'Chief Nursing Officer',
    source: S000_DSP,
  },
  {
    partnershipId: 'shropshire',
    kind: 'DELEGATED_SAFEGUARDING_PARTNER',
    organisationId: 'west-mercia-police',
    postTitle: 'Local Policing Commander',
    source: S000_DSP,
  },
  {
    partnershipId: 'shropshire',
    kind: 'INDEPENDENT_SCRUTINEER',
    organisationId: 'shropshire-independent-scrutineer',
    postTitle: 'Independent Scrutineer',
    source: cite(D001, 'Independent Scrutiny'),
  },
  {
    partnershipId: 'shropshire',
    kind: 'INDEPENDENT_CHAIR',
    organisationId: 'shropshire-independent-scrutineer',
    postTitle: 'Independent Scrutineer',
    source: cite(D002, 'Foreword from the Independent Chair ("Independent Chair and Scrutineer")'),
  },
  {
    partnershipId: 'shropshire',
    kind: 'ACCOUNTABLE_BODY',
    organisationId: 'shropshire-council',
    postTitle: null,
    source: cite(D001, 'Partnership Support and Management'),
  },
  // Telford & Wrekin
  {
    partnershipId: 'telford-and-wrekin',
    kind: 'LEAD_SAFEGUARDING_PARTNER',
    organisationId: 'telford-and-wrekin-council',
    postTitle: null,
    source: S003_PARTNERS,
  },
  {
    partnershipId: 'telford-and-wrekin',
    kind: 'LEAD_SAFEGUARDING_PARTNER',
    organisationId: 'shropshire-telford-and-wrekin-icb',
    postTitle: null,
    source: S003_PARTNERS,
  },
  { partnershipId: 'telford-and-wrekin', kind: 'LEAD_SAFEGUARDING_PARTNER', organisationId: 'west-mercia-police', postTitle: null, source: S003_PARTNERS },
  {
    partnershipId: 'telford-and-wrekin',
    kind: 'DELEGATED_SAFEGUARDING_PARTNER',
    organisationId: 'telford-and-wrekin-council',
    postTitle: "Director of Children's Services and Director of Adult Social Services",
    source: S003_DELEGATES,
  },
  {
    partnershipId: 'telford-and-wrekin',
    kind: 'DELEGATED_SAFEGUARDING_PARTNER',
    organisationId: 'shropshire-telford-and-wrekin-icb',
    postTitle: 'Chief Officer, Telford & Wrekin CCG',
    source: S003_DELEGATES,
  },
  {
    partnershipId: 'telford-and-wrekin',
    kind: 'DELEGATED_SAFEGUARDING_PARTNER',
    organisationId: 'west-mercia-police',
    postTitle: 'Telford & Wrekin Local Policing Area Commander',
    source: S003_DELEGATES,
  },
  {
    partnershipId: 'telford-and-wrekin',
    kind: 'INDEPENDENT_CHAIR',
    organisationId: 'telford-and-wrekin-independent-chair',
    postTitle: 'Independent Chair',
    source: cite(D003, 'Independent Challenge and Scrutiny ("the Partnership will be independently chaired with the chair a member of the Executive")'),
  },
  // Solihull
  { partnershipId: 'solihull', kind: 'LEAD_SAFEGUARDING_PARTNER', organisationId: 'solihull-mbc', postTitle: 'Chief Executive', source: S004_LSP },
  { partnershipId: 'solihull', kind: 'LEAD_SAFEGUARDING_PARTNER', organisationId: 'west-midlands-police', postTitle: 'Chief Constable', source: S004_LSP },
  {
    partnershipId: 'solihull',
    kind: 'LEAD_SAFEGUARDING_PARTNER',
    organisationId: 'birmingham-and-solihull-icb',
    postTitle: 'Accountable Officer',
    source: S004_LSP,
  },
  { partnershipId: 'solihull', kind: 'DELEGATED_SAFEGUARDING_PARTNER', organisationId: 'solihull-mbc', postTitle: null, source: S004_DELEGATES },
  { partnershipId: 'solihull', kind: 'DELEGATED_SAFEGUARDING_PARTNER', organisationId: 'west-midlands-police', postTitle: null, source: S004_DELEGATES },
  { partnershipId: 'solihull', kind: 'DELEGATED_SAFEGUARDING_PARTNER', organisationId: 'birmingham-and-solihull-icb', postTitle: null, source: S004_DELEGATES },
];
