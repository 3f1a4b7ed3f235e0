/**
 * Training seed data: SYNTHETIC. The seeds say what the programme is (informed by reviews, audits,
 * inspections and section 11 audits; based on the West Midlands regional procedures; delivered as
 * e-learning, face to face, virtual, conferences, case studies and action learning; evaluated by
 * feedback, practice audits, supervision and practice changes: 001), but publish no course list,
 * dates or numbers. So course titles are written by hand to fit the shared themes, and sessions,
 * bookings, feedback and impact evidence are generated with a fixed faker seed: the same data on
 * every machine. Every record says synthetic: true.
 *
 * Organisation ids and sectors refer to services/membership/seed/organisations.ts.
 */
import { faker } from '@faker-js/faker';
import { addDays, isoDate } from '@safeguarding/subgraph-runtime';
import type { SourceCitation } from '@safeguarding/packs';
import { THEME_IDS } from '@safeguarding/vocabulary';
import type { DeliveryMethod, ImpactEvidenceKind, LearningSource, OrganisationSector, TrainingAudience, TrainingLevel } from '../rules/vocabulary';
import type { RegionalProcedureChapterValue } from '../entities';

export const TRAINING_SEED = 20250124;
/** Sessions before this date have attendance and feedback recorded; later ones are still open. */
export const SEED_REFERENCE_DATE = '2026-09-30';
/** Financial years 2023/24 to 2026/27. */
const FIRST_SESSION_DATE = '2023-04-01';
const LAST_SESSION_DATE = '2027-03-31';

const D001 = '001_129f8b945aaf429a.txt';
const D003 = '003_b1549964c7b91fcb.txt';
const D004 = '004_b6751091e751e5aa.txt';
const synthetic = (document: string, section: string): SourceCitation => ({ document, section, synthetic: true });

export const PARTNERSHIP_SOURCES: Record<string, SourceCitation> = {
  shropshire: synthetic(D001, 'Local safeguarding practice reviews and embedding learning (learning and development programme)'),
  'telford-and-wrekin': synthetic(D003, 'Review, Learning & Training Group'),
  solihull: synthetic(D004, 'What is the Safeguarding Children Partnership? (learning culture)'),
};
const JOINT_SOURCE = synthetic(D001, 'Combined Shropshire and Telford & Wrekin arrangements; learning and development programme');

// ------------------------------------------------------------------------------------------------
// Agencies that book (ids and sectors from the organisation registry)
// ------------------------------------------------------------------------------------------------

export const AGENCY_SECTORS: Record<string, OrganisationSector> = {
  'shropshire-council': 'LOCAL_AUTHORITY',
  'telford-and-wrekin-council': 'LOCAL_AUTHORITY',
  'solihull-mbc': 'LOCAL_AUTHORITY',
  'shropshire-telford-and-wrekin-icb': 'HEALTH_COMMISSIONER',
  'birmingham-and-solihull-icb': 'HEALTH_COMMISSIONER',
  'west-mercia-police': 'POLICE',
  'west-midlands-police': 'POLICE',
  'shropshire-community-health-nhs-trust': 'HEALTH_PROVIDER',
  'shrewsbury-and-telford-hospital-nhs-trust': 'HEALTH_PROVIDER',
  'midlands-partnership-nhs-foundation-trust': 'HEALTH_PROVIDER',
  'west-midlands-ambulance-service': 'HEALTH_PROVIDER',
  'general-practice': 'PRIMARY_CARE',
  'shropshire-education-partnership-board': 'EDUCATION',
  'telford-college': 'EDUCATION',
  'telford-and-wrekin-education': 'EDUCATION',
  'national-probation-service': 'PROBATION',
  'west-mercia-youth-justice-service': 'YOUTH_JUSTICE',
  'shropshire-fire-and-rescue-service': 'FIRE_AND_RESCUE',
  'wrekin-housing-trust': 'HOUSING',
  'shropshire-partners-in-care': 'VOLUNTARY_AND_COMMUNITY',
  'west-mercia-womens-aid': 'VOLUNTARY_AND_COMMUNITY',
  cafcass: 'OTHER_PUBLIC_SERVICE',
};

