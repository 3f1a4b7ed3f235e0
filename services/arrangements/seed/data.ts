/**
 * Arrangements seed data: partnerships, lead safeguarding partners, arrangement documents, budgets,
 * governance bodies (with chair / quorum / cadence rules as data) and West Midlands regional
 * procedures, for Shropshire, Telford & Wrekin and Solihull.
 *
 * Every fact cites the seed file (sources/ at the repository root) and section it comes from. Where a
 * document is silent the optional field is left out. Organisation ids refer to
 * services/membership/seed/organisations.ts.
 */
import type {
  ArrangementDocumentSeed,
  BodySeed,
  BudgetSeed,
  ChairRuleSeed,
  LeadSafeguardingPartnerSeed,
  PartnershipSeed,
  QuorumRuleSeed,
  RegionalProcedureSeed,
  SourceCitation,
} from '@safeguarding/packs';

const D000 = '000_102c8c08933b906a.txt';
const D001 = '001_129f8b945aaf429a.txt';
const D002 = '002_93334ed95075e6c4.txt';
const D003 = '003_b1549964c7b91fcb.txt';
const D004 = '004_b6751091e751e5aa.txt';

const cite = (document: string, section: string): SourceCitation => ({ document, section });

// Organisation ids (services/membership/seed/organisations.ts).
const SHROPSHIRE_COUNCIL = 'shropshire-council';
const STW_ICB = 'shropshire-telford-and-wrekin-icb';
const WEST_MERCIA_POLICE = 'west-mercia-police';
const TW_COUNCIL = 'telford-and-wrekin-council';
const SOLIHULL_MBC = 'solihull-mbc';
const WEST_MIDLANDS_POLICE = 'west-midlands-police';
const BSOL_ICB = 'birmingham-and-solihull-icb';

// ------------------------------------------------------------------------------------------------
// Partnerships
// ------------------------------------------------------------------------------------------------

export const partnerships: PartnershipSeed[] = [
  {
    slug: 'shropshire',
    name: 'Shropshire Safeguarding Community Partnership',
    shortName: 'SSCP',
    policeForce: 'West Mercia Police',
    population: {
      value: 327200,
      year: '2022',
      description:
        'Population of 327,200 (2022 ONS Mid-Year Estimates); Shropshire covers 319,730 hectares; 97.5% of its land mass is rural and the 2.5% classified as urban accommodates approximately 43% of the population.',
      source: cite(D001, 'Geographical area'),
    },
    statutoryFunctions: [
      {
        kind: 'COMMUNITY_SAFETY_PARTNERSHIP',
        description:
          'The Partnership fulfils the statutory functions of the Community Safety Partnership (crime and disorder, substance misuse and re-offending strategies; Domestic Homicide Reviews; Anti-Social Behaviour Case Reviews; Offensive Weapons Homicide Reviews when in force; serious violence duty) in a single governance structure.',
        source: cite(D002, 'What is Shropshire Safeguarding Community Partnership? (statutory functions; Community Safety statutory duties)'),
      },
      {
        kind: 'CHILDREN_SAFEGUARDING_PARTNERSHIP',
        description:
          "The Partnership fulfils the statutory functions of the Children's Safeguarding Partnership (publish arrangements, independent scrutiny, annual report, Local Child Safeguarding Practice Reviews); its children's arm is the Shropshire Safeguarding Children Partnership.",
        source: cite(D002, "What is Shropshire Safeguarding Community Partnership? (statutory functions; statutory duties of the Children's Partnership)"),
      },
      {
        kind: 'SAFEGUARDING_ADULTS_BOARD',
        description:
          'The Partnership fulfils the statutory functions of the Safeguarding Adults Board (publish a strategic plan each financial year, publish an annual report, conduct Safeguarding Adult Reviews).',
        source: cite(D002, 'What is Shropshire Safeguarding Community Partnership? (statutory functions; Safeguarding Adult Board statutory duties)'),
      },
    ],
    independentScrutiny: {
      description:
        'An Independent Scrutineer has been commissioned to provide on-going assurance around the effectiveness of multi-agency arrangements, acting as a critical friend, with functions set out in a scrutiny framework and work plan; the current post-holder is Ivan Powell, who is also the Independent Chair of the Shropshire Safeguarding Community Partnership ("Independent Chair and Scrutineer", 002 Foreword).',
      source: cite(D001, 'Independent Scrutiny'),
    },
    source: cite(D002, 'What is Shropshire Safeguarding Community Partnership?'),
  },
  {
    slug: 'telford-and-wrekin',
    name: 'Telford & Wrekin Safeguarding Partnership',
    shortName: 'T&W Safeguarding Partnership',
    policeForce: 'West Mercia Police',
    population: {
      value: 176000,
      // 003 gives no estimate year; 2019 is the date of the document (June 2019).
      year: '2019',
      description:
        'Population of 176,000 people as stated in the June 2019 arrangements (no estimate year given), up from 157,000 in 2001 and forecast to grow to about 196,500 by 2031. Children in care at the end of 2018/19: 96.8 per 10,000 (388 children); child protection plans: 62.8 per 10,000 (252 children).',
      source: cite(D003, 'Telford & Wrekin: The Community'),
    },
    statutoryFunctions: [
      {
        kind: 'CHILDREN_SAFEGUARDING_PARTNERSHIP',
        description:
          'Multi-agency safeguarding children arrangements of the three safeguarding partners (Police, Council, CCG) under Working Together 2018; the Safeguarding Children Board and the Children & Family Partnership cease and a new Telford & Wrekin Safeguarding Partnership is created.',
        source: cite(D003, 'Strategic Arrangements For Partners to Work Together'),
      },
      {
        kind: 'SAFEGUARDING_ADULTS_BOARD',
        description:
          'Partners also reviewed the arrangements to safeguard adults (Care Act 2014); the Safeguarding Adult Board ceases and adults are safeguarded within the one Telford & Wrekin Safeguarding Partnership.',
        source: cite(D003, 'Introduction; Strategic Arrangements For Partners to Work Together'),
      },
    ],
    independentScrutiny: {
      description:
        'Independent challenge through: Multi Agency Case File Audits, independently chaired, in an annual programme agreed by each Review, Learning and Training group; case reviews independently chaired where appropriate; an Independent Chair of the Partnership who is a member of the Executive; and an annual report.',
      source: cite(D003, 'Independent Challenge and Scrutiny'),
    },
    source: cite(D003, 'Strategic Arrangements For Partners to Work Together'),
  },
  {
    slug: 'solihull',
    name: 'Solihull Safeguarding Children Partnership',
    shortName: 'SSCP',
    policeForce: 'West Midlands Police',
    statutoryFunctions: [
      {
        kind: 'CHILDREN_SAFEGUARDING_PARTNERSHIP',
        description:
          'Safeguarding Children Partnership with three named Lead Safeguarding Partners, supporting local organisations and agencies to work together across all levels of need and all types of harm.',
        source: cite(D004, 'What is the Safeguarding Children Partnership?'),
      },
    ],
    source: cite(D004, 'What is the Safeguarding Children Partnership?'),
  },
];

