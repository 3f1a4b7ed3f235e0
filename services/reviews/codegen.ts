import { subgraphCodegenConfig } from '@safeguarding/codegen-preset';

/** Resolver types generated from schema/ (the SDL, one file per area), so the SDL stays the one source of truth. */
export default subgraphCodegenConfig({
  contextType: '../context#ReviewsContext',
  mappers: {
    Review: '../entities#ReviewEntity',
    ReviewKind: '../entities#ReviewKindEntity',
    ReviewClock: '../entities#ReviewClockEntity',
    Theme: '../entities#ThemeEntity',
    LearningPoint: '../entities#LearningPointEntity',
    ActionPlanAction: '../entities#ActionPlanActionEntity',
    ActionPlan: '../models#ReviewPart',
    LearningBriefing: '../models#ReviewPart',
    Partnership: '../models#PartnershipReference',
    Organisation: '../models#OrganisationReference',
    RepeatedTheme: '../models#RepeatedThemeCount',
    PartnershipThemeCount: '../models#PartnershipThemeCount as PartnershipThemeCountModel',
    ReviewKindTimeliness: '../models#ReviewKindTimelinessModel',
    PartnershipComparison: '@safeguarding/federated-keys#ComparisonKey',
    AgendaCandidates: '@safeguarding/federated-keys#AgendaCandidatesKey',
  },
});
