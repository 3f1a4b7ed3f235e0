/**
 * Every membership table in the seed documents (sources/ at the repository root), row by row:
 * 001's relevant agencies table (Shropshire Safeguarding Children Partnership) and every
 * membership table in 003 Appendix A (Telford & Wrekin). A row is [organisation id, post title or
 * null when the row names the agency only, role, the document's own words when they add something].
 * A cell that lists several roles of one organisation is one row per role. test/seed-counts.test.ts
 * counts the rows per table against hand counts of the documents.
 *
 * Also seeded, from the documents' text rather than a table (and counted separately):
 * the combined LSP forum and the Shropshire DSP Executive (000, 001), and the chairs the documents
 * name (001, 002). Organisation ids are services/membership/seed/organisations.ts; body ids are
 * services/arrangements/seed/data.ts.
 */
import type { SourceCitation } from '@safeguarding/packs';
import type { MembershipRole } from '../entities';

const D000 = '000_102c8c08933b906a.txt';
const D001 = '001_129f8b945aaf429a.txt';
const D002 = '002_93334ed95075e6c4.txt';
const D003 = '003_b1549964c7b91fcb.txt';
const cite = (document: string, section: string): SourceCitation => ({ document, section });

// Organisation ids.
const SHROPSHIRE_COUNCIL = 'shropshire-council';
const ICB = 'shropshire-telford-and-wrekin-icb';
const POLICE = 'west-mercia-police';
const TW_COUNCIL = 'telford-and-wrekin-council';
const SCHT = 'shropshire-community-health-nhs-trust';
const SATH = 'shrewsbury-and-telford-hospital-nhs-trust';
const RJAH = 'robert-jones-and-agnes-hunt-orthopaedic-hospital';
const MPFT = 'midlands-partnership-nhs-foundation-trust';
const GP = 'general-practice';
const EDUCATION_BOARD = 'shropshire-education-partnership-board';
const FIRE = 'shropshire-fire-and-rescue-service';
const SSCP = 'sscp-business-unit';
const NPS = 'national-probation-service';
const YJS = 'west-mercia-youth-justice-service';
const CRC = 'warwickshire-and-west-mercia-crc';
const SH_SCRUTINEER = 'shropshire-independent-scrutineer';
const TW_INDEPENDENT_CHAIR = 'telford-and-wrekin-independent-chair';
const TW_EDUCATION = 'telford-and-wrekin-education';
const TW_HOUSING = 'telford-and-wrekin-housing';
const TW_PARTNERSHIP_TEAM = 'telford-and-wrekin-partnership-team';
const SSSFT = 'south-staffordshire-and-shropshire-foundation-trust';
const AMBULANCE = 'west-midlands-ambulance-service';
const TELFORD_COLLEGE = 'telford-college';
const HEALTHWATCH = 'healthwatch';
const CHIEF_OFFICER_GROUP = 'chief-officer-group';
const FOSTER_CARERS = 'foster-carer-association';
const CARE_LEAVERS = 'telford-and-wrekin-care-leavers';

export type SeatRow = [organisationId: string, postTitle: string | null, role?: MembershipRole, description?: string];

export interface MembershipTableSeed {
  /** A stable name for the table, used by the counting test. */
  table: string;
  bodyId: string;
  /** The table's sub-list heading, when it has several (Children / Adults / Virtual Members). */
  list?: string;
  /** When the seats began, where the documents say. */
  startDate?: string;
  endDate?: string;
  rows: SeatRow[];
  source: SourceCitation;
}

const APP_A = (section: string) => cite(D003, `Appendix A – Terms of Reference: ${section}`);