// ------------------------------------------------------------------------------------------------
// Lead Safeguarding Partners
// ------------------------------------------------------------------------------------------------

const S000_DSPS = cite(D000, 'Shropshire Childrens Safeguarding Partnership arrangement and structures: Lead Safeguarding Partners and "The DSPs are" list');
const S003_EXEC_MEMBERSHIP = cite(D003, 'Appendix A – Terms of Reference: Safeguarding Partnership Executive, Membership');
const S004_LSPS = cite(D004, 'What is the Safeguarding Children Partnership? (Lead Safeguarding Partners list)');

export const leadSafeguardingPartners: LeadSafeguardingPartnerSeed[] = [
  // Shropshire: the LSP agencies and DSP posts are stated; the LSP posts themselves are not.
  { partnershipSlug: 'shropshire', organisationId: SHROPSHIRE_COUNCIL, delegatedPost: 'Director of People', source: S000_DSPS },
  { partnershipSlug: 'shropshire', organisationId: STW_ICB, delegatedPost: 'Chief Nursing Officer', source: S000_DSPS },
  { partnershipSlug: 'shropshire', organisationId: WEST_MERCIA_POLICE, delegatedPost: 'Local Commander Shropshire', source: S000_DSPS },

  // Telford & Wrekin (2019 "statutory partners"): lead posts not stated; the partner's Executive
  // members are recorded as the delegated posts.
  {
    partnershipSlug: 'telford-and-wrekin',
    organisationId: TW_COUNCIL,
    delegatedPost:
      "Director of Children's Services and Director of Adult Social Services; Assistant Director Adult Social Services; Assistant Director Children Safeguarding and Early Help",
    source: S003_EXEC_MEMBERSHIP,
  },
  {
    partnershipSlug: 'telford-and-wrekin',
    organisationId: STW_ICB,
    delegatedPost: 'Chief Officer, Telford & Wrekin CCG; Deputy Chief Officer, Telford & Wrekin CCG',
    source: S003_EXEC_MEMBERSHIP,
  },
  {
    partnershipSlug: 'telford-and-wrekin',
    organisationId: WEST_MERCIA_POLICE,
    delegatedPost: 'Telford & Wrekin Local Policing Area Commander; Local Policing Chief Superintendent Telford and Shropshire',
    source: S003_EXEC_MEMBERSHIP,
  },

  // Solihull: lead posts stated; delegated officers are not named.
  { partnershipSlug: 'solihull', organisationId: SOLIHULL_MBC, leadPost: 'Chief Executive', source: S004_LSPS },
  { partnershipSlug: 'solihull', organisationId: WEST_MIDLANDS_POLICE, leadPost: 'Chief Constable', source: S004_LSPS },
  { partnershipSlug: 'solihull', organisationId: BSOL_ICB, leadPost: 'Accountable Officer', source: S004_LSPS },
];

// ------------------------------------------------------------------------------------------------
// Arrangement documents
// ------------------------------------------------------------------------------------------------

export const arrangementDocuments: ArrangementDocumentSeed[] = [
  {
    partnershipSlug: 'shropshire',
    title: 'Shropshire Childrens Safeguarding Partnership arrangement and structures (web page)',
    publishedOn: '2025-01-24',
    source: cite(D000, 'Page footer: "Last Updated: 24 Jan 2025 14:47 PM" (recorded as publishedOn: the last-updated date)'),
  },
  {
    partnershipSlug: 'shropshire',
    title: 'Safeguarding Childrens Partnership Multi-agency Safeguarding Arrangements (MASA) 2024',
    version: 'v2',
    source: cite(D001, 'Title page and Governance ("Version: v2"); no approval, publication or review date is stated'),
  },
  {
    partnershipSlug: 'shropshire',
    title: 'Shropshire Safeguarding Community Partnership Strategic Plan and Priorities 2023 – 2026',
    approvedOn: '2024-03-14',
    reviewOn: '2026-02-01',
    source: cite(
      D002,
      'Document control table (Status: Approved; Date of Approval: 14.03.24; Review Date: February 2026 - month only, recorded as the first of the month, 2026-02-01; Approving Body/Group: Shropshire Safeguarding Community Partnership)',
    ),
  },
  {
    partnershipSlug: 'telford-and-wrekin',
    title: 'Safeguarding Partnership Arrangements for Telford and Wrekin',
    publishedOn: '2019-06-01',
    reviewOn: '2019-12-01',
    source: cite(D003, 'Title page ("June 2019"; "For review December 2019" - months only, recorded as the first of each month: 2019-06-01 and 2019-12-01)'),
  },
  {
    partnershipSlug: 'solihull',
    title: 'What is the Safeguarding Children Partnership? (web page)',
    source: cite(D004, 'What is the Safeguarding Children Partnership? (no date stated)'),
  },
];

