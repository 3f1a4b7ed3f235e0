import { subgraphCodegenConfig } from '@safeguarding/codegen-preset';

/** Resolver types generated from schema.graphql, so the SDL stays the one source of truth; parent types from models.ts. */
export default subgraphCodegenConfig({
  contextType: '../context#TrainingContext',
  mappers: {
    Course: '../models#CourseEntity',
    TrainingSession: '../models#TrainingSessionEntity',
    TrainingBooking: '../models#TrainingBookingEntity',
    ImpactEvidence: '../models#ImpactEvidenceEntity',
    Partnership: '../models#PartnershipReference',
    Theme: '../models#ThemeReference',
    Organisation: '../models#OrganisationReference',
    TrainingProgramme: '../models#TrainingProgrammeParent',
    TrainingReach: '../models#TrainingReachFigures',
    AgencyReach: '../models#AgencyReachFigures',
    LearningCoverage: '../models#LearningCoverageParent',
    ThemeCoverage: '../models#ThemeCoverageFigures',
    PartnershipComparison: '@safeguarding/federated-keys#ComparisonKey',
    AgendaCandidates: '../models#AgendaCandidatesParent',
  },
});
