/**
 * Every agency / organisation named in the seed documents (sources/ at the repository root), each ONCE and
 * shared across partnerships. `source` cites the seed file and section where the organisation is
 * first named (files read in index order 000 -> 004); alternative spellings used by the documents
 * are kept in `alsoKnownAs` so membership tables can be matched to one id.
 *
 * Rows in the documents' "Organisation/Sector" columns that name a sector rather than an agency
 * ("GP", "Education", "Housing", "Independent Scrutineer", "Independent Chair") are modelled as
 * sector-representative organisations so every membership row has an organisation to point at.
 */
import type { OrganisationSeed, SourceCitation } from '@safeguarding/packs';

const D000 = '000_102c8c08933b906a.txt';
const D001 = '001_129f8b945aaf429a.txt';
const D003 = '003_b1549964c7b91fcb.txt';
const D004 = '004_b6751091e751e5aa.txt';

const cite = (document: string, section: string): SourceCitation => ({ document, section });

const S000_LSP = cite(D000, 'Shropshire Childrens Safeguarding Partnership arrangement and structures: Lead Safeguarding Partners (opening paragraphs)');
const S000_FOOTER = cite(D000, 'Page footer (partner logos)');
const S001_RA = cite(D001, 'Relevant Agencies (Organisation/Sector and Role table)');
const S003_APPA_SP = cite(D003, 'Appendix A – Terms of Reference: Telford & Wrekin Safeguarding Partnership, Membership (Children table)');

