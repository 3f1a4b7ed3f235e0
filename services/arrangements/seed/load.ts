import type { DataSource } from 'typeorm';
import {
  ArrangementDocumentEntity,
  BodyEntity,
  BodyPartnershipEntity,
  BodyRelationshipEntity,
  BodyReportingLineEntity,
  BudgetContributionEntity,
  BudgetEntity,
  LeadSafeguardingPartnerEntity,
  MeetingEntity,
  PartnershipEntity,
  RegionalProcedureChapterEntity,
  RegionalProcedureAdoptionEntity,
  RegionalProcedureEntity,
  StatutoryFunctionEntity,
} from '../entities';
import { generateMeetings } from './meetings';
import { seedStrategicPlans } from './strategic-plan-load';
import { procedureChapters } from './procedure-chapters';
import { arrangementDocuments, bodies, budgets, leadSafeguardingPartners, partnerships, regionalProcedures } from './data';
import { EscalationProcedureEntity, EscalationStepEntity } from '../entities/escalation-procedure';
import { escalationStepProblem } from '../rules/escalation-steps';
import { escalationProcedures } from './escalation-procedures';

/** Loads the seed data in one transaction when the schema holds no partnership yet. */
export async function seedArrangements(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if ((await manager.count(PartnershipEntity)) > 0) return;
    await manager.insert(
      PartnershipEntity,
      partnerships.map((p) => ({
        id: p.slug,
        name: p.name,
        shortName: p.shortName,
        policeForce: p.policeForce,
        populationValue: p.population?.value ?? null,
        populationYear: p.population?.year ?? null,
        populationDescription: p.population?.description ?? null,
        populationSource: p.population?.source ?? null,
        independentScrutiny: p.independentScrutiny?.description ?? null,
        independentScrutinySource: p.independentScrutiny?.source ?? null,
        source: p.source,
      })),
    );
    await manager.insert(
      StatutoryFunctionEntity,
      partnerships.flatMap((p) => p.statutoryFunctions.map((f) => ({ partnershipId: p.slug, kind: f.kind, description: f.description, source: f.source }))),
    );
    await manager.insert(
      LeadSafeguardingPartnerEntity,
      leadSafeguardingPartners.map((l) => ({
        partnershipId: l.partnershipSlug,
        organisationId: l.organisationId,
        leadPost: l.leadPost ?? null,
        delegatedPost: l.delegatedPost ?? null,
        source: l.source,
      })),
    );
    await manager.insert(
      ArrangementDocumentEntity,
      arrangementDocuments.map((d) => ({
        partnershipId: d.partnershipSlug,
        title: d.title,
        version: d.version ?? null,
        approvedOn: d.approvedOn ?? null,
        reviewOn: d.reviewOn ?? null,
        publishedOn: d.publishedOn ?? null,
        source: d.source,
      })),
    );
    for (const budget of budgets) {
      const inserted = await manager.insert(BudgetEntity, {
        partnershipId: budget.partnershipSlug,
        financialYear: budget.financialYear ?? null,
        totalMinorUnits: budget.totalMinorUnits ?? null,
        accountableBodyOrganisationId: budget.accountableBodyOrganisationId ?? null,
        description: budget.description,
        source: budget.source,
      });
      const budgetId = inserted.identifiers[0]!.id as string;
      if (budget.contributions.length > 0) {
        await manager.insert(
          BudgetContributionEntity,
          budget.contributions.map((c) => ({
            budgetId,
            organisationId: c.organisationId,
            amountMinorUnits: c.amountMinorUnits ?? null,
            description: c.description ?? null,
            source: c.source,
          })),
        );
      }
    }
    // Parents first, so reports-to references always point at an existing row.
    const inserted = new Set<string>();
    const pending = [...bodies];
    while (pending.length > 0) {
      const ready = pending.filter((b) => !b.reportsToBodyId || inserted.has(b.reportsToBodyId));
      if (ready.length === 0) throw new Error(`Seed bodies report to unknown bodies: ${pending.map((b) => b.id).join(', ')}`);
      await manager.insert(
        BodyEntity,
        ready.map((b) => ({
          id: b.id,
          name: b.name,
          kind: b.kind,
          purpose: b.purpose,
          reportsToBodyId: b.reportsToBodyId ?? null,
          meetingFrequency: b.meetingFrequency ?? null,
          chairRule: b.chairRule ?? null,
          quorumRule: b.quorumRule ?? null,
          usesPaperworkClock: b.usesPaperworkClock ?? false,
          separateChildrenAndAdultsTime: b.separateChildrenAndAdultsTime ?? false,
          validFrom: b.validFrom ?? null,
          validTo: b.validTo ?? null,
          source: b.source,
        })),
      );
      for (const b of ready) {
        inserted.add(b.id);
        pending.splice(pending.indexOf(b), 1);
      }
    }
    // Every seeded line is an undated REPORTS_TO line (the documents give one parent each).
    const lines = bodies.filter((b) => b.reportsToBodyId).map((b) => ({ bodyId: b.id, parentBodyId: b.reportsToBodyId!, kind: 'REPORTS_TO' as const }));
    if (lines.length > 0) await manager.insert(BodyReportingLineEntity, lines);
    await manager.insert(
      BodyPartnershipEntity,
      bodies.flatMap((b) => b.partnershipSlugs.map((partnershipId) => ({ bodyId: b.id, partnershipId }))),
    );
    const relationships = new Map<string, { bodyId: string; relatedBodyId: string }>();
    for (const b of bodies) {
      for (const related of b.closeRelationshipBodyIds ?? []) {
        const [first, second] = [b.id, related].sort() as [string, string];
        relationships.set(`${first}|${second}`, { bodyId: first, relatedBodyId: second });
      }
    }
    if (relationships.size > 0) await manager.insert(BodyRelationshipEntity, [...relationships.values()]);
    await manager.insert(
      RegionalProcedureEntity,
      regionalProcedures.map((r) => ({ id: r.id, title: r.title, region: r.region, description: r.description, source: r.source })),
    );
    await manager.insert(
      RegionalProcedureAdoptionEntity,
      regionalProcedures.flatMap((r) => r.adoptions.map((a) => ({ procedureId: r.id, partnershipId: a.partnershipSlug, how: a.how, source: a.source }))),
    );
    await manager.insert(MeetingEntity, generateMeetings());
    await seedStrategicPlans(manager);
    await manager.insert(RegionalProcedureChapterEntity, procedureChapters);
    // --- meetings and escalation procedures (system of record)
    for (const { steps, ...procedure } of escalationProcedures) {
      const rows = steps.map((step, index) => ({ ...step, position: index + 1, procedureId: procedure.id }));
      const problem = escalationStepProblem(rows);
      if (problem) throw new Error(`Seed escalation procedure ${procedure.id}: ${problem.message}`);
      await manager.insert(EscalationProcedureEntity, { ...procedure, validTo: null, revisions: [] });
      await manager.insert(EscalationStepEntity, rows);
    }
  });
}
