import type { SourceCitation } from '@safeguarding/packs';
import type { FrontDoor, MappingConfidence, ThresholdResponse } from '../entities';

/**
 * The threshold models the documents describe. Telford & Wrekin's four levels are read from 003
 * ("Safeguarding Children Arrangements"). Shropshire's and Solihull's level names are not in the
 * seeds: their levels are modelled as four numbered levels, each marked `verified: false` with a
 * provenance that says so, never presented as the documents' own words.
 */

const D003 = '003_b1549964c7b91fcb.txt';
const D004 = '004_b6751091e751e5aa.txt';
const cite = (document: string, section: string, synthetic = false): SourceCitation => ({ document, section, ...(synthetic ? { synthetic } : {}) });

/** Facts from public pages outside the seeds, as the domain brief records them. */
const SHROPSHIRE_THRESHOLD_DOCUMENT =
  'Multi-agency guidance on Threshold Criteria to help support Children, Young People and their Families in Shropshire — Accessing the Right Service at the Right Time';
const DUDLEY_PUBLIC_PAGE = 'Dudley Safeguarding Children Partnership threshold guidance (2021), public page (recorded in DOMAIN.md, "Outside the seeds")';

export interface RegionalLevelSeed {
  id: string;
  rank: number;
  name: string;
  description: string;
  provenance: string;
  source: SourceCitation;
}

const REGIONAL_PROVENANCE =
  "A platform-defined West Midlands scale modelled on the four numbered levels neighbouring partnerships use (Dudley, 2021); not a scale the partnerships have adopted. It exists so levels can be compared; each partnership's own document still governs.";

export const regionalLevels: RegionalLevelSeed[] = [
  {
    id: 'level-1',
    rank: 1,
    name: 'Level 1: Universal support',
    description: 'Needs met by universal services (schools, GPs, health visitors) that children and families use directly.',
    provenance: REGIONAL_PROVENANCE,
    source: cite(DUDLEY_PUBLIC_PAGE, 'Level 1 Universal support'),
  },
  {
    id: 'level-2',
    rank: 2,
    name: 'Level 2: Additional support (single agency)',
    description: 'Additional needs one agency can meet, with the family, alongside universal services.',
    provenance: REGIONAL_PROVENANCE,
    source: cite(DUDLEY_PUBLIC_PAGE, 'Level 2 Additional support (single agency)'),
  },
  {
    id: 'level-3',
    rank: 3,
    name: 'Level 3: Multiple needs (multi-agency)',
    description: 'Children with multiple needs that call for a coordinated multi-agency response.',
    provenance: REGIONAL_PROVENANCE,
    source: cite(DUDLEY_PUBLIC_PAGE, 'Level 3 Children with multiple needs (multi-agency)'),
  },
  {
    id: 'level-4',
    rank: 4,
    name: 'Level 4: Acute needs (statutory or specialist intervention)',
    description: "Acute needs that call for statutory or specialist intervention, led by children's social care.",
    provenance: REGIONAL_PROVENANCE,
    source: cite(DUDLEY_PUBLIC_PAGE, 'Level 4 Acute needs, statutory/specialist intervention'),
  },
];

export interface IndicatorSeed {
  text: string;
  source: SourceCitation;
}

export interface CrosswalkSeed {
  regionalLevelIds: string[];
  rationale: string;
  confidence: MappingConfidence;
  source: SourceCitation;
}

export interface LevelSeed {
  code: string;
  rank: number;
  name: string;
  descriptor: string | null;
  responses: ThresholdResponse[];
  assessmentRequired: string | null;
  ledBy: string | null;
  verified: boolean;
  provenance: string;
  indicators: IndicatorSeed[];
  crosswalk: CrosswalkSeed;
  source: SourceCitation;
}

export interface ThresholdModelSeed {
  id: string;
  partnershipId: string;
  title: string;
  documentVersion: string | null;
  approvedOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  verified: boolean;
  provenance: string;
  frontDoor: FrontDoor | null;
  levels: LevelSeed[];
  source: SourceCitation;
}

// ------------------------------------------------------------------------------------------------
// Telford & Wrekin (003, "Safeguarding Children Arrangements")
// ------------------------------------------------------------------------------------------------

const TW_THRESHOLDS = cite(D003, 'Safeguarding Children Arrangements ("The thresholds of need and intervention are")');
const TW_INDICATOR = (level: string) =>
  cite(
    D003,
    `Safeguarding Children Arrangements (${level}); the document's wording, with "that be met" read as "that can be met" and "care is comprised" as "care is compromised"`,
  );
const TW_CROSSWALK = (note: string) => cite(D003, `Safeguarding Children Arrangements; regional mapping is a platform judgement (${note})`, true);