const AGENCIES_BY_PARTNERSHIP: Record<string, string[]> = {
  shropshire: [
    'shropshire-council',
    'shropshire-telford-and-wrekin-icb',
    'west-mercia-police',
    'shropshire-community-health-nhs-trust',
    'shrewsbury-and-telford-hospital-nhs-trust',
    'midlands-partnership-nhs-foundation-trust',
    'general-practice',
    'shropshire-education-partnership-board',
    'national-probation-service',
    'west-mercia-youth-justice-service',
    'shropshire-fire-and-rescue-service',
    'shropshire-partners-in-care',
  ],
  'telford-and-wrekin': [
    'telford-and-wrekin-council',
    'shropshire-telford-and-wrekin-icb',
    'west-mercia-police',
    'shrewsbury-and-telford-hospital-nhs-trust',
    'midlands-partnership-nhs-foundation-trust',
    'general-practice',
    'telford-college',
    'telford-and-wrekin-education',
    'wrekin-housing-trust',
    'west-mercia-womens-aid',
    'national-probation-service',
    'west-mercia-youth-justice-service',
  ],
  solihull: [
    'solihull-mbc',
    'west-midlands-police',
    'birmingham-and-solihull-icb',
    'west-midlands-ambulance-service',
    'general-practice',
    'cafcass',
    'national-probation-service',
  ],
};

// ------------------------------------------------------------------------------------------------
// Courses (hand-written; themes from packages/vocabulary, chapters of the regional procedures)
// ------------------------------------------------------------------------------------------------

const CHILD_PROTECTION = 'west-midlands-regional-child-protection-procedures';
const LCSPR_FRAMEWORK = 'west-midlands-lcspr-learning-framework';
const SECTION_11 = 'west-midlands-section-11-audit-arrangements';
const chapter = (procedureId: string, title: string): RegionalProcedureChapterValue => ({ procedureId, title });

export interface CourseSeed {
  id: string;
  title: string;
  summary: string;
  partnershipIds: string[];
  themeIds: string[];
  regionalProcedureChapters: RegionalProcedureChapterValue[];
  audience: TrainingAudience;
  level: TrainingLevel;
  informedBy: LearningSource[];
  deliveryMethods: DeliveryMethod[];
  source: SourceCitation;
}

type CourseDraft = Omit<CourseSeed, 'source'>;

