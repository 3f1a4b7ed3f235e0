import {
  BodyEntity,
  BodyPartnershipEntity,
  BodyReportingLineEntity,
  BudgetContributionEntity,
  BudgetEntity,
  EscalationProcedureEntity,
  EscalationStepEntity,
  LeadSafeguardingPartnerEntity,
  PartnershipEntity,
  PopulationFigureEntity,
  RegionalProcedureAdoptionChapterEntity,
  RegionalProcedureAdoptionEntity,
  RegionalProcedureChapterEntity,
  StrategicPlanEntity,
  StrategicPriorityEntity,
  StrategicPriorityVersionEntity,
  SuccessStatementEntity,
  SuccessStatementVersionEntity,
} from '../entities';
import { startTestFederation, type TestFederation } from '@safeguarding/testkit';

/**
 * No N+1: a nested query across both subgraphs issues the same number of SQL statements when the
 * bodies it walks grow tenfold, because every relation and entity reference is batched.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const NESTED = `{
  partnerships {
    name
    leadSafeguardingPartners { organisation { name sector } }
    bodies(asOf: "2025-06-01") {
      name
      partnerships { slug }
      reportsTo { name reportsTo { name } }
      reportingBodies(asOf: "2025-06-01") { name }
      closeRelationships { name }
      quorumRule { requiredOrganisations { name } }
      chairRule { organisation { name } }
    }
  }
}`;

async function addSyntheticBodies(count: number): Promise<void> {
  const dataSource = federation.dataSources.arrangements!;
  const existing = await dataSource.getRepository(BodyEntity).count();
  const rows = Array.from({ length: count }, (_, index) => ({
    id: `telford-and-wrekin.synthetic-${existing + index}`,
    name: `Synthetic task and finish group ${existing + index}`,
    kind: 'TASK_AND_FINISH_GROUP' as const,
    purpose: 'Synthetic body for the statement-count test',
    reportsToBodyId: 'telford-and-wrekin.executive',
    quorumRule: {
      kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED' as const,
      namedDeputyCounts: true,
      requiredOrganisationIds: ['west-mercia-police', 'telford-and-wrekin-council'],
      statutoryPartnersInKeyDecisions: true,
      unexplainedAbsenceReported: false,
      description: 'synthetic',
      source: { document: 'synthetic', section: 'test', synthetic: true },
    },
    source: { document: 'synthetic', section: 'test', synthetic: true },
  }));
  await dataSource.getRepository(BodyEntity).insert(rows);
  await dataSource.getRepository(BodyPartnershipEntity).insert(rows.map((row) => ({ bodyId: row.id, partnershipId: 'telford-and-wrekin' })));
  await dataSource
    .getRepository(BodyReportingLineEntity)
    .insert(rows.map((row) => ({ bodyId: row.id, parentBodyId: row.reportsToBodyId, kind: 'REPORTS_TO' as const, validFrom: null, validTo: null })));
}

it('issues the same number of SQL statements for ten times the bodies', async () => {
  await addSyntheticBodies(10);
  let small: Record<string, any> | undefined;
  const smallCount = await federation.countStatements(async () => {
    small = await federation.query(NESTED);
  });
  expect(small!.errors).toBeUndefined();
  const smallBodies = small!.data.partnerships.flatMap((p: { bodies: unknown[] }) => p.bodies).length;

  await addSyntheticBodies(smallBodies * 10);
  let large: Record<string, any> | undefined;
  const largeCount = await federation.countStatements(async () => {
    large = await federation.query(NESTED);
  });
  expect(large!.errors).toBeUndefined();
  const largeBodies = large!.data.partnerships.flatMap((p: { bodies: unknown[] }) => p.bodies).length;

  expect(largeBodies).toBeGreaterThanOrEqual(smallBodies * 10);
  expect(largeCount).toBe(smallCount);
  // And the synthetic bodies' organisations really were resolved by the membership subgraph.
  const synthetic = large!.data.partnerships
    .flatMap((p: { bodies: { name: string; quorumRule: { requiredOrganisations: { name: string }[] } }[] }) => p.bodies)
    .find((b: { name: string }) => b.name.startsWith('Synthetic'));
  expect(synthetic.quorumRule.requiredOrganisations.map((o: { name: string }) => o.name)).toEqual(['West Mercia Police', 'Telford & Wrekin Council']);
});

// --- partnership facts (system of record)
const FACTS = `{
  partnerships {
    name
    population { value year }
    populationFigures { year value }
    leadSafeguardingPartners(asOf: "2025-06-01") { id organisation { name } validFrom }
    inYear: budgets(asOf: "2025-06-01") { financialYear contributions { organisation { name } amount { minorUnits } } }
    budgets { total { minorUnits } contributions { amount { minorUnits } } }
  }
}`;

/** Synthetic partnerships with a population figure, two Lead Safeguarding Partner periods and a budget with contributions each. */
async function addSyntheticPartnerships(count: number): Promise<void> {
  const dataSource = federation.dataSources.arrangements!;
  const existing = await dataSource.getRepository(PartnershipEntity).count();
  const source = { document: 'synthetic', section: 'test', synthetic: true };
  for (let index = existing; index < existing + count; index += 1) {
    const id = `synthetic-${index}`;
    await dataSource
      .getRepository(PartnershipEntity)
      .insert({ id, name: `Synthetic partnership ${index}`, shortName: 'SP', policeForce: 'West Mercia Police', source });
    await dataSource.getRepository(PopulationFigureEntity).insert({ partnershipId: id, year: '2024', value: 1000 + index, description: 'synthetic', source });
    await dataSource.getRepository(LeadSafeguardingPartnerEntity).insert([
      { partnershipId: id, organisationId: 'west-mercia-police', leadPost: 'Chief Constable', validFrom: null, validTo: '2025-03-31', source },
      { partnershipId: id, organisationId: 'west-mercia-police', leadPost: 'Chief Constable', validFrom: '2025-04-01', validTo: null, source },
    ]);
    const budget = await dataSource
      .getRepository(BudgetEntity)
      .insert({ partnershipId: id, financialYear: '2025-26', totalMinorUnits: 100, description: 'synthetic', source });
    await dataSource.getRepository(BudgetContributionEntity).insert([
      { budgetId: budget.identifiers[0]!.id as string, organisationId: 'west-mercia-police', amountMinorUnits: 50, source },
      { budgetId: budget.identifiers[0]!.id as string, organisationId: 'telford-and-wrekin-council', amountMinorUnits: null, source },
    ]);
  }
}