// ------------------------------------------------------------------------------------------------
// Budgets (integer pence)
// ------------------------------------------------------------------------------------------------

const S001_BUDGET = cite(D001, 'Partnership Support and Management');
const S003_BUDGET = cite(D003, 'Telford & Wrekin Safeguarding Partnership Budget');

export const budgets: BudgetSeed[] = [
  {
    partnershipSlug: 'shropshire',
    accountableBodyOrganisationId: SHROPSHIRE_COUNCIL,
    description:
      'Multi-agency pooled safeguarding partnership budget, which funds the SSCP Business Unit (hosted by Shropshire Council) and the cost of practice reviews. Shropshire Council is the Accountable Body, accountable for all funding received from statutory partners; questions about value for money and allocation of resources are decided by the Delegated Safeguarding Partners within the Partnership meetings. No total or contribution amounts are stated.',
    contributions: [
      { organisationId: SHROPSHIRE_COUNCIL, description: 'Statutory partner funding into the pooled budget; amount not stated.', source: S001_BUDGET },
      { organisationId: STW_ICB, description: 'Statutory partner funding into the pooled budget; amount not stated.', source: S001_BUDGET },
      { organisationId: WEST_MERCIA_POLICE, description: 'Statutory partner funding into the pooled budget; amount not stated.', source: S001_BUDGET },
    ],
    source: S001_BUDGET,
  },
  {
    partnershipSlug: 'telford-and-wrekin',
    totalMinorUnits: 15_000_000,
    description:
      'The Safeguarding Partnership Executive have an agreed initial budget of £150,000 (no financial year stated). The Partnership Team is funded from this budget and additional contributions from Telford & Wrekin Council (amount not stated; 003 "Partnership Support and Management").',
    contributions: [
      { organisationId: WEST_MERCIA_POLICE, amountMinorUnits: 5_000_000, description: 'West Mercia Police £50,000', source: S003_BUDGET },
      { organisationId: TW_COUNCIL, amountMinorUnits: 5_000_000, description: 'Telford & Wrekin Council £50,000', source: S003_BUDGET },
      {
        organisationId: STW_ICB,
        amountMinorUnits: 5_000_000,
        description: 'Telford & Wrekin NHS Clinical Commissioning group £50,000 (the CCG is now the Shropshire, Telford & Wrekin ICB)',
        source: S003_BUDGET,
      },
    ],
    source: S003_BUDGET,
  },
  // Solihull: 004 states no budget, so no entry.
];

// ------------------------------------------------------------------------------------------------
// Shared rules
// ------------------------------------------------------------------------------------------------

/** Shropshire children's partnership: quorum "at all levels" (001 Structure; also 000 Structure). */
const shropshireQuorum: QuorumRuleSeed = {
  kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED',
  namedDeputyCounts: false,
  requiredOrganisationIds: [SHROPSHIRE_COUNCIL, STW_ICB, WEST_MERCIA_POLICE],
  statutoryPartnersInKeyDecisions: true,
  unexplainedAbsenceReported: true,
  description:
    'At all levels, meetings will only be quorate when all the statutory safeguarding partner agencies are represented: Shropshire Council; Shropshire, Telford & Wrekin ICB; West Mercia Police. Relevant agencies must send representation and non-attendees (without valid reason) will be reported to their agency\'s line manager. The three Statutory Safeguarding Partner representatives must be part of any key actions and decision-making. (Same text in 000 "Structure".) The documents say nothing about deputies.',
  source: cite(D001, 'Structure'),
};

const S003_EXEC_CHAIR = cite(D003, 'Appendix A – Terms of Reference: Safeguarding Partnership Executive, Chair');

/** Telford & Wrekin Review, Learning & Training groups: one-year chair and vice, vice succeeds. */
const twRltChair = (section: string): ChairRuleSeed => ({
  appointedFrom: 'NOT_STATED',
  appointedBy: 'the Safeguarding Executive',
  termMonths: 12,
  termAlignedToFinancialYear: false,
  noConsecutiveTermsSameOrganisation: false,
  viceChairFromDifferentOrganisation: false,
  viceChairSucceeds: true,
  description:
    'The chair and a vice of the Group will be appointed by the Safeguarding Executive. The post-holders will be in place for 1 year, with the vice chair taking on the chair role.',
  source: cite(D003, section),
});

// ------------------------------------------------------------------------------------------------
// Bodies
// ------------------------------------------------------------------------------------------------

const SH = (slug: string) => `shropshire.${slug}`;
const TW = (slug: string) => `telford-and-wrekin.${slug}`;

const SH_SGG = SH('strategic-governing-group');
const SH_SAB = SH('safeguarding-adults-board');
const SH_CSP = SH('community-safety-partnership');
const SH_SCP = SH('safeguarding-children-partnership');

const TW_EXEC = TW('executive');