const drafts: CourseDraft[] = [
  {
    id: 'shropshire.neglect-recognising-and-responding',
    title: 'Neglect: recognising and responding',
    summary: 'Spotting cumulative neglect early, using the neglect toolkit, and escalating when help is not changing things.',
    partnershipIds: ['shropshire'],
    themeIds: ['neglect', 'early-help', 'professional-curiosity'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Neglect'), chapter(CHILD_PROTECTION, 'Early Help')],
    audience: 'CHILDREN_AND_FAMILIES_WORKFORCE',
    level: 'FOUNDATION',
    informedBy: ['SAFEGUARDING_PRACTICE_REVIEW', 'MULTI_AGENCY_CASE_FILE_AUDIT'],
    deliveryMethods: ['FACE_TO_FACE', 'VIRTUAL', 'E_LEARNING'],
  },
  {
    id: 'shropshire.exploitation-and-missing-children',
    title: 'Exploitation and children who go missing',
    summary: 'Criminal and sexual exploitation, county lines and the link with going missing; return home interviews and disruption.',
    partnershipIds: ['shropshire'],
    themeIds: ['exploitation', 'missing-children'],
    regionalProcedureChapters: [
      chapter(CHILD_PROTECTION, 'Child Sexual Exploitation'),
      chapter(CHILD_PROTECTION, 'Child Criminal Exploitation'),
      chapter(CHILD_PROTECTION, 'Children who Run Away or Go Missing from Home or Care'),
    ],
    audience: 'CHILDREN_AND_FAMILIES_WORKFORCE',
    level: 'ADVANCED',
    informedBy: ['PARTNERSHIP_PRIORITY', 'SAFEGUARDING_PRACTICE_REVIEW'],
    deliveryMethods: ['FACE_TO_FACE', 'CONFERENCE', 'CASE_STUDY'],
  },
  {
    id: 'shropshire.self-neglect-and-hoarding',
    title: 'Self-neglect and hoarding',
    summary: 'Working with adults who self-neglect: engagement, mental capacity and the multi-agency self-neglect approach.',
    partnershipIds: ['shropshire'],
    themeIds: ['self-neglect', 'mental-capacity'],
    regionalProcedureChapters: [],
    audience: 'ADULTS_WORKFORCE',
    level: 'FOUNDATION',
    informedBy: ['SAFEGUARDING_PRACTICE_REVIEW'],
    deliveryMethods: ['VIRTUAL', 'ACTION_LEARNING'],
  },
  {
    id: 'shropshire.safe-sleep-and-bruising-in-babies',
    title: 'Safe sleep and bruising in non-mobile babies',
    summary: 'Safer sleep conversations with parents and the protocol for bruising or marks on babies who cannot move independently.',
    partnershipIds: ['shropshire'],
    themeIds: ['safe-sleep-and-infants'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Bruising and Injuries in Non-Mobile Children')],
    audience: 'CHILDREN_AND_FAMILIES_WORKFORCE',
    level: 'AWARENESS',
    informedBy: ['SAFEGUARDING_PRACTICE_REVIEW', 'NATIONAL_PRIORITY'],
    deliveryMethods: ['E_LEARNING', 'VIRTUAL'],
  },
  {
    id: 'shropshire.section-11-safeguarding-leads',
    title: 'Section 11 self-assessment for safeguarding leads',
    summary: 'Completing the regional section 11 / S175 audit and turning its findings into an agency action plan.',
    partnershipIds: ['shropshire'],
    themeIds: ['multi-agency-working'],
    regionalProcedureChapters: [chapter(SECTION_11, 'Section 11 self-assessment')],
    audience: 'MANAGERS_AND_SUPERVISORS',
    level: 'SPECIALIST',
    informedBy: ['SECTION_11_AUDIT'],
    deliveryMethods: ['VIRTUAL', 'ACTION_LEARNING'],
  },
  {
    id: 'joint.domestic-abuse-and-children',
    title: 'Domestic abuse: its impact on children and adults at risk',
    summary: 'Risk assessment (DASH), MARAC referral and hearing the child in households where there is domestic abuse.',
    partnershipIds: ['shropshire', 'telford-and-wrekin'],
    themeIds: ['domestic-abuse', 'voice-of-the-child'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Domestic Abuse')],
    audience: 'WHOLE_WORKFORCE',
    level: 'FOUNDATION',
    informedBy: ['SAFEGUARDING_PRACTICE_REVIEW', 'PARTNERSHIP_PRIORITY', 'INSPECTION'],
    deliveryMethods: ['FACE_TO_FACE', 'VIRTUAL', 'E_LEARNING'],
  },
  {
    id: 'joint.learning-from-practice-reviews',
    title: 'Learning from local child safeguarding practice reviews',
    summary: 'Annual conference on what Shropshire and Telford & Wrekin reviews found and what changed: information sharing and escalation.',
    partnershipIds: ['shropshire', 'telford-and-wrekin'],
    themeIds: ['information-sharing', 'multi-agency-working', 'professional-curiosity'],
    regionalProcedureChapters: [
      chapter(LCSPR_FRAMEWORK, 'Dissemination of learning'),
      chapter(CHILD_PROTECTION, 'Resolving Professional Differences (Escalation)'),
    ],
    audience: 'WHOLE_WORKFORCE',
    level: 'ADVANCED',
    informedBy: ['SAFEGUARDING_PRACTICE_REVIEW', 'MULTI_AGENCY_CASE_FILE_AUDIT'],
    deliveryMethods: ['CONFERENCE', 'CASE_STUDY'],
  },
  {
    id: 'telford-and-wrekin.neglect-thematic-practice',
    title: 'Neglect in practice: the Telford & Wrekin approach',
    summary: "Thresholds of need from Vulnerable to Acute, the neglect thematic group's tools and Team Around the Family.",
    partnershipIds: ['telford-and-wrekin'],
    themeIds: ['neglect', 'early-help'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Neglect'), chapter(CHILD_PROTECTION, 'Early Help')],
    audience: 'CHILDREN_AND_FAMILIES_WORKFORCE',
    level: 'FOUNDATION',
    informedBy: ['PARTNERSHIP_PRIORITY', 'MULTI_AGENCY_CASE_FILE_AUDIT'],
    deliveryMethods: ['FACE_TO_FACE', 'E_LEARNING'],
  },
  {
    id: 'telford-and-wrekin.exploitation-adults-and-children',
    title: 'Exploitation of adults and children',
    summary: "Recognising exploitation across the life course, modern slavery and the exploitation thematic group's pathway.",
    partnershipIds: ['telford-and-wrekin'],
    themeIds: ['exploitation'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Child Criminal Exploitation'), chapter(CHILD_PROTECTION, 'Child Sexual Exploitation')],
    audience: 'WHOLE_WORKFORCE',
    level: 'ADVANCED',
    informedBy: ['PARTNERSHIP_PRIORITY', 'INSPECTION'],
    deliveryMethods: ['FACE_TO_FACE', 'CASE_STUDY', 'VIRTUAL'],
  },
  {
    id: 'telford-and-wrekin.mental-capacity-in-adult-safeguarding',
    title: 'Mental capacity and adult safeguarding enquiries',
    summary: 'Applying the Mental Capacity Act in section 42 enquiries and making safeguarding personal.',
    partnershipIds: ['telford-and-wrekin'],
    themeIds: ['mental-capacity', 'organisational-abuse'],
    regionalProcedureChapters: [],
    audience: 'ADULTS_WORKFORCE',
    level: 'FOUNDATION',
    informedBy: ['SAFEGUARDING_PRACTICE_REVIEW'],
    deliveryMethods: ['VIRTUAL', 'E_LEARNING'],
  },
  {
    id: 'telford-and-wrekin.parental-mental-health-and-substance-misuse',
    title: 'Parental mental health and substance misuse',
    summary: 'The toxic trio: working with parents whose mental health or drug and alcohol use affects their children.',
    partnershipIds: ['telford-and-wrekin'],
    themeIds: ['mental-health', 'substance-misuse'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Parents with Mental Health Problems'), chapter(CHILD_PROTECTION, 'Parental Substance Misuse')],
    audience: 'CHILDREN_AND_FAMILIES_WORKFORCE',
    level: 'ADVANCED',
    informedBy: ['MULTI_AGENCY_CASE_FILE_AUDIT'],
    deliveryMethods: ['ACTION_LEARNING', 'CASE_STUDY'],
  },
  {
    id: 'solihull.voice-of-the-child',
    title: 'Hearing the voice of the child',
    summary: "Capturing children's wishes, feelings and lived experience in assessments and plans.",
    partnershipIds: ['solihull'],
    themeIds: ['voice-of-the-child'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Child Protection Enquiries (Section 47)')],
    audience: 'CHILDREN_AND_FAMILIES_WORKFORCE',
    level: 'FOUNDATION',
    informedBy: ['INSPECTION', 'SAFEGUARDING_PRACTICE_REVIEW'],
    deliveryMethods: ['FACE_TO_FACE', 'VIRTUAL'],
  },
  {
    id: 'solihull.child-sexual-abuse-in-the-family',
    title: 'Child sexual abuse in the family environment',
    summary: 'Recognising and responding to intra-familial child sexual abuse, and the paediatric assessment pathway.',
    partnershipIds: ['solihull'],
    themeIds: ['child-sexual-abuse'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Child Sexual Abuse')],
    audience: 'CHILDREN_AND_FAMILIES_WORKFORCE',
    level: 'ADVANCED',
    informedBy: ['NATIONAL_PRIORITY'],
    deliveryMethods: ['FACE_TO_FACE', 'CASE_STUDY'],
  },
  {
    id: 'solihull.information-sharing-and-escalation',
    title: 'Information sharing and professional challenge',
    summary: 'When and how to share information without consent, and escalating disagreements between agencies.',
    partnershipIds: ['solihull'],
    themeIds: ['information-sharing', 'multi-agency-working'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Information Sharing'), chapter(CHILD_PROTECTION, 'Resolving Professional Differences (Escalation)')],
    audience: 'WHOLE_WORKFORCE',
    level: 'AWARENESS',
    informedBy: ['SAFEGUARDING_PRACTICE_REVIEW', 'SECTION_11_AUDIT'],
    deliveryMethods: ['E_LEARNING', 'VIRTUAL'],
  },
  {
    id: 'solihull.serious-violence-and-young-people',
    title: 'Serious violence and young people',
    summary: 'Knife crime, contextual safeguarding and the serious violence duty for practitioners working with adolescents.',
    partnershipIds: ['solihull'],
    themeIds: ['serious-violence', 'exploitation'],
    regionalProcedureChapters: [chapter(CHILD_PROTECTION, 'Safeguarding Children Affected by Gang Activity and Serious Youth Violence')],
    audience: 'CHILDREN_AND_FAMILIES_WORKFORCE',
    level: 'ADVANCED',
    informedBy: ['PARTNERSHIP_PRIORITY'],
    deliveryMethods: ['CONFERENCE', 'FACE_TO_FACE'],
  },
];

export const courses: CourseSeed[] = drafts.map((draft) => ({
  ...draft,
  source: draft.partnershipIds.length > 1 ? JOINT_SOURCE : PARTNERSHIP_SOURCES[draft.partnershipIds[0]!]!,
}));

for (const course of courses) {
  const unknown = course.themeIds.filter((themeId) => !THEME_IDS.has(themeId));
  if (unknown.length > 0) throw new Error(`Course ${course.id} uses themes outside the shared vocabulary: ${unknown.join(', ')}`);
}

// ------------------------------------------------------------------------------------------------
// Generated sessions, bookings, feedback and impact evidence
// ------------------------------------------------------------------------------------------------

export interface SessionSeed {
  id: string;
  courseId: string;
  heldOn: string;
  deliveryMethod: DeliveryMethod;
  capacity: number;
  feedbackResponses: number | null;
  feedbackRatingTotal: number | null;
  feedbackWillChangePractice: number | null;
  source: SourceCitation;
}

export interface BookingSeed {
  id: string;
  sessionId: string;
  organisationId: string;
  organisationSector: OrganisationSector;
  places: number;
  attendedPlaces: number | null;
  bookedOn: string;
}

export interface ImpactEvidenceSeed {
  id: string;
  courseId: string;
  partnershipId: string;
  kind: ImpactEvidenceKind;
  recordedOn: string;
  summary: string;
  source: SourceCitation;
}

/** Typical room sizes: e-learning and conferences are large, action learning sets small. */
const CAPACITY_RANGE: Record<DeliveryMethod, [number, number]> = {
  E_LEARNING: [80, 120],
  CONFERENCE: [100, 150],
  FACE_TO_FACE: [16, 30],
  VIRTUAL: [25, 40],
  CASE_STUDY: [12, 20],
  ACTION_LEARNING: [8, 12],
};

const EVIDENCE_SUMMARIES: Record<ImpactEvidenceKind, string> = {
  PRACTICE_AUDIT: "Multi-agency case file audit found the course's tools used in most sampled cases.",
  SUPERVISION: 'Supervision records show practitioners applying the learning to open cases.',
  PRACTICE_CHANGE: 'An agency changed its procedure after attending, recorded in its action plan.',
};

export interface TrainingSeedData {
  sessions: SessionSeed[];
  bookings: BookingSeed[];
  impactEvidence: ImpactEvidenceSeed[];
}

/** Generates the same sessions, bookings and evidence every time (fixed faker seed). */
export function generateTrainingSeed(): TrainingSeedData {
  faker.seed(TRAINING_SEED);
  const sessions: SessionSeed[] = [];
  const bookings: BookingSeed[] = [];
  const impactEvidence: ImpactEvidenceSeed[] = [];
  for (const course of courses) {
    const agencies = [...new Set(course.partnershipIds.flatMap((partnershipId) => AGENCIES_BY_PARTNERSHIP[partnershipId] ?? []))];
    const sessionCount = faker.number.int({ min: 4, max: 8 });
    for (let index = 0; index < sessionCount; index += 1) {
      const heldOn = isoDate(faker.date.between({ from: `${FIRST_SESSION_DATE}T00:00:00Z`, to: `${LAST_SESSION_DATE}T00:00:00Z` }));
      const deliveryMethod = faker.helpers.arrayElement(course.deliveryMethods);
      const [minimum, maximum] = CAPACITY_RANGE[deliveryMethod];
      const capacity = faker.number.int({ min: minimum, max: maximum });
      const delivered = heldOn < SEED_REFERENCE_DATE;
      const session: SessionSeed = {
        id: faker.string.uuid(),
        courseId: course.id,
        heldOn,
        deliveryMethod,
        capacity,
        feedbackResponses: null,
        feedbackRatingTotal: null,
        feedbackWillChangePractice: null,
        source: course.source,
      };
      let placesLeft = faker.number.int({ min: Math.floor(capacity * 0.5), max: capacity });
      let attendances = 0;
      for (const organisationId of faker.helpers.arrayElements(agencies, { min: 2, max: Math.min(agencies.length, 8) })) {
        if (placesLeft === 0) break;
        const places = Math.min(placesLeft, faker.number.int({ min: 1, max: Math.max(1, Math.floor(capacity / 6)) }));
        placesLeft -= places;
        const attendedPlaces = delivered ? places - faker.number.int({ min: 0, max: Math.min(1, places) }) : null;
        attendances += attendedPlaces ?? 0;
        bookings.push({
          id: faker.string.uuid(),
          sessionId: session.id,
          organisationId,
          organisationSector: AGENCY_SECTORS[organisationId]!,
          places,
          attendedPlaces,
          bookedOn: addDays(heldOn, -faker.number.int({ min: 7, max: 60 })),
        });
      }
      if (delivered && attendances > 0) {
        const responses = faker.number.int({ min: Math.ceil(attendances / 2), max: attendances });
        session.feedbackResponses = responses;
        session.feedbackRatingTotal = faker.number.int({ min: responses * 3, max: responses * 5 });
        session.feedbackWillChangePractice = faker.number.int({ min: Math.floor(responses / 2), max: responses });
      }
      sessions.push(session);
    }
    for (const partnershipId of course.partnershipIds) {
      const delivered = sessions.filter((session) => session.courseId === course.id && session.heldOn < SEED_REFERENCE_DATE);
      for (let index = 0; index < faker.number.int({ min: 0, max: 2 }) && delivered.length > 0; index += 1) {
        const after = faker.helpers.arrayElement(delivered);
        const kind = faker.helpers.arrayElement(['PRACTICE_AUDIT', 'SUPERVISION', 'PRACTICE_CHANGE'] as const);
        impactEvidence.push({
          id: faker.string.uuid(),
          courseId: course.id,
          partnershipId,
          kind,
          recordedOn: addDays(after.heldOn, faker.number.int({ min: 30, max: 180 })),
          summary: EVIDENCE_SUMMARIES[kind],
          source: course.source,
        });
      }
    }
  }
  return { sessions, bookings, impactEvidence };
}