export const membershipTables: MembershipTableSeed[] = [
  // ---- 001 Relevant Agencies (Organisation/Sector and Role table) -------------------------------
  {
    table: '001 Relevant Agencies',
    bodyId: 'shropshire.safeguarding-children-partnership',
    // The table is in the MASA 2024 that set up the partnership on 1 October 2024.
    startDate: '2024-10-01',
    rows: [
      [SH_SCRUTINEER, 'Independent Scrutineer'],
      [SHROPSHIRE_COUNCIL, 'Executive Director of People'],
      [SHROPSHIRE_COUNCIL, 'Asst. Director Children Safeguarding'],
      [SHROPSHIRE_COUNCIL, 'Asst. Director Education & Achievement'],
      [SHROPSHIRE_COUNCIL, 'Head of Safeguarding - Education'],
      [SHROPSHIRE_COUNCIL, 'Virtual Head Teacher'],
      [SHROPSHIRE_COUNCIL, 'Executive Director of Health, Well-being & Integration'],
      [SHROPSHIRE_COUNCIL, 'Cabinet Member for Early Years, Children, Young People and Education'],
      [SHROPSHIRE_COUNCIL, 'Local Authority Legal Representative'],
      [ICB, 'Chief Nursing Officer'],
      [POLICE, 'Local Policing Commander'],
      [POLICE, 'D/Superintendent Vulnerability & Safeguarding'],
      [SCHT, 'Head of Childrens Safeguarding'],
      [SCHT, 'Operational Lead for Childrens Community Services'],
      [SATH, 'Director of Nursing and Quality'],
      [RJAH, 'Named Nurse for Safeguarding'],
      [MPFT, 'Head of Strategic Safeguarding'],
      [ICB, 'Designated Nurse for Safeguarding Children', 'MEMBER', 'Chair of the Local Child Safeguarding Practice Review Panel'],
      [GP, 'GP Safeguarding Lead'],
      [EDUCATION_BOARD, null, 'MEMBER', 'Representatives of educational & early years settings/sectors'],
      [FIRE, 'Area Manager'],
      [SSCP, 'SSCP Business Manager'],
      [NPS, 'Head of Local Delivery Unit'],
      [YJS, 'Head of Service'],
    ],
    source: cite(D001, 'Relevant Agencies (Organisation/Sector and Role table)'),
  },

  // ---- 003 Appendix A: Telford & Wrekin Safeguarding Partnership --------------------------------
  {
    table: '003 Telford & Wrekin Safeguarding Partnership',
    bodyId: 'telford-and-wrekin.safeguarding-partnership',
    list: 'Children',
    rows: [
      [TW_INDEPENDENT_CHAIR, 'Independent Chair', 'CHAIR'],
      [TW_COUNCIL, 'Director of Children and Adult Services'],
      [TW_COUNCIL, 'Assistant Director: Adult Social Care'],
      [TW_COUNCIL, 'Assistant Director Children Safeguarding and Early Help'],
      [TW_COUNCIL, 'Assistant Director: Health, Wellbeing and Public Protection'],
      [TW_COUNCIL, 'Assistant Director: Education and Corporate Parenting'],
      [TW_COUNCIL, 'Service Delivery Manager Community Social Work and Safeguarding'],
      [TW_COUNCIL, 'Local Authority Legal Representative'],
      [TW_COUNCIL, 'Lead Member for Children & Adults, Early Help & Support'],
      [POLICE, 'Local Policing Commander Representative'],
      [SCHT, 'Safeguarding Lead for Telford and Wrekin'],
      [SATH, 'Director of Nursing and Quality'],
      [MPFT, 'Head of Strategic Safeguarding'],
      [ICB, 'Executive Nurse, Lead for Quality & Safety', 'MEMBER', 'T&W Clinical Commissioning Group (now the ICB)'],
      [GP, 'GP Safeguarding Lead'],
      ['shropshire-partners-in-care', 'Chief Officer'],
      [NPS, 'Head of Service', 'MEMBER', 'West Mercia National Probation Service'],
      [CRC, 'Head of Service'],
      [TELFORD_COLLEGE, 'Further Education Representative'],
      [HEALTHWATCH, 'Chair of Healthwatch'],
      ['wrekin-housing-trust', 'General Manager'],
      [CHIEF_OFFICER_GROUP, 'CEO Taking Part'],
      ['care-quality-commission', 'Inspection Manager'],
      [TW_EDUCATION, 'Private Early Years representative'],
      [TW_EDUCATION, 'Primary School and Team Safeguarding Voice© representative'],
      [TW_EDUCATION, 'Secondary School representative'],
      [TW_EDUCATION, 'Special School representative'],
      [TW_EDUCATION, 'Academy School representative'],
      [TW_EDUCATION, 'Further Education representative'],
      [NPS, 'National Probation Service (NPS) Representative', 'MEMBER', 'Probation'],
      [CRC, 'Community Rehabilitation Company (CRC) representative', 'MEMBER', 'Probation'],
      [YJS, null, 'MEMBER', 'West Mercia Youth Justice Team (YJT)'],
      ['cafcass', null, 'MEMBER', 'Children & Family Court Advisory and Support Service (CAFCASS)'],
      [CHIEF_OFFICER_GROUP, 'Chief Officer Group Representative', 'MEMBER', 'Voluntary'],
    ],
    source: APP_A('Telford & Wrekin Safeguarding Partnership, Membership (Children table)'),
  },
  {
    table: '003 Telford & Wrekin Safeguarding Partnership (Virtual Members)',
    bodyId: 'telford-and-wrekin.safeguarding-partnership',
    list: 'Virtual Members',
    rows: [[AMBULANCE, 'Head of Clinical Practice', 'VIRTUAL_MEMBER']],
    source: APP_A('Telford & Wrekin Safeguarding Partnership, Membership (Virtual Members)'),
  },

  // ---- Safeguarding Partnership Executive --------------------------------------------------------
  {
    table: '003 Safeguarding Partnership Executive',
    bodyId: 'telford-and-wrekin.executive',
    rows: [
      [TW_INDEPENDENT_CHAIR, 'Safeguarding Partnership Chair, Independent'],
      [TW_COUNCIL, "Director of Children's Services and Director of Adult Social Services"],
      [TW_COUNCIL, 'Assistant Director Adult Social Services'],
      [TW_COUNCIL, 'Assistant Director Children Safeguarding and Early Help'],
      [POLICE, 'Telford & Wrekin Local Policing Area Commander'],
      [POLICE, 'Local Policing Chief Superintendent Telford and Shropshire'],
      [ICB, 'Chief Officer, Telford & Wrekin CCG'],
      [ICB, 'Deputy Chief Officer, Telford & Wrekin CCG'],
    ],
    source: APP_A('Safeguarding Partnership Executive, Membership'),
  },

  // ---- Children Review, Learning & Training Group ------------------------------------------------
  {
    table: '003 Children Review, Learning & Training Group',
    bodyId: 'telford-and-wrekin.childrens-review-learning-and-training-group',
    rows: [
      [TW_COUNCIL, 'Legal Services'],
      [TW_COUNCIL, 'Assistant Director Children Safeguarding and Early Help'],
      [ICB, 'Designated Paediatric Doctor, Telford & Wrekin CCG'],
      [SCHT, 'Named Nurse for Safeguarding Children'],
      [SATH, 'Named Nurse for Safeguarding Children & Young People'],
      [MPFT, null],
      [CRC, 'Head of Service'],
      [POLICE, 'Major Crime & Strategic PVP Unit'],
      [TW_COUNCIL, 'Service Delivery Manager, Child Protection and Family Support'],
      [TW_COUNCIL, 'Group Manager – Access and Inclusion'],
      [ICB, 'Designated Nurse for Safeguarding Children, Telford & Wrekin CCG'],
    ],
    source: APP_A('Children Review, Learning & Training Group, Membership'),
  },
  {
    table: '003 Children Review, Learning & Training Group (Virtual Members)',
    bodyId: 'telford-and-wrekin.childrens-review-learning-and-training-group',
    list: 'Virtual Members',
    rows: [[NPS, null, 'VIRTUAL_MEMBER', 'National Probation Service, West Mercia']],
    source: APP_A('Children Review, Learning & Training Group, Membership (Virtual Members)'),
  },

  // ---- Adult Review, Learning & Training Group ---------------------------------------------------
  {
    table: '003 Adult Review, Learning & Training Group',
    bodyId: 'telford-and-wrekin.adults-review-learning-and-training-group',
    rows: [
      [TW_COUNCIL, 'Assistant Director: Adult Social Care'],
      [MPFT, null],
      [ICB, 'Named Nurse, Adult Safeguarding, Telford & Wrekin CCG'],
      [TW_COUNCIL, 'Safeguarding & Case Management, Early Help & Support'],
      [TW_COUNCIL, 'Safeguarding Adult Board Legal Advisor'],
      [HEALTHWATCH, null],
      [SATH, null],
      [SCHT, null],
      [POLICE, null],
      [TW_HOUSING, null, 'MEMBER', 'Housing'],
    ],
    source: APP_A('Adult Review, Learning & Training Group, Membership'),
  },

  // ---- Thematic working groups -------------------------------------------------------------------
  {
    table: '003 Neglect',
    bodyId: 'telford-and-wrekin.neglect',
    rows: [
      [ICB, 'Named GP, Telford & Wrekin CCG'],
      [TW_COUNCIL, 'Principal Social Worker'],
      [TW_COUNCIL, 'Team Leader: Community Early Help'],
      [TW_COUNCIL, 'Team Manager, Children in Care Team'],
      [TW_COUNCIL, 'Group Manager, Child Protection and Assessment'],
      [TW_COUNCIL, 'Independent Reviewing Officer'],
      [ICB, 'Designated Nurse for Safeguarding Children and Young People for Telford & Wrekin, CCG'],
      [POLICE, 'Protecting Vulnerable People Unit Manager, Telford'],
      [YJS, 'Telford Operations Manager'],
      [SCHT, 'Named Nurse for Safeguarding Children & Young People'],
      [SATH, 'Named Midwife'],
      [SATH, 'Named Nurse Safeguarding'],
      [TW_COUNCIL, 'Early Years & Childcare Consultant Team Leader'],
      [TW_COUNCIL, "Team Leader: Disabled Children's Team"],
      [TW_COUNCIL, 'Public Health'],
      [SSSFT, null],
      [TW_COUNCIL, 'Group Manager: Access & Inclusion'],
      [TELFORD_COLLEGE, 'Further Education Representative'],
      [TW_COUNCIL, 'Housing Representative'],
    ],
    source: APP_A('Thematic Working Groups and Sub-Groups, Neglect'),
  },
  {
    table: '003 Exploitation (Adults)',
    bodyId: 'telford-and-wrekin.exploitation',
    list: 'Adults',
    rows: [
      [POLICE, null],
      [TW_COUNCIL, 'Service Delivery Manager Community Case Work and Safeguarding'],
      [TW_COUNCIL, 'Service Delivery Manager: Cohesion'],
      [TELFORD_COLLEGE, null],
      [ICB, null, 'MEMBER', 'Telford & Wrekin Clinical Commissioning Group'],
      [MPFT, null],
      [SCHT, null],
      [SATH, null],
      [TW_COUNCIL, 'Commissioning Specialist – Mental Health and Advocacy'],
      [TW_HOUSING, null, 'MEMBER', 'Housing'],
      [NPS, null],
      [CRC, null],
      [TW_PARTNERSHIP_TEAM, 'Partnership Development Officer'],
      [TW_PARTNERSHIP_TEAM, 'Partnership CSE Co-ordinator'],
    ],
    source: APP_A('Thematic Working Groups and Sub-Groups, Exploitation (Adults)'),
  },
  {
    table: '003 Exploitation (Children)',
    bodyId: 'telford-and-wrekin.exploitation',
    list: 'Children',
    rows: [
      [POLICE, 'Chief Inspector'],
      [POLICE, 'Detective Inspector'],
      [TW_COUNCIL, 'Strategic Lead for CSE and Missing'],
      [TW_COUNCIL, 'Service Delivery Manager, Family Connect'],
      [POLICE, 'Exploitation and Vulnerability Trainer'],
      [TW_COUNCIL, 'Service Delivery Manager: Cohesion'],
      [TW_COUNCIL, 'Lead Officer for Vulnerable Learners'],
      [TELFORD_COLLEGE, 'Director of Services to Students, Marketing and Admissions'],
      [ICB, 'Designated Nurse for Safeguarding Children, Telford & Wrekin CCG'],
      [MPFT, 'Named Nurse for Safeguarding Children'],
      [SCHT, 'Nurse Specialist for Safeguarding Children'],
      [SATH, 'Named Nurse for Safeguarding Children & Young People'],
      [TW_COUNCIL, 'Senior Public Health Commissioner, Health and Well-being'],
      [TW_COUNCIL, 'Service Delivery Manager: Housing'],
      [SSSFT, 'Sexual Health Services'],
      // The row names no agency; the CPSG table places the 0-25 emotional health service (BeeU) in MPFT.
      [
        MPFT,
        'Service Manager, Emotional Health and Wellbeing Service 0-25',
        'MEMBER',
        "Agency not named in the row; BeeU (0-25) is MPFT's service (003 CPSG membership)",
      ],
      [YJS, 'Head of Service'],
      [NPS, 'Deputy Head of Service'],
      [CRC, 'Assistant Chief Officer'],
      ['paediatric-sarc-service', null],
    ],
    source: APP_A('Thematic Working Groups and Sub-Groups, Exploitation (Children)'),
  },
  {
    table: '003 Domestic Abuse',
    bodyId: 'telford-and-wrekin.domestic-violence-and-abuse',
    rows: [
      [TW_COUNCIL, 'Public Health'],
      [POLICE, null],
      [TW_COUNCIL, 'Strategic Safeguarding Lead for Domestic Abuse'],
      [TW_COUNCIL, 'Safeguarding and Case Management'],
      [TW_COUNCIL, 'Service Delivery Manager, Family Connect'],
      [TW_COUNCIL, 'Early Help & Support'],
      [MPFT, 'Service and Clinical Lead'],
      [TW_COUNCIL, 'Housing, Nuplace & Commercial Projects'],
      [TW_COUNCIL, 'Community Safety Team'],
      [TW_COUNCIL, 'Public Health Practitioner'],
      [TW_COUNCIL, 'Education and Corporate Parenting'],
      [ICB, null, 'MEMBER', 'Telford & Wrekin Clinical Commissioning Group'],
      [MPFT, null],
      [SCHT, null],
      [SATH, null, 'MEMBER', 'Shrewsbury & Telford Hospital NHS Trust (children)'],
      [SATH, null, 'MEMBER', 'Shrewsbury & Telford Hospital NHS Trust (adults)'],
      [AMBULANCE, null],
      [FIRE, null],
      ['west-mercia-womens-aid', null],
      ['shropshire-domestic-abuse-service', null],
      [CRC, null, 'MEMBER', 'West Mercia Community Rehabilitation Company'],
      [YJS, null],
      [NPS, null, 'MEMBER', 'West Mercia National Probation Service'],
      [TW_COUNCIL, 'Research and Intelligence'],
    ],
    source: APP_A('Thematic Working Groups and Sub-Groups, Domestic Abuse'),
  },

  // ---- Corporate Parenting Strategic Group -------------------------------------------------------
  {
    table: '003 Corporate Parenting Strategic Group',
    bodyId: 'telford-and-wrekin.corporate-parenting-strategic-group',
    rows: [
      [TW_COUNCIL, 'Director of Children & Adult Services', 'CHAIR'],
      [TW_COUNCIL, "Assistant Director: Children's Safeguarding and Specialist Services"],
      [TW_COUNCIL, 'Assistant Director: Education and Corporate Parenting'],
      [TW_COUNCIL, 'Assistant Director: Adult Social Care'],
      [TW_COUNCIL, 'Service Delivery Manager: Pupil Support Services'],
      [TW_COUNCIL, 'Virtual School Headteacher'],
      [ICB, 'Executive Lead for Commissioning, Telford & Wrekin CCG'],
      [TW_COUNCIL, 'Interim Service Delivery Manager: Family Placements, Children in Care, Leaving Care & Inclusion Support'],
      [ICB, 'Designated Nurse for Looked after Children, Telford & Wrekin CCG'],
      [SCHT, 'Named Nurse for Safeguarding Children'],
      [SCHT, 'Community Paediatrician and Designated Doctor for Looked After Children'],
      [TW_COUNCIL, 'Service Delivery Manager: Housing, Nuplace & Commercial Projects'],
      [MPFT, 'Service Manager BeeU (0-25years)'],
      [FOSTER_CARERS, 'Foster Carer Association Chair'],
      [FOSTER_CARERS, null],
      [TW_COUNCIL, 'Team Manager: Independent Reviewing Officers'],
      [TW_COUNCIL, 'Lead Cabinet Member for Children, Young People & Education'],
      [CARE_LEAVERS, 'Care Leaver Representative'],
    ],
    source: APP_A('Corporate Parenting Strategic Group, Membership'),
  },
];