const telfordAndWrekin: ThresholdModelSeed = {
  id: 'telford-and-wrekin.2019',
  partnershipId: 'telford-and-wrekin',
  title: 'Telford & Wrekin multi-agency safeguarding arrangements and thresholds (2019)',
  documentVersion: null,
  approvedOn: null,
  effectiveFrom: '2019-06-01',
  effectiveTo: null,
  verified: true,
  provenance:
    'Levels as 003 states them: "In 2019, Telford & Wrekin Children\'s Safeguarding Board approved revised multiagency safeguarding arrangements and thresholds." No approval date is given (approvedOn is null); effectiveFrom is the arrangements document\'s date, "June 2019" (month only, recorded as the first of the month).',
  frontDoor: {
    name: 'Family Connect',
    kind: 'Multi-agency safeguarding hub (MASH)',
    servesChildren: true,
    servesAdults: true,
    description:
      'Family Connect is the first point of contact for both children and adult safeguarding concerns, whether identified by a member of the public or a professional.',
    source: cite(D003, 'Safeguarding Children Arrangements (multi-agency safeguarding hub (MASH) "Family Connect")'),
  },
  source: TW_THRESHOLDS,
  levels: [
    {
      code: 'universal',
      rank: 1,
      name: 'Universal',
      descriptor:
        'children with no identified additional needs and children with additional needs that be met by receiving support by a single agency practitioner and family members. Children, young people, parents and carers can access universal services directly.',
      responses: ['UNIVERSAL_SERVICES'],
      assessmentRequired: null,
      ledBy: 'A single agency practitioner, with family members',
      verified: true,
      provenance: 'Name and descriptor verbatim from 003; no assessment is named for this level.',
      source: TW_THRESHOLDS,
      indicators: [
        { text: 'Children with no identified additional needs.', source: TW_INDICATOR('Universal') },
        {
          text: 'Children with additional needs that can be met by support from a single agency practitioner and family members.',
          source: TW_INDICATOR('Universal'),
        },
        { text: 'Children, young people, parents and carers can access universal services directly.', source: TW_INDICATOR('Universal') },
      ],
      crosswalk: {
        regionalLevelIds: ['level-1', 'level-2'],
        rationale:
          'Universal covers both children with no additional needs (regional Level 1) and children whose additional needs a single agency practitioner can meet with the family (regional Level 2), so it straddles the two.',
        confidence: 'MEDIUM',
        source: TW_CROSSWALK('Universal'),
      },
    },
    {
      code: 'vulnerable',
      rank: 2,
      name: 'Vulnerable',
      descriptor:
        'children with additional needs that be met by "Early Help" single agency or multi-agency response, and Early Help Assessment would need to be completed.',
      responses: ['SINGLE_AGENCY_EARLY_HELP', 'MULTI_AGENCY_EARLY_HELP', 'EARLY_HELP_ASSESSMENT'],
      assessmentRequired: 'Early Help Assessment',
      ledBy: 'Early Help (single agency or multi-agency)',
      verified: true,
      provenance: 'Name and descriptor verbatim from 003.',
      source: TW_THRESHOLDS,
      indicators: [
        {
          text: 'Children with additional needs that can be met by an Early Help single agency or multi-agency response; an Early Help Assessment would need to be completed.',
          source: TW_INDICATOR('Vulnerable'),
        },
      ],
      crosswalk: {
        regionalLevelIds: ['level-2', 'level-3'],
        rationale:
          'Vulnerable may be met by a single agency Early Help response (regional Level 2) or a multi-agency one (regional Level 3), with an Early Help Assessment either way, so it straddles the two.',
        confidence: 'MEDIUM',
        source: TW_CROSSWALK('Vulnerable'),
      },
    },
    {
      code: 'complex',
      rank: 3,
      name: 'Complex',
      descriptor:
        'children and young people whose needs are not being met and care is comprised. This will require a multiagency response met by both Early Help and target support services. An Early Help Assessment and "Team Around the Family" will be required.',
      responses: ['MULTI_AGENCY_EARLY_HELP', 'TARGETED_SUPPORT', 'EARLY_HELP_ASSESSMENT', 'TEAM_AROUND_THE_FAMILY'],
      assessmentRequired: 'Early Help Assessment and Team Around the Family',
      ledBy: 'Early Help and targeted support services (multi-agency)',
      verified: true,
      provenance: 'Name and descriptor verbatim from 003 ("care is comprised" is the document\'s wording, read as "compromised").',
      source: TW_THRESHOLDS,
      indicators: [
        { text: 'Children and young people whose needs are not being met and whose care is compromised.', source: TW_INDICATOR('Complex') },
        {
          text: 'Needs that require a multi-agency response from both Early Help and targeted support services, with an Early Help Assessment and a Team Around the Family.',
          source: TW_INDICATOR('Complex'),
        },
      ],
      crosswalk: {
        regionalLevelIds: ['level-3'],
        rationale:
          'Complex requires a multi-agency response (Early Help and targeted support, with a Team Around the Family): the regional Level 3 description.',
        confidence: 'HIGH',
        source: TW_CROSSWALK('Complex'),
      },
    },
    {
      code: 'acute',
      rank: 4,
      name: 'Acute',
      descriptor:
        "children with acute and enduring needs at the highest level of vulnerability will be met by children's social care and a multiagency team of early, target and specialist service.",
      responses: ['CHILDRENS_SOCIAL_CARE', 'MULTI_AGENCY_EARLY_HELP', 'TARGETED_SUPPORT', 'SPECIALIST_SERVICES'],
      assessmentRequired: null,
      ledBy: "Children's social care",
      verified: true,
      provenance:
        'Name and descriptor verbatim from 003 (where, unlike the other three, the name is not in bold). 003 names no assessment, and does not say "child in need" or "child protection", so neither is recorded.',
      source: TW_THRESHOLDS,
      indicators: [
        { text: 'Children with acute and enduring needs at the highest level of vulnerability.', source: TW_INDICATOR('Acute') },
        { text: "Needs met by children's social care and a multi-agency team of early, targeted and specialist services.", source: TW_INDICATOR('Acute') },
      ],
      crosswalk: {
        regionalLevelIds: ['level-4'],
        rationale: "Acute is the highest level of vulnerability, met by children's social care with specialist services: the regional Level 4 description.",
        confidence: 'HIGH',
        source: TW_CROSSWALK('Acute'),
      },
    },
  ],
};