const S002_SYSTEM_GROUPS = cite(D002, 'Our Strategy (four "system" groups) and Success Statements');
const S002_PRIORITY_GROUPS = cite(D002, 'Success Statements: three strategic priority groups');
/** 002 Appendix 2: group chairs report on their Strategic Action Plan in their Strategic Governing Group report. */
const S002_REPORTS_TO_SGG = 'Group Chairs update the Strategic Governing Group on their Strategic Action Plan (002 Appendix 2).';

export const bodies: BodySeed[] = [
  // ==============================================================================================
  // Joint (Shropshire + Telford & Wrekin)
  // ==============================================================================================
  {
    id: 'joint.lsp-forum',
    name: 'Combined Shropshire and Telford & Wrekin Lead Safeguarding Partners forum',
    kind: 'LEAD_PARTNERS_FORUM',
    partnershipSlugs: ['shropshire', 'telford-and-wrekin'],
    purpose:
      'The Lead Safeguarding Partners meet as a combined Shropshire and Telford & Wrekin forum, in recognition of the shared geographic footprint for both ICB and West Mercia Police, to support them in their functions; the Delegated Safeguarding Partners and Independent Scrutineers also attend to ensure strong links within the leadership structure and as an opportunity to escalate risks and issues as required.',
    meetingFrequency: { meetingsPerYear: 2, description: 'twice yearly', period: 'CALENDAR_YEAR' },
    source: cite(D000, 'Shropshire Childrens Safeguarding Partnership arrangement and structures: Lead Safeguarding Partners (also 001 "Governance")'),
  },

  // ==============================================================================================
  // Shropshire — Shropshire Safeguarding Community Partnership (002)
  // ==============================================================================================
  {
    id: SH_SGG,
    name: 'Strategic Governing Group of the Shropshire Safeguarding Community Partnership',
    kind: 'PARTNERSHIP_BOARD',
    partnershipSlugs: ['shropshire'],
    purpose:
      "With the scrutiny of the Independent Chair, brings together the senior representatives from each of the organisations required to engage in adult and children's safeguarding and community safety (the Key Partners); seeks assurance, scrutinises, challenges and ensures agencies are enabled to work together to achieve the vision of the Partnership; signs off reviews and receives the system and strategic priority groups' reports.",
    source: cite(D002, 'What is Shropshire Safeguarding Community Partnership?'),
  },
  {
    id: SH_SAB,
    name: 'Shropshire Safeguarding Adults Board',
    kind: 'PARTNERSHIP_BOARD',
    partnershipSlugs: ['shropshire'],
    purpose:
      'Statutory Safeguarding Adults Board function of the Shropshire Safeguarding Community Partnership: publish a strategic plan each financial year, publish an annual report and conduct Safeguarding Adult Reviews. The Safeguarding Children Partnership retains a close structural relationship with it (001).',
    closeRelationshipBodyIds: [SH_SCP],
    source: cite(D002, 'What is Shropshire Safeguarding Community Partnership? (Safeguarding Adult Board statutory duties)'),
  },
  {
    id: SH_CSP,
    name: 'Shropshire Community Safety Partnership',
    kind: 'PARTNERSHIP_BOARD',
    partnershipSlugs: ['shropshire'],
    purpose:
      'Statutory Community Safety Partnership function of the Shropshire Safeguarding Community Partnership: strategies to reduce crime and disorder, combat substance misuse and reduce re-offending; Domestic Homicide Reviews; annual strategic assessment; Anti-Social Behaviour Case Reviews; Offensive Weapons Homicide Reviews (when in force); preventing and reducing serious violence. The Safeguarding Children Partnership retains a close structural relationship with it (001).',
    closeRelationshipBodyIds: [SH_SCP],
    source: cite(D002, 'What is Shropshire Safeguarding Community Partnership? (Community Safety statutory duties)'),
  },

  // ---- 002 system groups ------------------------------------------------------------------------
  {
    id: SH('adult-safeguarding-and-protection-practice-oversight-group'),
    name: 'Adult Safeguarding and Protection Practice Oversight Group',
    kind: 'SYSTEM_GROUP',
    partnershipSlugs: ['shropshire'],
    purpose:
      'System group overseeing adult safeguarding and protection practice; success statements include increasing S42 enquiries about self-neglect beyond 3% of total S42 enquiries, at least 75% of MACFAs where self-neglect is a factor showing application of the Working with Self-Neglect Guidance, strategic use of the MACFA process, and embedding learning from SARs and DHRs. ' +
      S002_REPORTS_TO_SGG,
    reportsToBodyId: SH_SGG,
    source: S002_SYSTEM_GROUPS,
  },
  {
    id: SH('child-safeguarding-and-protection-practice-oversight-group'),
    name: 'Child Safeguarding and Protection Practice Oversight Group',
    kind: 'SYSTEM_GROUP',
    partnershipSlugs: ['shropshire'],
    purpose:
      "System group overseeing child safeguarding and protection practice; success statements: a reduction in under 5's referred due to significant harm, more prevention activity and direct work with families, learning embedded with a reduction in repeated points of learning, and evidence that the voice of the child has influenced outcomes. In August 2024 partners agreed, in response to Working Together 2023, that it would cease and be replaced by the Safeguarding Children Partnership, established 1 October 2024 (001). " +
      S002_REPORTS_TO_SGG,
    reportsToBodyId: SH_SGG,
    // It met until its replacement existed: the SCP was established on 1 October 2024.
    validTo: '2024-09-30',
    source: cite(
      D001,
      'Structure ("In August 2024 ... Shropshire Childrens Safeguarding and Protection Practice Oversight Group would cease and partners agreed to establish a Safeguarding Children Partnership, in its place. This new strategic board was established on 1st October 2024" - validTo recorded as the day before its replacement was established; group and success statements from 002 "Our Strategy")',
    ),
  },
  {
    id: SH('community-safety-practice-oversight-group'),
    name: 'Community Safety Practice Oversight Group',
    kind: 'SYSTEM_GROUP',
    partnershipSlugs: ['shropshire'],
    purpose:
      'System group overseeing community safety practice; success statements include establishing datasets, reducing serious violence and Anti-Social Behaviour Case Reviews, reducing contacts into COMPASS and First Point of Contact where anti-social behaviour and crime is a feature, ensuring representation from the Tackling Drug and Alcohol Group, Local Domestic Abuse Partnership Board and Exploitation Group, and reducing re-offending by at least 5% based on 2022-23 data. ' +
      S002_REPORTS_TO_SGG,
    reportsToBodyId: SH_SGG,
    source: S002_SYSTEM_GROUPS,
  },
  {
    id: SH('adult-and-childrens-statutory-case-review-group'),
    name: "Adult and Children's Statutory Case Review Group",
    kind: 'SYSTEM_GROUP',
    partnershipSlugs: ['shropshire'],
    purpose:
      "System group for adult and children's statutory case reviews (002 gives separate success statements for its adult and children's work): Domestic Homicide Reviews within 6 months and Safeguarding Adult Reviews within 10 months; Rapid Reviews within 15 working days and Local Child Safeguarding Practice Reviews within six months, with a reduction in reviews with repeated themes/learning points; action plans complete within 3 months of a review's completion; learning briefings published within 10 working days of sign-off. " +
      S002_REPORTS_TO_SGG,
    reportsToBodyId: SH_SGG,
    source: S002_SYSTEM_GROUPS,
  },

  // ---- 002 strategic priority groups ------------------------------------------------------------
  {
    id: SH('local-domestic-abuse-partnership-board'),
    name: 'Local Domestic Abuse Partnership Board',
    kind: 'STRATEGIC_PRIORITY_GROUP',
    partnershipSlugs: ['shropshire'],
    purpose:
      'Strategic priority group (joint priority for children, adults with care and support needs and communities) on domestic abuse; success statements include earlier and more appropriate workforce responses, education on safe and healthy relationships, domestic abuse policies in all residential and domiciliary care services, engaging perpetrators in evidence based work, and an accessible domestic abuse offer for victims and perpetrators. ' +
      S002_REPORTS_TO_SGG,
    reportsToBodyId: SH_SGG,
    source: S002_PRIORITY_GROUPS,
  },
  {
    id: SH('tackling-exploitation-group'),
    name: 'Tackling Exploitation Group',
    // 000/001 (2024-25) call it one of the children's partnership's two standing groups; 002 lists it
    // as one of three joint strategic priority groups. Kind follows the latest documents.
    kind: 'STANDING_GROUP',
    partnershipSlugs: ['shropshire'],
    purpose:
      'Standing group that meets to alleviate and minimise the risks and impact associated with all types of exploitation of children and young people (000, 001). 002 also lists it as one of three joint strategic priority groups (children, adults with care and support needs and communities), with success statements including increasing disruption of perpetrators, public and parent awareness and community involvement, and reductions in exclusions, NEET and exploited children entering care. ' +
      S002_REPORTS_TO_SGG,
    reportsToBodyId: SH_SGG,
    meetingFrequency: { meetingsPerYear: 6, description: 'bi-monthly', period: 'CALENDAR_YEAR' },
    chairRule: {
      appointedFrom: 'NAMED_ORGANISATION',
      organisationId: WEST_MERCIA_POLICE,
      termMonths: null,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description: 'Chaired by West Mercia Police.',
      source: cite(D000, 'Structure'),
    },
    quorumRule: shropshireQuorum,
    source: cite(D000, 'Structure (also 001 "Structure"; 002 "Success Statements: three strategic priority groups")'),
  },
  {
    id: SH('tackling-drug-and-alcohol-misuse-group'),
    name: 'Tackling Drug and Alcohol Misuse Group',
    kind: 'STRATEGIC_PRIORITY_GROUP',
    partnershipSlugs: ['shropshire'],
    purpose:
      'Strategic priority group (joint priority for children, adults with care and support needs and communities) on drug and alcohol misuse; success statements include reducing drug use and supply, drug related crime, deaths and harm, increasing engagement in treatment, improving recovery outcomes, preventing demand among children, young people and young adults, and embedding lived experience. (002 also spells it "Tacking Drug and Alcohol Misuse Group" and "Tackling Drug and Alcohol Group".) ' +
      S002_REPORTS_TO_SGG,
    reportsToBodyId: SH_SGG,
    source: S002_PRIORITY_GROUPS,
  },

  // ---- Shropshire Safeguarding Children Partnership structure (001, 000) ------------------------
  {
    id: SH_SCP,
    name: 'Shropshire Safeguarding Children Partnership',
    kind: 'PARTNERSHIP_BOARD',
    partnershipSlugs: ['shropshire'],
    purpose:
      'New strategic board established, in response to Working Together 2023, in place of the Childrens Safeguarding and Protection Practice Oversight Group, to support and enable local organisations and agencies to work together to keep children safe. Receives assurance through section 11 audits, audits, case reviews, MACFAs, performance data and the scrutiny framework. The Education Strategic Partnership and the Early Help Partnership Board report to it; it retains a close structural relationship with the Safeguarding Adults Board and Community Safety Partnership.',
    closeRelationshipBodyIds: [SH_SAB, SH_CSP],
    meetingFrequency: { meetingsPerYear: 6, description: 'bi-monthly', period: 'CALENDAR_YEAR' },
    chairRule: {
      appointedFrom: 'DELEGATED_SAFEGUARDING_PARTNERS',
      post: 'DSP Lead',
      termMonths: 18,
      termAlignedToFinancialYear: false,
      // "rotational basis": the chair rotates between the DSP leads, so the same partner does not hold two terms running.
      noConsecutiveTermsSameOrganisation: true,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description:
        'The meeting will be chaired by a DSP Lead on an 18-month rotational basis; the current chair is Tanya Miles, Executive Director of People, Shropshire Council. (No vice-chair arrangement is stated.)',
      source: cite(D001, 'Structure'),
    },
    quorumRule: shropshireQuorum,
    validFrom: '2024-10-01',
    source: cite(D001, 'Structure'),
  },
  {
    id: SH('dsp-executive'),
    name: 'Delegated Safeguarding Partners Executive',
    kind: 'EXECUTIVE',
    partnershipSlugs: ['shropshire'],
    purpose:
      'The Delegated Safeguarding Partners meet as an Executive with the Independent Scrutineer to update the executive leads of relevant agencies on the work of the Partnership and its effectiveness, and to highlight any gaps and where further support and engagement is required.',
    meetingFrequency: { meetingsPerYear: 4, description: 'on a quarterly basis', period: 'CALENDAR_YEAR' },
    quorumRule: shropshireQuorum,
    source: cite(D001, 'Structure'),
  },
  {
    id: SH('education-strategic-partnership'),
    name: 'Education Strategic Partnership',
    kind: 'REPORTING_PARTNERSHIP',
    partnershipSlugs: ['shropshire'],
    purpose:
      'Reports to the Safeguarding Children Partnership. (The documents state no further remit; 001\'s relevant agencies table lists an "Education Partnership Board" representing educational & early years settings/sectors.)',
    reportsToBodyId: SH_SCP,
    quorumRule: shropshireQuorum,
    source: cite(D000, 'Structure (also 001 "Structure")'),
  },
  {
    id: SH('early-help-partnership-board'),
    name: 'Early Help Partnership Board',
    kind: 'REPORTING_PARTNERSHIP',
    partnershipSlugs: ['shropshire'],
    purpose: 'Reports to the Safeguarding Children Partnership. (The documents state no further remit.)',
    reportsToBodyId: SH_SCP,
    quorumRule: shropshireQuorum,
    source: cite(D000, 'Structure (also 001 "Structure")'),
  },
  {
    id: SH('childrens-case-review-group'),
    name: "Children's Case Review Group",
    kind: 'STANDING_GROUP',
    partnershipSlugs: ['shropshire'],
    purpose:
      'Standing group that reviews local learning identified from case reviews and arranges Rapid Review and Serious Incident Review meetings when required. 001 also places responsibility for how the Shropshire system learns lessons from serious child safeguarding incidents with the "Childrens Safeguarding Practice Review Group", and its relevant agencies table lists a "Chair of the Local Child Safeguarding Practice Review Panel" (Designated Nurse for Safeguarding Children, ST&W ICB); these are read as the same ICB-chaired group.',
    meetingFrequency: { meetingsPerYear: 12, description: 'monthly', period: 'CALENDAR_YEAR' },
    chairRule: {
      appointedFrom: 'NAMED_ORGANISATION',
      organisationId: STW_ICB,
      termMonths: null,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description: 'Chaired by ICB.',
      source: cite(D000, 'Structure'),
    },
    quorumRule: shropshireQuorum,
    source: cite(D000, 'Structure (also 001 "Structure" and "Local safeguarding practice reviews and embedding learning")'),
  },

  // ==============================================================================================
  // Telford & Wrekin (003)
  // ==============================================================================================
  {
    id: TW('safeguarding-partnership'),
    name: 'Telford & Wrekin Safeguarding Partnership',
    kind: 'WIDER_PARTNERSHIP',
    partnershipSlugs: ['telford-and-wrekin'],
    purpose:
      'The wider Partnership engages the wider "relevant agencies": enables partners with relevant safeguarding responsibilities to engage with the work driven by the Safeguarding Partnership, including influencing its priorities, sharing learning on practice and policies both local and national, and hearing the voices of children and families; identifies new and emerging safeguarding challenges. Its chair presents approved action notes and papers to the next Executive meeting.',
    reportsToBodyId: TW_EXEC,
    meetingFrequency: { meetingsPerYear: 2, description: 'twice each financial year', period: 'FINANCIAL_YEAR' },
    separateChildrenAndAdultsTime: true,
    // Its terms of reference state the 7-day papers rule (no draft-notes / amendment window is stated for it).
    usesPaperworkClock: true,
    chairRule: {
      appointedFrom: 'INDEPENDENT',
      appointedBy: 'the Executive',
      termMonths: null,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description: 'The Chair will be appointed by the Executive and independent of both statutory and "relevant agencies".',
      source: cite(D003, 'Appendix A – Terms of Reference: Telford & Wrekin Safeguarding Partnership, Chair'),
    },
    source: cite(D003, 'Appendix A – Terms of Reference: Telford & Wrekin Safeguarding Partnership (also "Safeguarding Partnership")'),
  },
  {
    id: TW_EXEC,
    name: 'Safeguarding Partnership Executive',
    kind: 'EXECUTIVE',
    partnershipSlugs: ['telford-and-wrekin'],
    purpose:
      'Strategic leadership group that provides strategic oversight and scrutiny of safeguarding arrangements across Telford & Wrekin by holding partners to account; identifies and responds to new safeguarding issues and emerging threats with the Community Safety Partnership and Health & Wellbeing Board; drives practice improvement from learning; develops and drives the safeguarding partnership business plan and publishes an annual report. Composed of the three statutory partners and the Independent Chair of the Safeguarding Partnership; commissions the thematic sub-groups; its chair presents approved action notes to the next Safeguarding Partnership.',
    meetingFrequency: { meetingsPerYear: 4, description: '4 times a year', period: 'CALENDAR_YEAR' },
    separateChildrenAndAdultsTime: true,
    usesPaperworkClock: true,
    chairRule: {
      appointedFrom: 'STATUTORY_PARTNERS',
      termMonths: 12,
      termAlignedToFinancialYear: true,
      noConsecutiveTermsSameOrganisation: true,
      viceChairFromDifferentOrganisation: true,
      viceChairSucceeds: true,
      description:
        'An annual appointment (financial year) from the statutory partners. The chair cannot be from the same statutory partner on consecutive years. A vice-chair will also be appointed from a different organisation to the chair who will succeed the chair. The vice chair will deputise for the chair as necessary.',
      source: S003_EXEC_CHAIR,
    },
    quorumRule: {
      kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED',
      namedDeputyCounts: true,
      requiredOrganisationIds: [TW_COUNCIL, STW_ICB, WEST_MERCIA_POLICE],
      statutoryPartnersInKeyDecisions: false,
      unexplainedAbsenceReported: false,
      description:
        'A named representative or their named deputy from each statutory partner must be in attendance. A named deputy for each member of the Executive should attend where the post-holder is unavailable.',
      source: cite(D003, 'Appendix A – Terms of Reference: Safeguarding Partnership Executive, Quorate and Membership'),
    },
    source: cite(D003, 'The Executive; Appendix A – Terms of Reference: Safeguarding Partnership Executive'),
  },
  {
    id: TW('childrens-review-learning-and-training-group'),
    name: 'Children Review, Learning & Training Group',
    kind: 'REVIEW_GROUP',
    partnershipSlugs: ['telford-and-wrekin'],
    purpose:
      'Promotes a culture of continuous multi-agency learning and improvement through coordination of the review of serious cases (including rapid reviews) and multi-agency case file audits, and the development, commissioning and communication of training, guidance, resources and tools; manages the commissioning and publishing of safeguarding practice reviews, oversees Rapid Reviews and considers learning from the Child Death Overview Panel. Works to an annual work programme approved by the Safeguarding Executive; the chair reports to the Executive 3 times a year and attendance is reported to the Executive.',
    reportsToBodyId: TW_EXEC,
    meetingFrequency: { meetingsPerYear: 4, description: '4 times a year, sequenced with the Safeguarding Executive', period: 'CALENDAR_YEAR' },
    usesPaperworkClock: true,
    chairRule: twRltChair('Appendix A – Terms of Reference: Children Review, Learning & Training Group, Chair'),
    source: cite(D003, 'Review, Learning & Training Group; Appendix A – Terms of Reference: Children Review, Learning & Training Group'),
  },
  {
    id: TW('adults-review-learning-and-training-group'),
    name: 'Adult Review, Learning & Training Group',
    kind: 'REVIEW_GROUP',
    partnershipSlugs: ['telford-and-wrekin'],
    purpose:
      'Promotes a culture of continuous multi-agency learning and improvement through coordination of the review of serious cases, including Domestic Homicide Reviews, and the development, commissioning and communication of training, guidance, resources and tools and of policies and procedures for safeguarding adults. Works to an annual work programme approved by the Safeguarding Executive; the chair reports to the Executive 3 times a year and attendance is reported to the Executive.',
    reportsToBodyId: TW_EXEC,
    meetingFrequency: { meetingsPerYear: 4, description: '4 times a year, sequenced with the Safeguarding Executive', period: 'CALENDAR_YEAR' },
    usesPaperworkClock: true,
    chairRule: twRltChair('Appendix A – Terms of Reference: Adult Review, Learning & Training Group, Chair'),
    source: cite(D003, 'Review, Learning & Training Group; Appendix A – Terms of Reference: Adult Review, Learning & Training Group'),
  },
  {
    id: TW('neglect'),
    name: 'Neglect thematic group',
    kind: 'THEMATIC_GROUP',
    partnershipSlugs: ['telford-and-wrekin'],
    purpose:
      'Time-limited thematic group commissioned by the Executive: neglect is one of the most frequent causes for a child to be placed on a Child Protection Plan. Develops and delivers an action plan with SMART objectives, reporting progress to the Safeguarding Partnership Executive, and makes recommendations on practice, policy and training; membership appointed by the Safeguarding Executive.',
    reportsToBodyId: TW_EXEC,
    source: cite(D003, 'Thematic Sub-groups and Standing Sub-groups; Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Neglect'),
  },
  {
    id: TW('domestic-violence-and-abuse'),
    name: 'Domestic violence and abuse thematic group',
    kind: 'THEMATIC_GROUP',
    partnershipSlugs: ['telford-and-wrekin'],
    purpose:
      'Time-limited thematic group commissioned by the Executive: domestic abuse is a significant risk factor in the harm of vulnerable adults and children. Develops and delivers an action plan with SMART objectives, reporting progress to the Safeguarding Partnership Executive, and makes recommendations on practice, policy and training; membership appointed by the Safeguarding Executive. (Appendix A heads its membership "Domestic Abuse".)',
    reportsToBodyId: TW_EXEC,
    source: cite(D003, 'Thematic Sub-groups and Standing Sub-groups; Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Domestic Abuse'),
  },
  {
    id: TW('exploitation'),
    name: 'Exploitation thematic group',
    kind: 'THEMATIC_GROUP',
    partnershipSlugs: ['telford-and-wrekin'],
    purpose:
      'Time-limited thematic group commissioned by the Executive: criminal exploitation of vulnerable children and adults is a significant cause of harm. Develops and delivers an action plan with SMART objectives, reporting progress to the Safeguarding Partnership Executive, and makes recommendations on practice, policy and training; membership appointed by the Safeguarding Executive (Appendix A gives separate Adults and Children membership lists).',
    reportsToBodyId: TW_EXEC,
    source: cite(D003, 'Thematic Sub-groups and Standing Sub-groups; Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Exploitation'),
  },
  {
    id: TW('early-help'),
    name: 'Early Help',
    kind: 'STANDING_GROUP',
    partnershipSlugs: ['telford-and-wrekin'],
    purpose:
      'Standing sub-group reporting to the Safeguarding Executive: the Early Help arrangements provide the threshold and "pathway" to access safeguarding services, built on a holistic "Strengthening Families" model, and the Executive must understand their effectiveness. (Terms of reference: "Early Help - TBC".)',
    reportsToBodyId: TW_EXEC,
    source: cite(D003, 'Thematic Sub-groups and Standing Sub-groups; Appendix A – Terms of Reference: Early Help - TBC'),
  },
  {
    id: TW('corporate-parenting-strategic-group'),
    name: 'Corporate Parenting Strategic Group',
    kind: 'STANDING_GROUP',
    partnershipSlugs: ['telford-and-wrekin'],
    purpose:
      'Standing sub-group reporting to the Safeguarding Executive that focuses on securing the best possible outcomes for children and young people in care so that as care leavers they can achieve independence with life chances at least equal to their peers; ensures the right of Children in Care and Care Leavers to the outcomes we want for every child is translated into reality.',
    reportsToBodyId: TW_EXEC,
    meetingFrequency: { meetingsPerYear: 4, description: '4 times a year, sequenced around the Safeguarding Executive', period: 'CALENDAR_YEAR' },
    usesPaperworkClock: true,
    chairRule: {
      appointedFrom: 'NAMED_ORGANISATION',
      organisationId: TW_COUNCIL,
      post: 'Director of Children & Adult Services',
      termMonths: null,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description: 'The Chair of the CPSG will be the Director of Children & Adult Services.',
      source: cite(D003, 'Appendix A – Terms of Reference: Corporate Parenting Strategic Group, Chair'),
    },
    source: cite(D003, 'Thematic Sub-groups and Standing Sub-groups; Appendix A – Terms of Reference: Corporate Parenting Strategic Group'),
  },

  // ==============================================================================================
  // Solihull (004)
  // ==============================================================================================
  {
    id: 'solihull.executive',
    name: 'Executive group',
    kind: 'EXECUTIVE',
    partnershipSlugs: ['solihull'],
    purpose:
      'The delegated officers for the three lead safeguarding partners meet regularly as an Executive group to work together for the purposes of strategic decision making and to hold each other to account; it also includes representation from Education and Public Health in recognition of their important roles in effective multi-agency safeguarding arrangements in Solihull.',
    source: cite(D004, 'What is the Safeguarding Children Partnership? (Executive group)'),
  },
];