/**
 * Seats from the documents' text, not a table: who attends the combined LSP forum and the DSP
 * Executive (000 "Shropshire Childrens Safeguarding Partnership arrangement and structures"; 001
 * "Governance", "Structure"). The documents list Shropshire's DSPs only, so Telford & Wrekin's are
 * not seated on the forum.
 */
export const membershipsFromText: MembershipTableSeed[] = [
  {
    table: 'Combined LSP forum (000, 001 text)',
    bodyId: 'joint.lsp-forum',
    rows: [
      [SHROPSHIRE_COUNCIL, null, 'MEMBER', 'Lead Safeguarding Partner (Shropshire)'],
      [ICB, null, 'MEMBER', 'Lead Safeguarding Partner (Shropshire and Telford & Wrekin)'],
      [POLICE, null, 'MEMBER', 'Lead Safeguarding Partner (Shropshire and Telford & Wrekin)'],
      [TW_COUNCIL, null, 'MEMBER', 'Lead Safeguarding Partner (Telford & Wrekin)'],
      [SHROPSHIRE_COUNCIL, 'Executive Director of People', 'MEMBER', 'Delegated Safeguarding Partner, attends'],
      [ICB, 'Chief Nursing Officer', 'MEMBER', 'Delegated Safeguarding Partner, attends'],
      [POLICE, 'Local Policing Commander', 'MEMBER', 'Delegated Safeguarding Partner, attends'],
      [SH_SCRUTINEER, 'Independent Scrutineer', 'MEMBER', 'Independent Scrutineer, attends'],
      [TW_INDEPENDENT_CHAIR, 'Independent Chair', 'MEMBER', 'Independent scrutiny for Telford & Wrekin, attends'],
    ],
    source: cite(D000, 'Shropshire Childrens Safeguarding Partnership arrangement and structures: Lead Safeguarding Partners (also 001 "Governance")'),
  },
  {
    table: 'Shropshire DSP Executive (001 text)',
    bodyId: 'shropshire.dsp-executive',
    rows: [
      [SHROPSHIRE_COUNCIL, 'Executive Director of People'],
      [ICB, 'Chief Nursing Officer'],
      [POLICE, 'Local Policing Commander'],
      [SH_SCRUTINEER, 'Independent Scrutineer'],
    ],
    source: cite(D001, 'Structure (the DSPs meet as an Executive quarterly with the Independent Scrutineer)'),
  },
];

