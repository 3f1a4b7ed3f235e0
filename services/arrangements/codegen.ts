import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver types generated from schema.graphql, so the SDL stays the one source of truth. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context#ArrangementsContext',
        scalars: { Date: 'string' },
        enumsAsTypes: true,
        mappers: {
          Partnership: '../entities#PartnershipEntity',
          Body: '../entities#BodyEntity',
          LeadSafeguardingPartner: '../entities#LeadSafeguardingPartnerEntity',
          ArrangementDocument: '../entities#ArrangementDocumentEntity',
          Budget: '../entities#BudgetEntity',
          BudgetContribution: '../entities#BudgetContributionEntity',
          StatutoryFunction: '../entities#StatutoryFunctionEntity',
          RegionalProcedure: '../entities#RegionalProcedureEntity',
          RegionalProcedureAdoption: '../entities#RegionalProcedureAdoptionEntity',
          Meeting: '../entities#MeetingEntity',
          StrategicPriority: '../entities#StrategicPriorityEntity',
          SuccessStatement: '../entities#SuccessStatementEntity',
          SuccessMeasurement: '../entities#SuccessMeasurementEntity',
          StrategicAction: '../entities#StrategicActionEntity',
          StrategicActionPlan: '../resolvers/strategic-plan#StrategicActionPlanParent',
          SuccessTarget: '../resolvers/strategic-plan#SuccessTargetParent',
          PartnershipComparison: '../resolvers/comparison#PartnershipComparisonParent',
          Agenda: '../resolvers/agenda#AgendaParent',
          AgendaItem: '../entities#AgendaItemEntity',
          AgendaVersion: '../entities#AgendaVersionEntity',
          AgendaCandidates: '../resolvers/agenda-candidates#AgendaCandidatesParent',
          ActionNotes: '../resolvers/action-notes#ActionNotesParent',
          RegionalProcedureChapter: '../entities#RegionalProcedureChapterEntity',
          AgendaSubject: '../resolvers/agenda#AgendaSubjectParent',
          Review: '../resolvers/agenda#EntityReference',
          Theme: '../resolvers/agenda#EntityReference',
          ThresholdModel: '../resolvers/agenda#EntityReference',
          PaperworkClock: '../resolvers/meeting#PaperworkClockParent',
          ChairRule: '@safeguarding/seed-types#ChairRuleSeed',
          QuorumRule: '@safeguarding/seed-types#QuorumRuleSeed',
          MeetingFrequency: '@safeguarding/seed-types#MeetingFrequencySeed',
          Organisation: '../resolvers/organisation-reference#OrganisationReference',
          SourceCitation: '@safeguarding/seed-types#SourceCitation as SourceCitationSeed',
        },
      },
    },
  },
};
export default config;
