import { allow, hasAnyRole, type IRules } from '@safeguarding/subgraph-runtime';
import { rolesFor } from './rules/training-access';

/**
 * Courses, sessions and programmes are public. Bookings by agency, reach and the coverage gap list
 * need a role that can qualify (shield's coarse check); the resolvers then check the partnership
 * scope with rules/training-access.ts. Anything not listed here is denied.
 */
const publicRead = { '*': allow };

export const permissions: IRules = {
  Query: { course: allow, trainingSession: allow, learningCoverage: hasAnyRole(...rolesFor('readLearningCoverage')) },
  Mutation: {
    bookTrainingPlaces: hasAnyRole(...rolesFor('bookPlaces')),
    recordTrainingAttendance: hasAnyRole(...rolesFor('recordAttendance')),
  },
  // Cells the caller may not read say so (resolvers/partnership-comparison.ts).
  PartnershipComparison: { '*': allow },
  // Gap candidates are filtered per partnership by the caller (resolvers/agenda-candidates.ts).
  AgendaCandidates: { '*': allow },
  AgendaCandidate: { '*': allow },
  PartnershipReviewThemes: { '*': allow },
  ComparisonRow: { '*': allow },
  ComparisonCell: { '*': allow },
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
  Theme: publicRead,
  Course: publicRead,
  CourseProcedureChapter: publicRead,
  PractitionerFeedback: publicRead,
  TrainingBooking: publicRead,
  ImpactEvidence: publicRead,
  TrainingProgramme: publicRead,
  TrainingImpactSummary: publicRead,
  ImpactEvidenceCount: publicRead,
  TrainingReach: publicRead,
  AgencyReach: publicRead,
  SectorReach: publicRead,
  DeliveryMethodShare: publicRead,
  // Reached only after Query.learningCoverage, whose resolver checks the partnership scope.
  LearningCoverage: publicRead,
  ThemeCoverage: publicRead,
  Organisation: publicRead,
  SourceCitation: publicRead,
};
