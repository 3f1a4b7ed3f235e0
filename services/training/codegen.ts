import { subgraphCodegenConfig } from '@safeguarding/codegen-preset';

/** Resolver types generated from schema/ (the SDL, one file per area), so the SDL stays the one source of truth. */
export default subgraphCodegenConfig({
  contextType: '../context#TrainingContext',
  mappers: {
    Course: '../entities#CourseEntity',
    TrainingSession: '../entities#TrainingSessionEntity',
    TrainingBooking: '../entities#TrainingBookingEntity',
    ImpactEvidence: '../entities#ImpactEvidenceEntity',
    Partnership: '../resolvers/references#PartnershipReference',
    Theme: '../resolvers/references#ThemeReference',
    Organisation: '../resolvers/references#OrganisationReference',
    TrainingProgramme: '../resolvers/references#TrainingProgrammeParent',
    TrainingReach: '../rules/training-reach#TrainingReachFigures',
    AgencyReach: '../rules/training-reach#AgencyReachFigures',
    LearningCoverage: '../resolvers/references#LearningCoverageParent',
    ThemeCoverage: '../rules/learning-coverage#ThemeCoverageFigures',
    PartnershipComparison: '@safeguarding/federated-keys#ComparisonKey',
    AgendaCandidates: '../resolvers/agenda-candidates#AgendaCandidatesParent',
  },
});
