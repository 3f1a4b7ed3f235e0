import type { SourceCitation } from '@safeguarding/packs';
import type { Audience, ClockMilestone, ClockStart, ClockUnit, ReviewCategory } from '../entities';

/** Kinds of review and audit and their default clocks, from the seed documents (cited). */
const D001 = '001_129f8b945aaf429a.txt';
const D002 = '002_93334ed95075e6c4.txt';
const D003 = '003_b1549964c7b91fcb.txt';
const cite = (document: string, section: string): SourceCitation => ({ document, section });

export const PARTNERSHIP_SLUGS = ['shropshire', 'telford-and-wrekin', 'solihull'] as const;

export interface ReviewKindSeed {
  id: string;
  name: string;
  category: ReviewCategory;
  concerns: Audience;
  description: string;
  codePrefix: 'Child' | 'Adult' | 'Case' | 'Audit';
  source: SourceCitation;
}

export const REVIEW_KINDS: readonly ReviewKindSeed[] = [
  {
    id: 'rapid-review',
    name: 'Rapid Review',
    category: 'CASE_REVIEW',
    concerns: 'CHILDREN',
    description: 'Considers whether a notifiable child safeguarding incident meets the criteria for a local or national review.',
    codePrefix: 'Child',
    source: cite(D002, "The Children's Statutory Case Review Group (Completion of Rapid Reviews within 15 working days)"),
  },
  {
    id: 'local-child-safeguarding-practice-review',
    name: 'Local Child Safeguarding Practice Review',
    category: 'CASE_REVIEW',
    concerns: 'CHILDREN',
    description: 'A local review of a serious child safeguarding case, commissioned after a Rapid Review.',
    codePrefix: 'Child',
    source: cite(D002, "The Children's Statutory Case Review Group (Local Child Safeguarding Practice Reviews within six months)"),
  },
  {
    id: 'safeguarding-adult-review',
    name: 'Safeguarding Adult Review',
    category: 'CASE_REVIEW',
    concerns: 'ADULTS',
    description: 'A review under the Care Act 2014 where an adult with care and support needs died or was seriously harmed.',
    codePrefix: 'Adult',
    source: cite(D002, 'The Adult Statutory Case Review Group (Safeguarding Adult Reviews with 10 months)'),
  },
  {
    id: 'domestic-homicide-review',
    name: 'Domestic Homicide Review',
    category: 'CASE_REVIEW',
    concerns: 'ADULTS',
    description: 'A review of a death resulting from domestic violence or abuse, commissioned by the Community Safety Partnership.',
    codePrefix: 'Adult',
    source: cite(D002, 'The Adult Statutory Case Review Group (Domestic Homicide Reviews within the specified 6 month timescale)'),
  },
  {
    id: 'serious-incident-review',
    name: 'Serious Incident Review',
    category: 'CASE_REVIEW',
    concerns: 'CHILDREN',
    description: 'A local learning review of a serious incident that does not meet the national criteria.',
    codePrefix: 'Child',
    source: cite(D001, 'Structure (Childrens Case Review Group arranges Rapid Review and Serious Incident Review meetings)'),
  },
  {
    id: 'anti-social-behaviour-case-review',
    name: 'Anti-Social Behaviour Case Review',
    category: 'CASE_REVIEW',
    concerns: 'ALL',
    description: 'A review of persistent anti-social behaviour when a victim asks for one (the community trigger).',
    codePrefix: 'Case',
    source: cite(D002, 'The Community Safety Practice Oversight Group (reduction in Anti-Social Behaviour Case Reviews)'),
  },
  {
    id: 'offensive-weapons-homicide-review',
    name: 'Offensive Weapons Homicide Review',
    category: 'CASE_REVIEW',
    concerns: 'ALL',
    description: 'A review of a homicide involving an offensive weapon, under the Police, Crime, Sentencing and Courts Act 2022.',
    codePrefix: 'Case',
    source: cite(D002, 'Statutory duties (Community Safety Partnership)'),
  },
  {
    id: 'multi-agency-case-file-audit',
    name: 'Multi-Agency Case File Audit',
    category: 'AUDIT',
    concerns: 'ALL',
    description: 'Agencies audit their records of the same cases together, independently chaired in Telford & Wrekin.',
    codePrefix: 'Audit',
    source: cite(D003, 'Review, Learning & Training Group (Multi Agency Case File Audits, independently chaired)'),
  },
  {
    id: 'section-11-audit',
    name: 'Section 11 / S175 audit',
    category: 'AUDIT',
    concerns: 'CHILDREN',
    description: 'Agencies (schools under section 175) assess their own safeguarding arrangements, under the West Midlands regional arrangements.',
    codePrefix: 'Audit',
    source: cite(D001, 'Independent scrutiny (section 11 audits (education S175 Audit) in accordance with the West Midlands Regional arrangements)'),
  },
];

export interface ClockSeed {
  reviewKindId: string;
  milestone: ClockMilestone;
  length: number;
  unit: ClockUnit;
  startsFrom: ClockStart;
  source: SourceCitation;
}

const ACTION_PLAN_SOURCE = cite(D002, 'Case Review Groups (Action plans to be complete with 3 months of completion of review)');
const BRIEFING_SOURCE = cite(D002, 'Case Review Groups (Learning Briefings published within 10 working days of signing off a review)');

/**
 * Default clocks. The documents set the review clocks for four kinds only; the others run with no
 * review clock until a partnership sets one. Action plans and learning briefings follow every
 * case review (002 states them for both the children's and the adults' groups); audits have none.
 */
export const DEFAULT_CLOCKS: readonly ClockSeed[] = [
  {
    reviewKindId: 'rapid-review',
    milestone: 'REVIEW_COMPLETION',
    length: 15,
    unit: 'WORKING_DAYS',
    startsFrom: 'NOTIFICATION',
    source: REVIEW_KINDS[0]!.source,
  },
  {
    reviewKindId: 'local-child-safeguarding-practice-review',
    milestone: 'REVIEW_COMPLETION',
    length: 6,
    unit: 'MONTHS',
    startsFrom: 'NOTIFICATION',
    source: REVIEW_KINDS[1]!.source,
  },
  {
    reviewKindId: 'safeguarding-adult-review',
    milestone: 'REVIEW_COMPLETION',
    length: 10,
    unit: 'MONTHS',
    startsFrom: 'NOTIFICATION',
    source: REVIEW_KINDS[2]!.source,
  },
  {
    reviewKindId: 'domestic-homicide-review',
    milestone: 'REVIEW_COMPLETION',
    length: 6,
    unit: 'MONTHS',
    startsFrom: 'NOTIFICATION',
    source: REVIEW_KINDS[3]!.source,
  },
  ...REVIEW_KINDS.filter((kind) => kind.category === 'CASE_REVIEW').flatMap((kind): ClockSeed[] => [
    { reviewKindId: kind.id, milestone: 'ACTION_PLAN_COMPLETION', length: 3, unit: 'MONTHS', startsFrom: 'SIGN_OFF', source: ACTION_PLAN_SOURCE },
    { reviewKindId: kind.id, milestone: 'LEARNING_BRIEFING_PUBLICATION', length: 10, unit: 'WORKING_DAYS', startsFrom: 'SIGN_OFF', source: BRIEFING_SOURCE },
  ]),
];