// ------------------------------------------------------------------------------------------------
// Shropshire and Solihull: documents named, level names not established
// ------------------------------------------------------------------------------------------------

/** Four numbered levels, each labelled as assumed; mapped one-to-one with LOW confidence. */
function assumedLevels(partnershipName: string, source: SourceCitation): LevelSeed[] {
  return regionalLevels.map((regional) => ({
    code: `level-${regional.rank}`,
    rank: regional.rank,
    name: `Level ${regional.rank}`,
    descriptor: null,
    responses: [],
    assessmentRequired: null,
    ledBy: null,
    verified: false,
    provenance: `Unverified: the seeds do not name ${partnershipName}'s levels. Modelled as the West Midlands pattern of four numbered levels until checked against the threshold document; name, descriptor, responses and lead are not known.`,
    source,
    indicators: [],
    crosswalk: {
      regionalLevelIds: [regional.id],
      rationale: `Assumed: ${partnershipName}'s level names are not established, so numbered level ${regional.rank} is placed on regional ${regional.name} until the document is checked.`,
      confidence: 'LOW',
      source: cite(source.document, `${source.section}; regional mapping assumed, not established`, true),
    },
  }));
}

const SHROPSHIRE_PUBLIC = cite(
  `${SHROPSHIRE_THRESHOLD_DOCUMENT} (March 2017, v2.5), public page (recorded in DOMAIN.md, "Outside the seeds")`,
  'Continuum of need; levels of need and intervention; threshold matrix (level names not established)',
);

const shropshire: ThresholdModelSeed = {
  id: 'shropshire.2017',
  partnershipId: 'shropshire',
  title: SHROPSHIRE_THRESHOLD_DOCUMENT,
  documentVersion: 'v2.5',
  approvedOn: null,
  effectiveFrom: '2017-03-01',
  effectiveTo: null,
  verified: false,
  provenance:
    'Title, version and date from the public threshold document ("March 2017", month only, recorded as the first of the month), which is outside the seeds. 001 (Introduction) says staff "will continue to follow the Safeguarding Children Procedures and Multi-agency Threshold Document and Continuum of Help and Support", so it is still in force. The level names are not established: the four levels are unverified.',
  frontDoor: null,
  source: SHROPSHIRE_PUBLIC,
  levels: assumedLevels('Shropshire', SHROPSHIRE_PUBLIC),
};

const SOLIHULL_SEED = cite(D004, 'What is the Safeguarding Children Partnership? ("all levels of need"; no threshold document named)');

const solihull: ThresholdModelSeed = {
  id: 'solihull.levels-of-need',
  partnershipId: 'solihull',
  title: "Solihull's threshold model of need (document title not established)",
  documentVersion: null,
  approvedOn: null,
  effectiveFrom: null,
  effectiveTo: null,
  verified: false,
  provenance:
    '004 speaks only of "all levels of need"; it names no threshold document, date or levels. Title, dates and level names are not established: the four levels are unverified, and with no start date the model counts as in force on every date.',
  frontDoor: null,
  source: SOLIHULL_SEED,
  levels: assumedLevels('Solihull', SOLIHULL_SEED),
};

export const thresholdModels: ThresholdModelSeed[] = [shropshire, telfordAndWrekin, solihull];