it("issues the same number of SQL statements for ten times the partnerships' facts", async () => {
  await addSyntheticPartnerships(2);
  let small: Record<string, any> | undefined;
  const smallCount = await federation.countStatements(async () => {
    small = await federation.query(FACTS);
  });
  expect(small!.errors).toBeUndefined();
  await addSyntheticPartnerships(small!.data.partnerships.length * 10);
  let large: Record<string, any> | undefined;
  const largeCount = await federation.countStatements(async () => {
    large = await federation.query(FACTS);
  });
  expect(large!.errors).toBeUndefined();
  expect(large!.data.partnerships.length).toBeGreaterThanOrEqual(small!.data.partnerships.length * 10);
  expect(largeCount).toBe(smallCount);
  const synthetic = large!.data.partnerships.find((p: { name: string }) => p.name.startsWith('Synthetic'));
  expect(synthetic.leadSafeguardingPartners).toEqual([{ id: expect.any(String), organisation: { name: 'West Mercia Police' }, validFrom: '2025-04-01' }]);
  expect(synthetic.inYear[0].contributions.map((c: { amount: { minorUnits: number } | null }) => c.amount?.minorUnits ?? null)).toEqual([null, 50]);
});

// --- meetings and escalation procedures (system of record)
const PROCEDURES = `{
  partnerships {
    escalationProcedures(asOf: "2026-06-01") { title viewerCanEdit partnership { name } steps { position who action } }
  }
}`;

async function addSyntheticProcedures(count: number): Promise<void> {
  const dataSource = federation.dataSources.arrangements!;
  for (let index = 0; index < count; index += 1) {
    const procedure = await dataSource.getRepository(EscalationProcedureEntity).save({
      partnershipId: ['shropshire', 'telford-and-wrekin', 'solihull'][index % 3]!,
      title: `Synthetic escalation procedure ${index}`,
      validFrom: '2026-01-01',
      validTo: null,
      source: { document: 'synthetic', section: 'test', synthetic: true },
    });
    await dataSource
      .getRepository(EscalationStepEntity)
      .insert([1, 2, 3].map((position) => ({ procedureId: procedure.id, position, who: `Who ${position}`, action: 'Act' })));
  }
}

it('reads escalation procedures and their steps in the same number of SQL statements for ten times the procedures', async () => {
  await addSyntheticProcedures(3);
  const count = async () => {
    let answer: Record<string, any> | undefined;
    const statements = await federation.countStatements(async () => {
      answer = await federation.query(PROCEDURES);
    });
    expect(answer!.errors).toBeUndefined();
    return { statements, procedures: answer!.data.partnerships.flatMap((p: { escalationProcedures: unknown[] }) => p.escalationProcedures).length };
  };
  const small = await count();
  await addSyntheticProcedures(small.procedures * 10);
  const large = await count();
  expect(large.procedures).toBeGreaterThanOrEqual(small.procedures * 10);
  expect(large.statements).toBe(small.statements);
});

// --- strategic plans and regional procedures (system of record)
const PLANS = `{
  partnerships {
    strategicPlans {
      title
      priorities(asOf: "2025-06-01") {
        title versionFrom viewerCanEdit plan { title } owningGroup { name }
        earlierVersions { title owningGroup { name } }
        successStatements { text versionFrom viewerCanEdit earlierVersions { text target { value } } }
      }
    }
  }
  regionalProcedures {
    viewerCanEdit
    chapters { number isLatest versions { version } }
    adoptions { id adoptedChapters { number upToDate adopted { version } latest { version } } }
  }
}`;