// ------------------------------------------------------------------------------------------------
// West Midlands regional procedures
// ------------------------------------------------------------------------------------------------

export const regionalProcedures: RegionalProcedureSeed[] = [
  {
    id: 'west-midlands-regional-child-protection-procedures',
    title: 'Regional Child Protection Procedures for West Midlands',
    region: 'West Midlands',
    description: 'Regional child protection procedures, regularly updated and widely disseminated to partner agencies.',
    adoptions: [
      {
        partnershipSlug: 'shropshire',
        how: 'Shropshire will continue to contribute to the development of and use the Regional Child Protection Procedures for West Midlands, which form the basis for its training programme.',
        source: cite(D001, 'Governance'),
      },
    ],
    source: cite(D001, 'Governance'),
  },
  {
    id: 'west-midlands-lcspr-learning-framework',
    title: 'West Midlands regional framework for the commissioning and dissemination of learning from Local Child Safeguarding Practice Reviews',
    region: 'West Midlands',
    description:
      'Regional framework for commissioning Local Child Safeguarding Practice Reviews and disseminating their learning (003: "West Midland regional framework").',
    adoptions: [
      {
        partnershipSlug: 'telford-and-wrekin',
        how: "The work of the Children's Review, Learning & Training group is informed by the framework.",
        source: cite(D003, 'Review, Learning & Training Group'),
      },
    ],
    source: cite(D003, 'Review, Learning & Training Group'),
  },
  {
    id: 'west-midlands-section-11-audit-arrangements',
    title: 'West Midlands Regional arrangements for section 11 audits (education S175 audit)',
    region: 'West Midlands',
    description: 'Regional arrangements for section 11 safeguarding self-evaluation audits, with the S175 audit for education.',
    adoptions: [
      {
        partnershipSlug: 'shropshire',
        how: 'The Safeguarding Children Partnership receives assurance through section 11 audits (education S175 Audit) in accordance with the West Midlands Regional arrangements.',
        source: cite(D001, 'Independent Scrutiny'),
      },
    ],
    source: cite(D001, 'Independent Scrutiny'),
  },
];