export const organisations: OrganisationSeed[] = [
  // ---- Statutory / lead safeguarding partners -------------------------------------------------
  {
    id: 'shropshire-council',
    name: 'Shropshire Council',
    sector: 'LOCAL_AUTHORITY',
    source: S000_LSP,
  },
  {
    id: 'shropshire-telford-and-wrekin-icb',
    name: 'Shropshire, Telford & Wrekin Integrated Care Board',
    sector: 'HEALTH_COMMISSIONER',
    alsoKnownAs: [
      'Shropshire, Telford & Wrekin ICB',
      'Shropshire, Telford and Wrekin Integrated Care Board',
      'Shropshire and Telford & Wrekin Integrated Care Board (ICB)',
      'ST&W ICB',
      'Shropshire Telford and Wrekin Integrated Care System',
      'NHS Shropshire, Telford & Wrekin Integrated Care Systems (ICS)',
      // Telford & Wrekin's statutory health partner in 003 (2019) was the CCG, since succeeded by the ICB.
      'Telford & Wrekin CCG',
      'Telford & Wrekin Clinical Commissioning Group',
      'Telford and Wrekin Clinical Commissioning Group',
      'Telford & Wrekin NHS Clinical Commissioning group',
      'T&W Clinical Commissioning Group',
    ],
    source: S000_LSP,
  },
  {
    id: 'west-mercia-police',
    name: 'West Mercia Police',
    sector: 'POLICE',
    alsoKnownAs: ['West Merica Police'],
    source: S000_LSP,
  },
  {
    id: 'telford-and-wrekin-council',
    name: 'Telford & Wrekin Council',
    sector: 'LOCAL_AUTHORITY',
    source: cite(D003, 'Foreword'),
  },
  {
    id: 'solihull-mbc',
    name: 'Solihull Metropolitan Borough Council',
    sector: 'LOCAL_AUTHORITY',
    alsoKnownAs: ['Solihull MBC'],
    source: cite(D004, 'What is the Safeguarding Children Partnership? (Lead Safeguarding Partners list)'),
  },
  {
    id: 'west-midlands-police',
    name: 'West Midlands Police',
    sector: 'POLICE',
    source: cite(D004, 'What is the Safeguarding Children Partnership? (Lead Safeguarding Partners list)'),
  },
  {
    id: 'birmingham-and-solihull-icb',
    name: 'Birmingham and Solihull Integrated Care Board',
    sector: 'HEALTH_COMMISSIONER',
    alsoKnownAs: ['Birmingham and Solihull ICB'],
    source: cite(D004, 'What is the Safeguarding Children Partnership? (Lead Safeguarding Partners list)'),
  },

  // ---- Named in 000 (page footer / site navigation) ------------------------------------------
  {
    id: 'warwickshire-and-west-mercia-crc',
    name: 'Warwickshire and West Mercia Community Rehabilitation Company',
    sector: 'PROBATION',
    alsoKnownAs: [
      'Warwickshire and West Mercia Community Rehabilitation',
      'West Mercia & Warwickshire Community Rehabilitation Company',
      'Warwickshire, West Mercia Community Rehabilitation Company',
      'West Mercia Community Rehabilitation Company',
      'Community Rehabilitation Company (CRC)',
    ],
    source: S000_FOOTER,
  },
  {
    id: 'shropshire-fire-and-rescue-service',
    name: 'Shropshire Fire and Rescue Service',
    sector: 'FIRE_AND_RESCUE',
    alsoKnownAs: ['Shropshire Fire & Rescue', 'Shropshire Fire and Rescue'],
    source: S000_FOOTER,
  },
  {
    id: 'sscp-business-unit',
    name: 'SSCP Business Unit',
    sector: 'PARTNERSHIP_BUSINESS_UNIT',
    alsoKnownAs: ['Shropshire Safeguarding Community Partnership (SSCP)', 'Shropshire Safeguarding Community Partnership Business Unit'],
    source: cite(D000, 'Site navigation: About us > Meet the business unit; Contact the Business Unit'),
  },
  {
    id: 'shropshire-domestic-abuse-service',
    name: 'Shropshire Domestic Abuse Service',
    // The documents do not say who provides the service; OTHER_PUBLIC_SERVICE is a classification choice.
    sector: 'OTHER_PUBLIC_SERVICE',
    source: cite(D000, 'Site navigation: Partnership Priority Areas > Local Domestic Abuse Partnership Board > Shropshire Domestic Abuse Service'),
  },

  // ---- Named in 001's relevant agencies table ---------------------------------------------------
  {
    id: 'shropshire-independent-scrutineer',
    name: 'Independent Scrutineer (Shropshire)',
    sector: 'INDEPENDENT',
    alsoKnownAs: ['Independent Scrutineer', 'Independent Chair and Scrutineer'],
    source: S001_RA,
  },
  {
    id: 'shropshire-community-health-nhs-trust',
    name: 'Shropshire Community Health NHS Trust',
    sector: 'HEALTH_PROVIDER',
    alsoKnownAs: ['Shropshire Community NHS Health Trust', 'Shropshire Community NHS Trust'],
    source: S001_RA,
  },
  {
    id: 'shrewsbury-and-telford-hospital-nhs-trust',
    name: 'Shrewsbury and Telford Hospital NHS Trust',
    sector: 'HEALTH_PROVIDER',
    alsoKnownAs: ['Shrewsbury and Telford NHS Hospital Trust', 'Shrewsbury & Telford Hospital NHS Trust', 'Shropshire and Telford Hospitals NHS Trust'],
    source: S001_RA,
  },
  {
    id: 'robert-jones-and-agnes-hunt-orthopaedic-hospital',
    name: 'Robert Jones & Agnes Hunt Orthopaedic Hospital',
    sector: 'HEALTH_PROVIDER',
    source: S001_RA,
  },
  {
    id: 'midlands-partnership-nhs-foundation-trust',
    name: 'Midlands Partnership NHS Foundation Trust',
    sector: 'HEALTH_PROVIDER',
    alsoKnownAs: ['Midlands Partnership NHS foundation Trust', 'Midlands Partnership Foundation NHS Trust', 'Midlands Partnership Foundation Trust'],
    source: S001_RA,
  },
  {
    id: 'general-practice',
    name: 'GP (general practice)',
    sector: 'PRIMARY_CARE',
    alsoKnownAs: ['GP'],
    source: S001_RA,
  },
  {
    id: 'shropshire-education-partnership-board',
    name: 'Education Partnership Board',
    sector: 'EDUCATION',
    alsoKnownAs: ['Representatives of educational & early years settings/sectors'],
    source: S001_RA,
  },
  {
    id: 'national-probation-service',
    name: 'National Probation Service',
    sector: 'PROBATION',
    alsoKnownAs: ['West Mercia National Probation Service', 'National Probation Service, West Mercia', 'National Probation Service (NPS)'],
    source: S001_RA,
  },
  {
    id: 'west-mercia-youth-justice-service',
    name: 'West Mercia Youth Justice Service',
    sector: 'YOUTH_JUSTICE',
    alsoKnownAs: ['West Mercia Youth Justice Team (YJT)', 'YJT'],
    source: S001_RA,
  },

  // ---- Named in 003 (Telford & Wrekin) ----------------------------------------------------------
  {
    id: 'ofsted',
    name: 'Ofsted',
    sector: 'OTHER_PUBLIC_SERVICE',
    alsoKnownAs: ['OFSTED'],
    source: cite(D003, 'Strategic Arrangements For Partners to Work Together'),
  },
  {
    id: 'child-safeguarding-practice-review-panel',
    name: 'Child Safeguarding Practice Review Panel (national)',
    sector: 'OTHER_PUBLIC_SERVICE',
    alsoKnownAs: ['National Child Safeguarding Panel', 'national Child Safeguarding Practice Review Panel'],
    source: cite(D003, 'Introduction'),
  },
  {
    id: 'telford-and-wrekin-partnership-team',
    name: 'Partnership Team (Telford & Wrekin Safeguarding Partnership)',
    sector: 'PARTNERSHIP_BUSINESS_UNIT',
    alsoKnownAs: ['Partnership Team'],
    source: cite(D003, 'Partnership Support and Management'),
  },
  {
    id: 'telford-and-wrekin-independent-chair',
    name: 'Independent Chair (Telford & Wrekin Safeguarding Partnership)',
    sector: 'INDEPENDENT',
    alsoKnownAs: ['Independent Chair', 'Safeguarding Partnership Chair, Independent'],
    source: S003_APPA_SP,
  },
  {
    id: 'shropshire-partners-in-care',
    name: 'Shropshire Partners In Care',
    sector: 'VOLUNTARY_AND_COMMUNITY',
    source: S003_APPA_SP,
  },
  {
    id: 'telford-college',
    name: 'Telford College',
    sector: 'EDUCATION',
    source: S003_APPA_SP,
  },
  {
    id: 'healthwatch',
    name: 'Healthwatch',
    sector: 'VOLUNTARY_AND_COMMUNITY',
    source: S003_APPA_SP,
  },
  {
    id: 'wrekin-housing-trust',
    name: 'Wrekin Housing Trust',
    sector: 'HOUSING',
    source: S003_APPA_SP,
  },
  {
    id: 'chief-officer-group',
    name: 'Chief Officer Group',
    sector: 'VOLUNTARY_AND_COMMUNITY',
    alsoKnownAs: ['Chief Officer Group Representative'],
    source: S003_APPA_SP,
  },
  {
    id: 'taking-part',
    name: 'Taking Part',
    sector: 'VOLUNTARY_AND_COMMUNITY',
    source: S003_APPA_SP,
  },
  {
    id: 'care-quality-commission',
    name: 'Care Quality Commission',
    sector: 'OTHER_PUBLIC_SERVICE',
    source: S003_APPA_SP,
  },
  {
    id: 'telford-and-wrekin-education',
    name: 'Education (Telford & Wrekin schools and settings)',
    sector: 'EDUCATION',
    alsoKnownAs: ['Education'],
    source: S003_APPA_SP,
  },
  {
    id: 'cafcass',
    name: 'Children & Family Court Advisory and Support Service (CAFCASS)',
    sector: 'OTHER_PUBLIC_SERVICE',
    alsoKnownAs: ['CAFCASS'],
    source: S003_APPA_SP,
  },
  {
    id: 'west-midlands-ambulance-service',
    name: 'West Midlands Ambulance Service',
    sector: 'HEALTH_PROVIDER',
    source: cite(D003, 'Appendix A – Terms of Reference: Telford & Wrekin Safeguarding Partnership, Membership (Virtual Members)'),
  },
  {
    id: 'telford-and-wrekin-housing',
    name: 'Housing (Telford & Wrekin sector representative)',
    sector: 'HOUSING',
    alsoKnownAs: ['Housing'],
    source: cite(D003, 'Appendix A – Terms of Reference: Adult Review, Learning & Training Group, Membership'),
  },
  {
    id: 'south-staffordshire-and-shropshire-foundation-trust',
    name: 'South Staffordshire & Shropshire Foundation Trust',
    sector: 'HEALTH_PROVIDER',
    alsoKnownAs: ['Shropshire and South Staffordshire NHS Trust'],
    source: cite(D003, 'Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Neglect membership'),
  },
  {
    id: 'paediatric-sarc-service',
    name: 'Paediatric SARC Service',
    sector: 'HEALTH_PROVIDER',
    source: cite(D003, 'Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Exploitation (Children) membership'),
  },
  {
    id: 'west-mercia-womens-aid',
    name: "West Mercia Women's Aid",
    sector: 'VOLUNTARY_AND_COMMUNITY',
    source: cite(D003, 'Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Domestic Abuse membership'),
  },
  {
    id: 'foster-carer-association',
    name: 'Foster Carer Association',
    // 003 lists it as "Independent" in the agency column.
    sector: 'INDEPENDENT',
    source: cite(D003, 'Appendix A – Terms of Reference: Corporate Parenting Strategic Group, Membership'),
  },
  {
    // The CPSG table seats a "Care Leaver Representative" without naming an organisation.
    id: 'telford-and-wrekin-care-leavers',
    name: 'Care leavers (Telford & Wrekin representative)',
    sector: 'VOLUNTARY_AND_COMMUNITY',
    alsoKnownAs: ['Care Leaver Representative'],
    source: cite(D003, 'Appendix A – Terms of Reference: Corporate Parenting Strategic Group, Membership'),
  },
];
