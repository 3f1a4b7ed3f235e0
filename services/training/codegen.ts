import { subgraphCodegenConfig } from '@safeguarding/codegen-preset';

/** Resolver types generated from schema/ (the SDL, one file per area) and the contract types it serves; parent types from models.ts. */
export default subgraphCodegenConfig({
  contextType: '../context#TrainingContext',
  mappers: {
    Course: '../models#CourseEntity',
    ExpectedTrainingSession: '../models#ExpectedTrainingSessionParent',
    TrainingSession: '../models#TrainingSessionEntity',
    TrainingBooking: '../models#TrainingBookingEntity',
    TrainingSessionChange: '../models#TrainingSessionChangeEntity',
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
