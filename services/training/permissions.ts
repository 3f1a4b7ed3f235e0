import { allow, hasAnyRole, readableByEveryone, type IRules } from '@safeguarding/subgraph-runtime';
import { rolesFor } from './access';

/**
 * Courses, sessions and programmes are public. Bookings by agency, reach and the coverage gap list
 * need a role that can qualify (shield's coarse check); the resolvers then check the partnership
 * scope with access.ts. Anything not listed here is denied.
 */

export const permissions: IRules = {
  Query: { course: allow, trainingSession: allow, learningCoverage: hasAnyRole(...rolesFor('readLearningCoverage')) },
  Mutation: {
    bookTrainingPlaces: hasAnyRole(...rolesFor('bookPlaces')),
    recordTrainingAttendance: hasAnyRole(...rolesFor('recordAttendance')),
  },
  // Cells the caller may not read say so (operations/comparison.ts).
  PartnershipComparison: readableByEveryone('id', 'training'),
  // Gap candidates are filtered per partnership by the caller (operations/agenda.ts).
  AgendaCandidates: readableByEveryone('id', 'reviewThemesByPartnership', 'learningGaps'),
  AgendaCandidate: readableByEveryone('key', 'partnershipSlug', 'title', 'reason', 'subjectType', 'subjectId'),
  PartnershipReviewThemes: readableByEveryone('partnershipSlug', 'themeIds'),
  ComparisonRow: readableByEveryone('measure', 'unit', 'cells'),
  ComparisonCell: readableByEveryone('partnershipSlug', 'value', 'text', 'missingReason', 'source'),
  Partnership: { id: allow, trainingProgramme: allow, trainingReach: hasAnyRole(...rolesFor('readReach')), reviewThemeIds: allow },
  TrainingSession: {
    id: allow,
    course: allow,
    date: allow,
    deliveryMethod: allow,
    capacity: allow,
    bookedPlaces: allow,
    placesLeft: allow,
    feedback: allow,
    source: allow,
    bookings: hasAnyRole(...rolesFor('readBookings')),
  },
  Theme: readableByEveryone('id', 'courses', 'trainingSessionsSince'),
  Course: readableByEveryone(
    'id',
    'title',
    'summary',
    'themes',
    'regionalProcedureChapters',
    'audience',
    'level',
    'informedBy',
    'offeredBy',
    'sessions',
    'impactEvidence',
    'source',
  ),
  CourseProcedureChapter: readableByEveryone('procedureId', 'title'),
  PractitionerFeedback: readableByEveryone('responses', 'averageRating', 'willChangePracticeShare'),
  TrainingBooking: readableByEveryone('id', 'session', 'organisation', 'organisationSector', 'places', 'attendedPlaces', 'bookedOn', 'synthetic'),
  ImpactEvidence: readableByEveryone('id', 'course', 'partnership', 'kind', 'recordedOn', 'summary', 'source'),
  TrainingProgramme: readableByEveryone('partnership', 'year', 'label', 'from', 'to', 'courses', 'sessions', 'impactSummary', 'synthetic'),
  TrainingImpactSummary: readableByEveryone(
    'sessionsDelivered',
    'placesBooked',
    'attendances',
    'agenciesReached',
    'feedbackResponses',
    'averageRating',
    'impactEvidence',
  ),
  ImpactEvidenceCount: readableByEveryone('kind', 'count'),
  TrainingReach: readableByEveryone(
    'from',
    'to',
    'sessions',
    'capacity',
    'placesBooked',
    'attendances',
    'fillRate',
    'byAgency',
    'bySector',
    'deliveryMethodMix',
  ),
  AgencyReach: readableByEveryone('organisation', 'sector', 'placesBooked', 'attendances', 'sessionsAttended'),
  SectorReach: readableByEveryone('sector', 'agencies', 'placesBooked', 'attendances'),
  DeliveryMethodShare: readableByEveryone('deliveryMethod', 'sessions', 'share', 'attendances'),
  // Reached only after Query.learningCoverage, whose resolver checks the partnership scope.
  LearningCoverage: readableByEveryone('id', 'since', 'partnership', 'themes', 'gaps'),
  ThemeCoverage: readableByEveryone('theme', 'courses', 'sessions', 'addressed'),
  Organisation: readableByEveryone('id'),
  SourceCitation: readableByEveryone('document', 'section', 'synthetic'),
};

/** What the resolvers filter below fields everyone may read (docs/access-inventory.md shows these). */
export const accessNotes: Record<string, string> = {
  ComparisonCell: 'training reach cells the caller may not read are null with a missingReason (operations/comparison.ts).',
  AgendaCandidates: 'learning-gap candidates only for partnerships whose coverage the caller may read (operations/agenda.ts).',
  LearningCoverage: 'reached only through Query.learningCoverage, whose resolver checks the partnership.',
};