/** Chairs the documents name, outside the membership tables. */
export const namedChairs: MembershipTableSeed[] = [
  {
    table: 'Shropshire Safeguarding Children Partnership chair (001)',
    bodyId: 'shropshire.safeguarding-children-partnership',
    startDate: '2024-10-01',
    // An 18-month rotation from the partnership's start; 001 names the current chair only.
    endDate: '2026-03-31',
    rows: [[SHROPSHIRE_COUNCIL, 'Executive Director of People', 'CHAIR', 'Tanya Miles; term end inferred from the 18-month rotation']],
    source: cite(
      D001,
      'Structure ("chaired by a DSP Lead on an 18-month rotational basis; the current chair is Tanya Miles, Executive Director of People, Shropshire Council")',
    ),
  },
  {
    table: "Children's Case Review Group chair (000, 001)",
    bodyId: 'shropshire.childrens-case-review-group',
    rows: [[ICB, 'Designated Nurse for Safeguarding Children', 'CHAIR', 'Chair of the Local Child Safeguarding Practice Review Panel (001 Relevant Agencies)']],
    source: cite(D000, 'Structure ("Chaired by ICB"; the post from 001 Relevant Agencies)'),
  },
  {
    table: 'Tackling Exploitation Group chair (000, 001)',
    bodyId: 'shropshire.tackling-exploitation-group',
    rows: [[POLICE, null, 'CHAIR']],
    source: cite(D000, 'Structure ("Chaired by West Mercia Police")'),
  },
  {
    table: 'Strategic Governing Group chair (002)',
    bodyId: 'shropshire.strategic-governing-group',
    rows: [[SH_SCRUTINEER, 'Independent Scrutineer', 'CHAIR', 'Ivan Powell, Independent Chair and Scrutineer']],
    source: cite(D002, 'Foreword from the Independent Chair; What is Shropshire Safeguarding Community Partnership?'),
  },
];

/** Other titles the documents give the same post. */
export const postAliases: { organisationId: string; title: string; alsoKnownAs: string[] }[] = [
  { organisationId: SHROPSHIRE_COUNCIL, title: 'Executive Director of People', alsoKnownAs: ['Director of People', 'Executive Director for People'] },
  { organisationId: POLICE, title: 'Local Policing Commander', alsoKnownAs: ['Local Commander Shropshire', 'Local Policing Area Shropshire Commander'] },
  { organisationId: SH_SCRUTINEER, title: 'Independent Scrutineer', alsoKnownAs: ['Independent Chair and Scrutineer'] },
];
