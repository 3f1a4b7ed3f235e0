import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany, rowsWhereAnyOf } from '@safeguarding/subgraph-runtime';
import {
  AgendaEntity,
  AgendaItemEntity,
  AgendaVersionEntity,
  ArrangementDocumentEntity,
  MeetingActionNotesEntity,
  RegionalProcedureChapterEntity,
  BodyEntity,
  BodyPartnershipEntity,
  BodyRelationshipEntity,
  BodyReportingLineEntity,
  BodyTermsHistoryEntity,
  BudgetContributionEntity,
  BudgetEntity,
  LeadSafeguardingPartnerEntity,
  MeetingEntity,
  PartnershipEntity,
  PopulationFigureEntity,
  StrategicActionEntity,
  StrategicPriorityEntity,
  SuccessMeasurementEntity,
  SuccessStatementEntity,
  RegionalProcedureAdoptionEntity,
  RegionalProcedureEntity,
  StatutoryFunctionEntity,
  StrategicPlanEntity,
  StrategicPriorityVersionEntity,
  SuccessStatementVersionEntity,
  RegionalProcedureAdoptionChapterEntity,
} from './entities';
import { EscalationProcedureEntity, EscalationStepEntity } from './entities/escalation-procedure';

/** Per-request loaders: every relation of this subgraph is one batched query per level. */
export function createLoaders(dataSource: DataSource) {
  const manyByPartnership = <T extends { partnershipId: string }>(entity: new () => T, order: Record<string, 'ASC'>) =>
    loaderOfMany<string, T>(
      (ids) => rowsWhereAnyOf(dataSource, entity, 'partnershipId', ids, Object.keys(order) as (keyof T & string)[]),
      (row) => row.partnershipId,
    );

  const bodyPartnerships = loaderOfMany<string, BodyPartnershipEntity>(
    (bodyIds) => rowsWhereAnyOf(dataSource, BodyPartnershipEntity, 'bodyId', bodyIds),
    (row) => row.bodyId,
  );
  const partnershipBodies = loaderOfMany<string, BodyPartnershipEntity>(
    (partnershipIds) => rowsWhereAnyOf(dataSource, BodyPartnershipEntity, 'partnershipId', partnershipIds),
    (row) => row.partnershipId,
  );

  return {
    partnership: loaderByKey<string, PartnershipEntity>(
      (ids) => rowsWhereAnyOf(dataSource, PartnershipEntity, 'id', ids),
      (row) => row.id,
    ),
    body: loaderByKey<string, BodyEntity>(
      (ids) => rowsWhereAnyOf(dataSource, BodyEntity, 'id', ids),
      (row) => row.id,
    ),
    bodyPartnerships,
    partnershipBodies,
    /** Every reporting line from a body (to its parents), all dates. */
    reportingLinesByBody: loaderOfMany<string, BodyReportingLineEntity>(
      (ids) => rowsWhereAnyOf(dataSource, BodyReportingLineEntity, 'bodyId', ids, ['validFrom', 'parentBodyId']),
      (row) => row.bodyId,
    ),
    /** Every reporting line to a body (from its children), all dates. */
    reportingLinesByParent: loaderOfMany<string, BodyReportingLineEntity>(
      (ids) => rowsWhereAnyOf(dataSource, BodyReportingLineEntity, 'parentBodyId', ids, ['bodyId']),
      (row) => row.parentBodyId,
    ),
    /** A body's earlier terms (before a change from a date); read only for dates before body.termsFrom. */
    bodyTermsHistory: loaderOfMany<string, BodyTermsHistoryEntity>(
      (ids) => rowsWhereAnyOf(dataSource, BodyTermsHistoryEntity, 'bodyId', ids, ['validTo']),
      (row) => row.bodyId,
    ),
    /** Relationships are stored once; each is returned for both of its ends. */
    relationships: loaderOfMany<string, { bodyId: string; relatedBodyId: string }>(
      async (ids) => {
        const rows = await dataSource.getRepository(BodyRelationshipEntity).find({ where: [{ bodyId: In([...ids]) }, { relatedBodyId: In([...ids]) }] });
        return rows.flatMap((row) => [row, { bodyId: row.relatedBodyId, relatedBodyId: row.bodyId }]);
      },
      (row) => row.bodyId,
    ),
    statutoryFunctions: manyByPartnership(StatutoryFunctionEntity, { kind: 'ASC' }),
    leadSafeguardingPartners: manyByPartnership(LeadSafeguardingPartnerEntity, { organisationId: 'ASC' }),
    arrangementDocuments: manyByPartnership(ArrangementDocumentEntity, { title: 'ASC' }),
    budgets: manyByPartnership(BudgetEntity, { financialYear: 'ASC' }),
    adoptionsByPartnership: manyByPartnership(RegionalProcedureAdoptionEntity, { procedureId: 'ASC' }),
    adoptionsByProcedure: loaderOfMany<string, RegionalProcedureAdoptionEntity>(
      (ids) => rowsWhereAnyOf(dataSource, RegionalProcedureAdoptionEntity, 'procedureId', ids, ['partnershipId']),
      (row) => row.procedureId,
    ),
    contributions: loaderOfMany<string, BudgetContributionEntity>(
      (ids) => rowsWhereAnyOf(dataSource, BudgetContributionEntity, 'budgetId', ids, ['organisationId']),
      (row) => row.budgetId,
    ),
    meeting: loaderByKey<string, MeetingEntity>(
      (ids) => rowsWhereAnyOf(dataSource, MeetingEntity, 'id', ids),
      (row) => row.id,
    ),
    /** All of a body's meetings, oldest first; date filters apply in memory (tens per body). */
    meetingsByBody: loaderOfMany<string, MeetingEntity>(
      (ids) => rowsWhereAnyOf(dataSource, MeetingEntity, 'bodyId', ids, ['meetingDate']),
      (row) => row.bodyId,
    ),
    strategicPrioritiesByPartnership: manyByPartnership(StrategicPriorityEntity, { id: 'ASC' }),
    strategicPriority: loaderByKey<string, StrategicPriorityEntity>(
      (ids) => rowsWhereAnyOf(dataSource, StrategicPriorityEntity, 'id', ids),
      (row) => row.id,
    ),
    strategicPrioritiesByBody: loaderOfMany<string, StrategicPriorityEntity>(
      (ids) => rowsWhereAnyOf(dataSource, StrategicPriorityEntity, 'bodyId', ids, ['id']),
      (row) => row.bodyId,
    ),
    successStatementsByPriority: loaderOfMany<string, SuccessStatementEntity>(
      (ids) => rowsWhereAnyOf(dataSource, SuccessStatementEntity, 'priorityId', ids, ['position']),
      (row) => row.priorityId,
    ),
    measurementsByStatement: loaderOfMany<string, SuccessMeasurementEntity>(
      (ids) => rowsWhereAnyOf(dataSource, SuccessMeasurementEntity, 'statementId', ids, ['measuredOn']),
      (row) => row.statementId,
    ),
    strategicActionsByBody: loaderOfMany<string, StrategicActionEntity>(
      (ids) => rowsWhereAnyOf(dataSource, StrategicActionEntity, 'bodyId', ids, ['period', 'heading']),
      (row) => row.bodyId,
    ),
    successStatement: loaderByKey<string, SuccessStatementEntity>(
      (ids) => rowsWhereAnyOf(dataSource, SuccessStatementEntity, 'id', ids),
      (row) => row.id,
    ),
    agenda: loaderByKey<string, AgendaEntity>(
      (ids) => rowsWhereAnyOf(dataSource, AgendaEntity, 'id', ids),
      (row) => row.id,
    ),
    agendaByMeeting: loaderByKey<string, AgendaEntity>(
      (ids) => rowsWhereAnyOf(dataSource, AgendaEntity, 'meetingId', ids),
      (row) => row.meetingId,
    ),
    agendaItems: loaderOfMany<string, AgendaItemEntity>(
      (ids) => rowsWhereAnyOf(dataSource, AgendaItemEntity, 'agendaId', ids, ['position']),
      (row) => row.agendaId,
    ),
    agendaVersions: loaderOfMany<string, AgendaVersionEntity>(
      (ids) => rowsWhereAnyOf(dataSource, AgendaVersionEntity, 'agendaId', ids, ['number']),
      (row) => row.agendaId,
    ),
    actionNotes: loaderByKey<string, MeetingActionNotesEntity>(
      (ids) => rowsWhereAnyOf(dataSource, MeetingActionNotesEntity, 'meetingId', ids),
      (row) => row.meetingId,
    ),
    chapter: loaderByKey<string, RegionalProcedureChapterEntity>(
      (ids) => rowsWhereAnyOf(dataSource, RegionalProcedureChapterEntity, 'id', ids),
      (row) => row.id,
    ),
    chaptersByProcedure: loaderOfMany<string, RegionalProcedureChapterEntity>(
      (ids) => rowsWhereAnyOf(dataSource, RegionalProcedureChapterEntity, 'procedureId', ids, ['number', 'effectiveFrom']),
      (row) => row.procedureId,
    ),
    /** Every regional procedure (there are few); keyed by a constant so it batches like the rest. */
    allProcedures: new DataLoader<string, RegionalProcedureEntity[]>(async (keys) => {
      const procedures = await dataSource.getRepository(RegionalProcedureEntity).find({ order: { id: 'ASC' } });
      return keys.map(() => procedures);
    }),
    procedure: loaderByKey<string, RegionalProcedureEntity>(
      (ids) => rowsWhereAnyOf(dataSource, RegionalProcedureEntity, 'id', ids),
      (row) => row.id,
    ),
    // --- partnership facts (system of record)
    /** Population figures recorded through the API, per partnership, oldest year first. */
    populationFigures: manyByPartnership(PopulationFigureEntity, { year: 'ASC' }),
    // --- meetings and escalation procedures (system of record)
    escalationProceduresByPartnership: manyByPartnership(EscalationProcedureEntity, { title: 'ASC' }),
    escalationStepsByProcedure: loaderOfMany<string, EscalationStepEntity>(
      (ids) => rowsWhereAnyOf(dataSource, EscalationStepEntity, 'procedureId', ids, ['position']),
      (row) => row.procedureId,
    ),
    // --- strategic plans and regional procedures (system of record)
    strategicPlan: loaderByKey<string, StrategicPlanEntity>(
      (ids) => rowsWhereAnyOf(dataSource, StrategicPlanEntity, 'id', ids),
      (row) => row.id,
    ),
    strategicPlansByPartnership: manyByPartnership(StrategicPlanEntity, { periodStart: 'ASC' }),
    strategicPrioritiesByPlan: loaderOfMany<string, StrategicPriorityEntity>(
      (ids) => rowsWhereAnyOf(dataSource, StrategicPriorityEntity, 'planId', ids, ['id']),
      (row) => row.planId as string,
    ),
    /** A priority's earlier versions, oldest first. */
    priorityVersions: loaderOfMany<string, StrategicPriorityVersionEntity>(
      (ids) => rowsWhereAnyOf(dataSource, StrategicPriorityVersionEntity, 'priorityId', ids, ['validFrom']),
      (row) => row.priorityId,
    ),
    /** A success statement's earlier versions, oldest first. */
    statementVersions: loaderOfMany<string, SuccessStatementVersionEntity>(
      (ids) => rowsWhereAnyOf(dataSource, SuccessStatementVersionEntity, 'statementId', ids, ['validFrom']),
      (row) => row.statementId,
    ),
    /** Every chapter version an adoption took up, oldest first. */
    adoptedChapterRecords: loaderOfMany<string, RegionalProcedureAdoptionChapterEntity>(
      (ids) => rowsWhereAnyOf(dataSource, RegionalProcedureAdoptionChapterEntity, 'adoptionId', ids, ['adoptedOn']),
      (row) => row.adoptionId,
    ),
  };
}

export type ArrangementsLoaders = ReturnType<typeof createLoaders>;
