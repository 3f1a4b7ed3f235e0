import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany } from '@safeguarding/subgraph-runtime';
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
  BudgetContributionEntity,
  BudgetEntity,
  LeadSafeguardingPartnerEntity,
  MeetingEntity,
  PartnershipEntity,
  StrategicActionEntity,
  StrategicPriorityEntity,
  SuccessMeasurementEntity,
  SuccessStatementEntity,
  RegionalProcedureAdoptionEntity,
  RegionalProcedureEntity,
  StatutoryFunctionEntity,
} from './entities';

/** Per-request loaders: every relation of this subgraph is one batched query per level. */
export function createLoaders(dataSource: DataSource) {
  const manyByPartnership = <T extends { partnershipId: string }>(entity: new () => T, order: Record<string, 'ASC'>) =>
    loaderOfMany<string, T>(
      (ids) => dataSource.getRepository(entity).find({ where: { partnershipId: In([...ids]) } as never, order: order as never }),
      (row) => row.partnershipId,
    );

  const bodyPartnerships = loaderOfMany<string, BodyPartnershipEntity>(
    (bodyIds) => dataSource.getRepository(BodyPartnershipEntity).find({ where: { bodyId: In([...bodyIds]) } }),
    (row) => row.bodyId,
  );
  const partnershipBodies = loaderOfMany<string, BodyPartnershipEntity>(
    (partnershipIds) => dataSource.getRepository(BodyPartnershipEntity).find({ where: { partnershipId: In([...partnershipIds]) } }),
    (row) => row.partnershipId,
  );

  return {
    partnership: loaderByKey<string, PartnershipEntity>(
      (ids) => dataSource.getRepository(PartnershipEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    body: loaderByKey<string, BodyEntity>((ids) => dataSource.getRepository(BodyEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    bodyPartnerships,
    partnershipBodies,
    bodiesReportingTo: loaderOfMany<string, BodyEntity>(
      (ids) => dataSource.getRepository(BodyEntity).find({ where: { reportsToBodyId: In([...ids]) }, order: { name: 'ASC' } }),
      (row) => row.reportsToBodyId as string,
    ),
    /** Relationships are stored once; each is returned for both of its ends. */
    relationships: loaderOfMany<string, { bodyId: string; relatedBodyId: string }>(
      async (ids) => {
        const rows = await dataSource
          .getRepository(BodyRelationshipEntity)
          .find({ where: [{ bodyId: In([...ids]) }, { relatedBodyId: In([...ids]) }] });
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
      (ids) => dataSource.getRepository(RegionalProcedureAdoptionEntity).find({ where: { procedureId: In([...ids]) }, order: { partnershipId: 'ASC' } }),
      (row) => row.procedureId,
    ),
    contributions: loaderOfMany<string, BudgetContributionEntity>(
      (ids) => dataSource.getRepository(BudgetContributionEntity).find({ where: { budgetId: In([...ids]) }, order: { organisationId: 'ASC' } }),
      (row) => row.budgetId,
    ),
    meeting: loaderByKey<string, MeetingEntity>(
      (ids) => dataSource.getRepository(MeetingEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    /** All of a body's meetings, oldest first; date filters apply in memory (tens per body). */
    meetingsByBody: loaderOfMany<string, MeetingEntity>(
      (ids) => dataSource.getRepository(MeetingEntity).find({ where: { bodyId: In([...ids]) }, order: { meetingDate: 'ASC' } }),
      (row) => row.bodyId,
    ),
    strategicPrioritiesByPartnership: manyByPartnership(StrategicPriorityEntity, { id: 'ASC' }),
    strategicPriority: loaderByKey<string, StrategicPriorityEntity>(
      (ids) => dataSource.getRepository(StrategicPriorityEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    strategicPrioritiesByBody: loaderOfMany<string, StrategicPriorityEntity>(
      (ids) => dataSource.getRepository(StrategicPriorityEntity).find({ where: { bodyId: In([...ids]) }, order: { id: 'ASC' } }),
      (row) => row.bodyId,
    ),
    successStatementsByPriority: loaderOfMany<string, SuccessStatementEntity>(
      (ids) => dataSource.getRepository(SuccessStatementEntity).find({ where: { priorityId: In([...ids]) }, order: { position: 'ASC' } }),
      (row) => row.priorityId,
    ),
    measurementsByStatement: loaderOfMany<string, SuccessMeasurementEntity>(
      (ids) => dataSource.getRepository(SuccessMeasurementEntity).find({ where: { statementId: In([...ids]) }, order: { measuredOn: 'ASC' } }),
      (row) => row.statementId,
    ),
    strategicActionsByBody: loaderOfMany<string, StrategicActionEntity>(
      (ids) => dataSource.getRepository(StrategicActionEntity).find({ where: { bodyId: In([...ids]) }, order: { period: 'ASC', heading: 'ASC' } }),
      (row) => row.bodyId,
    ),
    successStatement: loaderByKey<string, SuccessStatementEntity>(
      (ids) => dataSource.getRepository(SuccessStatementEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    agenda: loaderByKey<string, AgendaEntity>((ids) => dataSource.getRepository(AgendaEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    agendaByMeeting: loaderByKey<string, AgendaEntity>(
      (ids) => dataSource.getRepository(AgendaEntity).findBy({ meetingId: In([...ids]) }),
      (row) => row.meetingId,
    ),
    agendaItems: loaderOfMany<string, AgendaItemEntity>(
      (ids) => dataSource.getRepository(AgendaItemEntity).find({ where: { agendaId: In([...ids]) }, order: { position: 'ASC' } }),
      (row) => row.agendaId,
    ),
    agendaVersions: loaderOfMany<string, AgendaVersionEntity>(
      (ids) => dataSource.getRepository(AgendaVersionEntity).find({ where: { agendaId: In([...ids]) }, order: { number: 'ASC' } }),
      (row) => row.agendaId,
    ),
    actionNotes: loaderByKey<string, MeetingActionNotesEntity>(
      (ids) => dataSource.getRepository(MeetingActionNotesEntity).findBy({ meetingId: In([...ids]) }),
      (row) => row.meetingId,
    ),
    chapter: loaderByKey<string, RegionalProcedureChapterEntity>(
      (ids) => dataSource.getRepository(RegionalProcedureChapterEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    chaptersByProcedure: loaderOfMany<string, RegionalProcedureChapterEntity>(
      (ids) => dataSource.getRepository(RegionalProcedureChapterEntity).find({ where: { procedureId: In([...ids]) }, order: { number: 'ASC', effectiveFrom: 'ASC' } }),
      (row) => row.procedureId,
    ),
    /** Every regional procedure (there are few); keyed by a constant so it batches like the rest. */
    allProcedures: new DataLoader<string, RegionalProcedureEntity[]>(async (keys) => {
      const procedures = await dataSource.getRepository(RegionalProcedureEntity).find({ order: { id: 'ASC' } });
      return keys.map(() => procedures);
    }),
    procedure: loaderByKey<string, RegionalProcedureEntity>(
      (ids) => dataSource.getRepository(RegionalProcedureEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
  };
}

export type ArrangementsLoaders = ReturnType<typeof createLoaders>;
