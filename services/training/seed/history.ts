/**
 * The synthetic history of the training programme: sessions held, places booked by agency,
 * attendance, practitioner feedback and impact evidence. The documents describe the programme
 * (001: informed by reviews, audits, inspections and section 11 audits; delivered as e-learning,
 * face to face, virtual, conferences, case studies and action learning; evaluated by feedback,
 * practice audits, supervision and practice changes) but publish no dates or numbers, so this is
 * generated, after the packs' courses are loaded, and every record says so (provenance synthetic,
 * naming this generator). Each course's history is drawn from its own fixed seed (the course id),
 * so adding a course to a pack never changes another course's history.
 *
 * Which agencies book is the generator's own assumption (organisation ids and sectors from the
 * organisation registry), not a fact of any partnership: it stays here, not in a pack.
 */
import { faker } from '@faker-js/faker';
import { addDays, isoDate } from '@safeguarding/subgraph-runtime';
import { synthetic, type SyntheticProvenance } from '@safeguarding/packs';
import { HISTORY_GENERATOR } from '../operations/pack';
import type { DeliveryMethod, ImpactEvidenceKind, OrganisationSector } from '../rules/vocabulary';

export const TRAINING_SEED = 20250124;
/** Sessions before this date have attendance and feedback recorded; later ones are still open. */
export const SEED_REFERENCE_DATE = '2026-09-30';
/** Financial years 2023/24 to 2026/27. */
const FIRST_SESSION_DATE = '2023-04-01';
const LAST_SESSION_DATE = '2027-03-31';
const GENERATED: SyntheticProvenance = synthetic(HISTORY_GENERATOR);

/** The agencies that book, by sector (ids from the organisation registry). */
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

/** Which agencies book a partnership's courses: the generator's assumption, not a stated fact. */
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

export interface SessionSeed {
  id: string;
  courseId: string;
  heldOn: string;
  deliveryMethod: DeliveryMethod;
  capacity: number;
  feedbackResponses: number | null;
  feedbackRatingTotal: number | null;
  feedbackWillChangePractice: number | null;
  source: SyntheticProvenance;
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
  source: SyntheticProvenance;
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

/** What the generator needs of a course (read back from the rows the packs wrote). */
export interface CourseForHistory {
  id: string;
  partnershipIds: string[];
  deliveryMethods: DeliveryMethod[];
}

/** A number from a course id, so each course's history has its own fixed seed. */
function courseSeed(courseId: string): number {
  let hash = 0;
  for (const character of courseId) hash = (Math.imul(hash, 31) + character.charCodeAt(0)) | 0;
  return hash >>> 0;
}

/** Generates the same sessions, bookings and evidence for the same courses every time (a fixed faker seed per course). */
export function generateTrainingHistory(courses: readonly CourseForHistory[]): TrainingSeedData {
  const sessions: SessionSeed[] = [];
  const bookings: BookingSeed[] = [];
  const impactEvidence: ImpactEvidenceSeed[] = [];
  for (const course of courses) {
    if (course.deliveryMethods.length === 0) continue;
    faker.seed([TRAINING_SEED, courseSeed(course.id)]);
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
        source: GENERATED,
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
          source: GENERATED,
        });
      }
    }
  }
  return { sessions, bookings, impactEvidence };
}
