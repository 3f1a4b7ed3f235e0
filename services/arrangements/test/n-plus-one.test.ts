import { BodyEntity, BodyPartnershipEntity, EscalationProcedureEntity, EscalationStepEntity } from '../entities';
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