/** Priorities in Shropshire's plan, each revised once with two statements (one revised), and chapters adopted by Shropshire. */
async function addSyntheticPlanRecords(count: number): Promise<void> {
  const dataSource = federation.dataSources.arrangements!;
  const plan = await dataSource.getRepository(StrategicPlanEntity).findOneByOrFail({ partnershipId: 'shropshire' });
  const existing = await dataSource.getRepository(StrategicPriorityEntity).count();
  const source = { document: 'synthetic', section: 'test', synthetic: true };
  const priorities = Array.from({ length: count }, (_, index) => ({
    id: `shropshire.synthetic-${existing + index}`,
    partnershipId: 'shropshire',
    planId: plan.id,
    bodyId: 'shropshire.tackling-exploitation-group',
    title: `Synthetic priority ${existing + index}`,
    kind: 'STRATEGIC_PRIORITY' as const,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    revisedFrom: '2024-04-01',
    source,
  }));
  await dataSource.getRepository(StrategicPriorityEntity).insert(priorities);
  await dataSource.getRepository(StrategicPriorityVersionEntity).insert(
    priorities.map((priority) => ({
      priorityId: priority.id,
      validFrom: plan.periodStart,
      validUntil: '2024-04-01',
      title: 'Earlier title',
      kind: 'SYSTEM_PRIORITY' as const,
      bodyId: 'shropshire.local-domestic-abuse-partnership-board',
      recordedBy: 'test',
    })),
  );
  const statements = priorities.flatMap((priority) =>
    [1, 2].map((position) => ({
      priorityId: priority.id,
      position,
      text: `Statement ${position}`,
      target: null,
      baselineValue: null,
      baselineSource: null,
      source,
    })),
  );
  const inserted = await dataSource.getRepository(SuccessStatementEntity).insert(statements);
  await dataSource.getRepository(SuccessStatementVersionEntity).insert(
    inserted.identifiers
      .filter((_id, index) => index % 2 === 0)
      .map(({ id }) => ({
        statementId: id as string,
        validFrom: plan.periodStart,
        validUntil: '2025-01-01',
        text: 'Earlier text',
        target: null,
        baselineValue: null,
        baselineSource: null,
        recordedBy: 'test',
      })),
  );
  const procedureId = 'west-midlands-regional-child-protection-procedures';
  const chapters = await dataSource.getRepository(RegionalProcedureChapterEntity).count();
  const added = await dataSource.getRepository(RegionalProcedureChapterEntity).insert(
    Array.from({ length: count }, (_, index) => ({
      procedureId,
      number: `90.${chapters + index}`,
      title: 'Synthetic chapter',
      version: '1',
      effectiveFrom: '2024-01-01',
      changeSummary: null,
      source,
    })),
  );
  const adoption = await dataSource.getRepository(RegionalProcedureAdoptionEntity).findOneByOrFail({ procedureId, partnershipId: 'shropshire' });
  await dataSource.getRepository(RegionalProcedureAdoptionChapterEntity).insert(
    added.identifiers.map(({ id }, index) => ({
      adoptionId: adoption.id,
      chapterId: id as string,
      chapterNumber: `90.${chapters + index}`,
      adoptedOn: '2024-02-01',
      recordedBy: 'test',
    })),
  );
}

it('issues the same number of SQL statements for ten times the priorities, statements, their versions and adopted chapters', async () => {
  await addSyntheticPlanRecords(3);
  let small: Record<string, any> | undefined;
  const smallCount = await federation.countStatements(async () => {
    small = await federation.query(PLANS);
  });
  expect(small!.errors).toBeUndefined();
  const prioritiesIn = (result: Record<string, any>) =>
    result.data.partnerships.flatMap((p: { strategicPlans: { priorities: unknown[] }[] }) => p.strategicPlans.flatMap((plan) => plan.priorities)).length;
  const smallPriorities = prioritiesIn(small!);

  await addSyntheticPlanRecords(smallPriorities * 10);
  let large: Record<string, any> | undefined;
  const largeCount = await federation.countStatements(async () => {
    large = await federation.query(PLANS);
  });
  expect(large!.errors).toBeUndefined();
  expect(prioritiesIn(large!)).toBeGreaterThanOrEqual(smallPriorities * 10);
  expect(largeCount).toBe(smallCount);
  // As of 2025-06-01 the synthetic priorities show their revised title and the statements their current text.
  const synthetic = large!.data.partnerships
    .flatMap((p: { strategicPlans: { priorities: { title: string; earlierVersions: { title: string }[] }[] }[] }) =>
      p.strategicPlans.flatMap((plan) => plan.priorities),
    )
    .find((priority: { title: string }) => priority.title.startsWith('Synthetic'));
  expect(synthetic.earlierVersions).toEqual([{ title: 'Earlier title', owningGroup: { name: expect.any(String) } }]);
});
