import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import {
  StrategicActionEntity,
  StrategicPlanEntity,
  StrategicPriorityEntity,
  StrategicPriorityVersionEntity,
  SuccessStatementEntity,
  SuccessStatementVersionEntity,
} from '../entities';
import { ACTION_PLAN_HEADINGS } from '../rules/action-plan-template';

/**
 * Strategic plans as a system of record, through the gateway: plans, priorities (add, revise from a
 * date or correct, retire), success statements with typed targets, Strategic Action Plan actions.
 * The oracle is Shropshire's seeded plan (002): its titles, statements and period.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

type Grants = ReturnType<typeof grant>[];
const shropshireAdmin = [grant('partnership-admin', 'shropshire')];
const telfordAdmin = [grant('partnership-admin', 'telford-and-wrekin')];
const DOMESTIC_ABUSE = 'shropshire.domestic-abuse';
const COMMUNITY_SAFETY = 'shropshire.community-safety-practice-oversight';

const repository = <T extends object>(entity: new () => T) => federation.dataSources.arrangements!.getRepository(entity);
/** Every table these mutations write, counted, with the priorities' and statements' lock versions. */
const snapshot = async () => ({
  plans: await repository(StrategicPlanEntity).find({ order: { id: 'ASC' } }),
  priorities: await repository(StrategicPriorityEntity).find({ order: { id: 'ASC' } }),
  statements: await repository(SuccessStatementEntity).count(),
  statementVersions: await repository(SuccessStatementVersionEntity).count(),
  priorityVersions: await repository(StrategicPriorityVersionEntity).count(),
  actions: await repository(StrategicActionEntity).find({ order: { id: 'ASC' } }),
});
const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;
async function ok(document: string, variables: Record<string, unknown>, as?: Grants) {
  const result = await federation.query(document, { variables, as });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const PRIORITY_FIELDS = `id title kind periodStart periodEnd version versionFrom viewerCanEdit owningGroup { id } plan { title }
  earlierVersions { validFrom validTo title kind owningGroup { id } }`;
const STATEMENT_FIELDS = `id position text measurable version versionFrom viewerCanEdit target { comparison value unit baselinePeriod baselineValue measures }
  earlierVersions { validFrom validTo text target { comparison value } }`;
const AS_OF = `query ($asOf: Date!) { partnership(slug: "shropshire") { strategicPriorities(asOf: $asOf) { id title successStatements { id text rag(asOf: $asOf) target { comparison value } } } } }`;
const prioritiesOn = async (asOf: string) =>
  (await ok(AS_OF, { asOf })).partnership.strategicPriorities as {
    id: string;
    title: string;
    successStatements: { id: string; text: string; rag: string | null }[];
  }[];

const CREATE_PLAN = `mutation ($slug: String!, $input: CreateStrategicPlanInput!) {
  createStrategicPlan(partnershipSlug: $slug, input: $input) { id title periodStart periodEnd version viewerCanEdit partnership { slug } source { document synthetic } priorities { id } }
}`;
const ADD_PRIORITY = `mutation ($planId: ID!, $input: AddStrategicPriorityInput!) { addStrategicPriority(planId: $planId, input: $input) { ${PRIORITY_FIELDS} } }`;
const REVISE_PRIORITY = `mutation ($id: ID!, $expectedVersion: Int!, $effectiveFrom: Date, $input: ReviseStrategicPriorityInput!) {
  reviseStrategicPriority(id: $id, expectedVersion: $expectedVersion, effectiveFrom: $effectiveFrom, input: $input) { ${PRIORITY_FIELDS} }
}`;
const RETIRE_PRIORITY = `mutation ($id: ID!, $expectedVersion: Int!, $lastDay: Date!) {
  retireStrategicPriority(id: $id, expectedVersion: $expectedVersion, lastDay: $lastDay) { ${PRIORITY_FIELDS} }
}`;
const ADD_STATEMENT = `mutation ($priorityId: ID!, $input: SuccessStatementInput!, $effectiveFrom: Date) {
  addSuccessStatement(priorityId: $priorityId, input: $input, effectiveFrom: $effectiveFrom) { ${STATEMENT_FIELDS} }
}`;
const REVISE_STATEMENT = `mutation ($id: ID!, $expectedVersion: Int!, $effectiveFrom: Date, $input: SuccessStatementInput!) {
  reviseSuccessStatement(id: $id, expectedVersion: $expectedVersion, effectiveFrom: $effectiveFrom, input: $input) { ${STATEMENT_FIELDS} }
}`;
const RETIRE_STATEMENT = `mutation ($id: ID!, $expectedVersion: Int!, $lastDay: Date!) {
  retireSuccessStatement(id: $id, expectedVersion: $expectedVersion, lastDay: $lastDay) { id version validTo viewerCanEdit }
}`;
const ADD_ACTION = `mutation ($bodyId: ID!, $input: AddStrategicActionInput!) {
  addStrategicAction(bodyId: $bodyId, input: $input) { id heading headingText description progress period dueOn isMultiAgencyCaseFileAudit owner { id } version viewerCanEdit }
}`;
const UPDATE_ACTION = `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdateStrategicActionInput!) {
  updateStrategicAction(id: $id, expectedVersion: $expectedVersion, input: $input) { id progress evidence version }
}`;

const priorityVersion = async (id: string) => (await repository(StrategicPriorityEntity).findOneByOrFail({ id })).version;

describe('strategic plans', () => {
  it("holds Shropshire's seeded plan (002, 2023-2026) with its eight priorities", async () => {
    const { partnership } = await ok(
      `{ partnership(slug: "shropshire") { viewerCanCreateStrategicPlan strategicPlans { title periodStart periodEnd priorities { id } } } }`,
      {},
      shropshireAdmin,
    );
    expect(partnership.viewerCanCreateStrategicPlan).toBe(true);
    expect(partnership.strategicPlans).toEqual([
      { title: 'Strategic Plan and Priorities 2023-2026', periodStart: '2023-04-01', periodEnd: '2026-03-31', priorities: expect.any(Array) },
    ]);
    expect(partnership.strategicPlans[0].priorities).toHaveLength(8);
  });

  let telfordPlan: string;
  it('lets Telford & Wrekin enter its own plan and a priority owned by one of its bodies', async () => {
    const created = (
      await ok(
        CREATE_PLAN,
        {
          slug: 'telford-and-wrekin',
          input: { title: ' Telford & Wrekin Safeguarding Priorities 2026-2029 ', periodStart: '2026-04-01', periodEnd: '2029-03-31' },
        },
        telfordAdmin,
      )
    ).createStrategicPlan;
    expect(created).toMatchObject({
      title: 'Telford & Wrekin Safeguarding Priorities 2026-2029',
      periodStart: '2026-04-01',
      periodEnd: '2029-03-31',
      version: 1,
      viewerCanEdit: true,
      partnership: { slug: 'telford-and-wrekin' },
      source: { document: 'recorded through the API', synthetic: false },
      priorities: [],
    });
    telfordPlan = created.id;
    const priority = (
      await ok(
        ADD_PRIORITY,
        { planId: telfordPlan, input: { title: 'Neglect', kind: 'STRATEGIC_PRIORITY', owningGroupId: 'telford-and-wrekin.executive' } },
        telfordAdmin,
      )
    ).addStrategicPriority;
    expect(priority).toMatchObject({
      id: 'telford-and-wrekin.2026.neglect',
      title: 'Neglect',
      periodStart: '2026-04-01',
      periodEnd: '2029-03-31',
      version: 1,
      versionFrom: '2026-04-01',
      owningGroup: { id: 'telford-and-wrekin.executive' },
      plan: { title: 'Telford & Wrekin Safeguarding Priorities 2026-2029' },
      earlierVersions: [],
    });
    const { partnership } = await ok(`{ partnership(slug: "telford-and-wrekin") { strategicPriorities(asOf: "2027-01-01") { id } } }`, {});
    expect(partnership.strategicPriorities).toEqual([{ id: 'telford-and-wrekin.2026.neglect' }]);
    const sameTitle = await federation.query(ADD_PRIORITY, {
      as: telfordAdmin,
      variables: { planId: telfordPlan, input: { title: 'neglect', kind: 'STRATEGIC_PRIORITY', owningGroupId: 'telford-and-wrekin.executive' } },
    });
    expect(codeOf(sameTitle)).toBe('CONFLICT');
  });

  it.each([
    [
      'a period overlapping the 2023-2026 plan',
      { title: 'Next plan', periodStart: '2026-01-01', periodEnd: '2028-12-31' },
      'periodStart',
      /Strategic Plan and Priorities 2023-2026/,
    ],
    ['an end before the start', { title: 'Next plan', periodStart: '2027-04-01', periodEnd: '2026-04-01' }, 'periodEnd', /before periodStart/],
    ['a period over ten years', { title: 'Next plan', periodStart: '2026-04-01', periodEnd: '2036-04-01' }, 'periodEnd', /at most 10 years/],
    ['an empty title', { title: '  ', periodStart: '2026-04-01', periodEnd: '2029-03-31' }, 'input.title', /empty/],
  ])('refuses %s with BAD_USER_INPUT naming the field and writes nothing', async (_case, input, field, message) => {
    const before = await snapshot();
    const result = await federation.query(CREATE_PLAN, { as: shropshireAdmin, variables: { slug: 'shropshire', input } });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors![0]!.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'a body of another partnership',
      { title: 'Exploitation', kind: 'STRATEGIC_PRIORITY', owningGroupId: 'shropshire.tackling-exploitation-group' },
      'input.owningGroupId',
    ],
    [
      'a start outside the plan period',
      { title: 'Exploitation', kind: 'STRATEGIC_PRIORITY', owningGroupId: 'telford-and-wrekin.executive', effectiveFrom: '2029-04-01' },
      'input.effectiveFrom',
    ],
    ['an over-long title', { title: 'x'.repeat(201), kind: 'STRATEGIC_PRIORITY', owningGroupId: 'telford-and-wrekin.executive' }, 'input.title'],
  ])('refuses a priority with %s and writes nothing', async (_case, input, field) => {
    const before = await snapshot();
    const result = await federation.query(ADD_PRIORITY, { as: telfordAdmin, variables: { planId: telfordPlan, input } });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot()).toEqual(before);
  });
});

describe('who may edit a strategic plan', () => {
  const forbiddenCallers: [string, string, Grants | undefined][] = [
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a member of Shropshire', 'FORBIDDEN', [grant('member', 'shropshire')]],
    ["another partnership's admin", 'FORBIDDEN', telfordAdmin],
    ['a regional-admin', 'FORBIDDEN', [grant('regional-admin')]],
  ];
  it.each(forbiddenCallers)("refuses every edit of Shropshire's plan by %s with %s and writes nothing", async (_who, code, as) => {
    const before = await snapshot();
    const statement = await repository(SuccessStatementEntity).findOneByOrFail({ priorityId: DOMESTIC_ABUSE, position: 1 });
    const [action] = await repository(StrategicActionEntity).find({ where: { bodyId: 'shropshire.local-domestic-abuse-partnership-board' }, take: 1 });
    const plan = await repository(StrategicPlanEntity).findOneByOrFail({ partnershipId: 'shropshire' });
    const calls: [string, Record<string, unknown>][] = [
      [CREATE_PLAN, { slug: 'shropshire', input: { title: 'Hijack', periodStart: '2030-04-01', periodEnd: '2031-03-31' } }],
      [ADD_PRIORITY, { planId: plan.id, input: { title: 'Hijack', kind: 'STRATEGIC_PRIORITY', owningGroupId: 'shropshire.tackling-exploitation-group' } }],
      [REVISE_PRIORITY, { id: DOMESTIC_ABUSE, expectedVersion: await priorityVersion(DOMESTIC_ABUSE), input: { title: 'Hijack' } }],
      [RETIRE_PRIORITY, { id: DOMESTIC_ABUSE, expectedVersion: await priorityVersion(DOMESTIC_ABUSE), lastDay: '2025-01-01' }],
      [ADD_STATEMENT, { priorityId: DOMESTIC_ABUSE, input: { text: 'Hijack' } }],
      [REVISE_STATEMENT, { id: statement.id, expectedVersion: statement.version, input: { text: 'Hijack' } }],
      [RETIRE_STATEMENT, { id: statement.id, expectedVersion: statement.version, lastDay: '2025-01-01' }],
      [
        ADD_ACTION,
        {
          bodyId: 'shropshire.local-domestic-abuse-partnership-board',
          input: { heading: 'PREVENTION', description: 'x', successMeasure: 'x', dueOn: '2027-01-01', period: '2026-27' },
        },
      ],
      [UPDATE_ACTION, { id: action!.id, expectedVersion: action!.version, input: { progress: 'COMPLETED' } }],
    ];
    for (const [document, variables] of calls) {
      const result = await federation.query(document, { as, variables });
      expect([document.slice(0, 40), codeOf(result)]).toEqual([document.slice(0, 40), code]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('tells clients in advance through viewerCanEdit', async () => {
    const read = `{ partnership(slug: "shropshire") { viewerCanCreateStrategicPlan strategicPlans { viewerCanEdit }
      strategicPriorities(asOf: "2025-06-01") { viewerCanEdit successStatements { viewerCanEdit } owningGroup { viewerCanAddStrategicAction strategicActionPlan { actions { viewerCanEdit } } } } } }`;
    const flags = (data: Record<string, any>) => {
      const { partnership } = data;
      const priority = partnership.strategicPriorities[0];
      return [
        partnership.viewerCanCreateStrategicPlan,
        partnership.strategicPlans[0].viewerCanEdit,
        priority.viewerCanEdit,
        priority.successStatements[0].viewerCanEdit,
        priority.owningGroup.viewerCanAddStrategicAction,
        priority.owningGroup.strategicActionPlan.actions[0].viewerCanEdit,
      ];
    };
    expect(flags(await ok(read, {}, shropshireAdmin))).toEqual([true, true, true, true, true, true]);
    expect(flags(await ok(read, {}, telfordAdmin))).toEqual([false, false, false, false, false, false]);
    expect(flags(await ok(read, {}))).toEqual([false, false, false, false, false, false]);
  });
});

describe('revising a priority keeps its earlier version for earlier dates', () => {
  it('changes the title from a date: 2024 reads the 002 title, 2025-26 the new one', async () => {
    const version = await priorityVersion(DOMESTIC_ABUSE);
    const revised = (
      await ok(
        REVISE_PRIORITY,
        { id: DOMESTIC_ABUSE, expectedVersion: version, effectiveFrom: '2025-01-01', input: { title: 'Domestic Abuse and Violence Against Women and Girls' } },
        shropshireAdmin,
      )
    ).reviseStrategicPriority;
    expect(revised).toMatchObject({
      title: 'Domestic Abuse and Violence Against Women and Girls',
      version: version + 1,
      versionFrom: '2025-01-01',
      earlierVersions: [
        {
          validFrom: '2023-04-01',
          validTo: '2024-12-31',
          title: 'Domestic Abuse',
          kind: 'STRATEGIC_PRIORITY',
          owningGroup: { id: 'shropshire.local-domestic-abuse-partnership-board' },
        },
      ],
    });
    const title = (priorities: { id: string; title: string }[]) => priorities.find((priority) => priority.id === DOMESTIC_ABUSE)!.title;
    expect(title(await prioritiesOn('2024-12-31'))).toBe('Domestic Abuse');
    expect(title(await prioritiesOn('2025-01-01'))).toBe('Domestic Abuse and Violence Against Women and Girls');
  });

  it('refuses a change dated on or before the current version took effect, or after the period', async () => {
    const before = await snapshot();
    const version = await priorityVersion(DOMESTIC_ABUSE);
    for (const effectiveFrom of ['2025-01-01', '2024-06-01', '2026-04-01']) {
      const result = await federation.query(REVISE_PRIORITY, {
        as: shropshireAdmin,
        variables: { id: DOMESTIC_ABUSE, expectedVersion: version, effectiveFrom, input: { title: 'Late' } },
      });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('corrects in place without a date (no earlier version kept; the audit trail has the replaced value)', async () => {
    const version = await priorityVersion(COMMUNITY_SAFETY);
    const corrected = (await ok(REVISE_PRIORITY, { id: COMMUNITY_SAFETY, expectedVersion: version, input: { kind: 'STRATEGIC_PRIORITY' } }, shropshireAdmin))
      .reviseStrategicPriority;
    expect(corrected).toMatchObject({ kind: 'STRATEGIC_PRIORITY', version: version + 1, earlierVersions: [], versionFrom: '2023-04-01' });
    const back = (await ok(REVISE_PRIORITY, { id: COMMUNITY_SAFETY, expectedVersion: version + 1, input: { kind: 'SYSTEM_PRIORITY' } }, shropshireAdmin))
      .reviseStrategicPriority;
    expect(back.kind).toBe('SYSTEM_PRIORITY');
  });

  it.each([
    ['nothing to change', {}, 'input'],
    ['an owning group of another partnership', { owningGroupId: 'telford-and-wrekin.executive' }, 'input.owningGroupId'],
    ['control characters in the title', { title: 'Dom\u0007estic' }, 'input.title'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, input, field) => {
    const before = await snapshot();
    const result = await federation.query(REVISE_PRIORITY, {
      as: shropshireAdmin,
      variables: { id: COMMUNITY_SAFETY, expectedVersion: await priorityVersion(COMMUNITY_SAFETY), input },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a stale expectedVersion with CONFLICT and answers NOT_FOUND for an unknown priority', async () => {
    const before = await snapshot();
    const stale = await federation.query(REVISE_PRIORITY, {
      as: shropshireAdmin,
      variables: { id: COMMUNITY_SAFETY, expectedVersion: (await priorityVersion(COMMUNITY_SAFETY)) - 1, input: { title: 'Stale' } },
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    const unknown = await federation.query(REVISE_PRIORITY, {
      as: shropshireAdmin,
      variables: { id: 'shropshire.nothing', expectedVersion: 1, input: { title: 'X' } },
    });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('applies exactly one of two revisions made from the same version; the other gets CONFLICT and keeps no history', async () => {
    const version = await priorityVersion(COMMUNITY_SAFETY);
    const historyBefore = await repository(StrategicPriorityVersionEntity).countBy({ priorityId: COMMUNITY_SAFETY });
    const results = await Promise.all(
      ['Community Safety Oversight', 'Community Safety Practice Group'].map((title) =>
        federation.query(REVISE_PRIORITY, {
          as: shropshireAdmin,
          variables: { id: COMMUNITY_SAFETY, expectedVersion: version, effectiveFrom: '2025-04-01', input: { title } },
        }),
      ),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    expect(await priorityVersion(COMMUNITY_SAFETY)).toBe(version + 1);
    expect(await repository(StrategicPriorityVersionEntity).countBy({ priorityId: COMMUNITY_SAFETY })).toBe(historyBefore + 1);
  });
});

describe('retiring a priority', () => {
  const DRUGS = 'shropshire.tackling-drug-and-alcohol-misuse';
  it('keeps it for dates up to its last day and drops it after', async () => {
    const version = await priorityVersion(DRUGS);
    const retired = (await ok(RETIRE_PRIORITY, { id: DRUGS, expectedVersion: version, lastDay: '2025-09-30' }, shropshireAdmin)).retireStrategicPriority;
    expect(retired).toMatchObject({ periodStart: '2023-04-01', periodEnd: '2025-09-30', version: version + 1 });
    expect((await prioritiesOn('2025-09-30')).map((priority) => priority.id)).toContain(DRUGS);
    expect((await prioritiesOn('2025-10-01')).map((priority) => priority.id)).not.toContain(DRUGS);
  });

  it('refuses a last day not before the current one, or before the period, with BAD_USER_INPUT; a stale version with CONFLICT', async () => {
    const before = await snapshot();
    const version = await priorityVersion(DRUGS);
    for (const lastDay of ['2025-09-30', '2026-01-01', '2023-01-01']) {
      const result = await federation.query(RETIRE_PRIORITY, { as: shropshireAdmin, variables: { id: DRUGS, expectedVersion: version, lastDay } });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastDay' });
    }
    const stale = await federation.query(RETIRE_PRIORITY, {
      as: shropshireAdmin,
      variables: { id: DRUGS, expectedVersion: version - 1, lastDay: '2025-06-30' },
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
  });
});

describe('success statements with typed targets', () => {
  it('adds a statement with a typed target from a date: earlier dates keep the six statements of 002', async () => {
    const added = (
      await ok(
        ADD_STATEMENT,
        {
          priorityId: DOMESTIC_ABUSE,
          effectiveFrom: '2025-04-01',
          input: {
            text: 'At least 80% of MARAC referrals are heard within 10 working days',
            target: { comparison: 'AT_LEAST', value: 80, unit: 'PERCENT', measures: 'the percentage of MARAC referrals heard within 10 working days' },
          },
        },
        shropshireAdmin,
      )
    ).addSuccessStatement;
    expect(added).toMatchObject({
      position: 7,
      measurable: true,
      version: 1,
      versionFrom: '2025-04-01',
      target: { comparison: 'AT_LEAST', value: 80, unit: 'PERCENT', baselinePeriod: null, baselineValue: null },
    });
    const statements = async (asOf: string) => (await prioritiesOn(asOf)).find((priority) => priority.id === DOMESTIC_ABUSE)!.successStatements;
    expect(await statements('2025-03-31')).toHaveLength(6);
    const after = await statements('2025-06-01');
    expect(after).toHaveLength(7);
    expect(after[6]).toMatchObject({ text: 'At least 80% of MARAC referrals are heard within 10 working days', rag: 'NO_DATA' });
  });

  it('takes measurements against the typed target (recordSuccessMeasurement) and gives a RAG', async () => {
    const statement = await repository(SuccessStatementEntity).findOneByOrFail({ priorityId: DOMESTIC_ABUSE, position: 7 });
    await ok(
      `mutation ($id: ID!) { recordSuccessMeasurement(statementId: $id, measuredOn: "2025-06-30", value: 84) { id } }`,
      { id: statement.id },
      shropshireAdmin,
    );
    const after = (await prioritiesOn('2025-07-01')).find((priority) => priority.id === DOMESTIC_ABUSE)!.successStatements[6]!;
    expect(after.rag).toBe('GREEN');
  });

  it('adds two statements at once at the next two positions', async () => {
    const results = await Promise.all(
      ['Two writers: first', 'Two writers: second'].map((text) =>
        federation.query(ADD_STATEMENT, { as: shropshireAdmin, variables: { priorityId: COMMUNITY_SAFETY, input: { text } } }),
      ),
    );
    expect(results.map(codeOf)).toEqual([undefined, undefined]);
    // 002 gives Community Safety Practice Oversight 10 statements.
    expect(results.map((result) => result.data!.addSuccessStatement.position).sort()).toEqual([11, 12]);
  });

  it.each([
    ['a percentage unit for a time limit', { comparison: 'COMPLETED_WITHIN', value: 15, unit: 'PERCENT', measures: 'x' }, 'input.target.unit'],
    ['a percentage above 100', { comparison: 'AT_LEAST', value: 101, unit: 'PERCENT', measures: 'x' }, 'input.target.value'],
    [
      'a reduction without its baseline period',
      { comparison: 'REDUCE_BY_AT_LEAST_PERCENT', value: 5, unit: 'PERCENT', measures: 'x' },
      'input.target.baselinePeriod',
    ],
    [
      'a baseline on a target that is not a reduction',
      { comparison: 'ABOVE', value: 3, unit: 'PERCENT', baselineValue: 2, measures: 'x' },
      'input.target.baselineValue',
    ],
    ['a fractional number of working days', { comparison: 'COMPLETED_WITHIN', value: 2.5, unit: 'WORKING_DAYS', measures: 'x' }, 'input.target.value'],
    ['an empty measures', { comparison: 'AT_LEAST', value: 75, unit: 'PERCENT', measures: ' ' }, 'input.target.measures'],
  ])('refuses %s with BAD_USER_INPUT naming the field and writes nothing', async (_case, target, field) => {
    const before = await snapshot();
    const result = await federation.query(ADD_STATEMENT, {
      as: shropshireAdmin,
      variables: { priorityId: DOMESTIC_ABUSE, input: { text: 'A target', target } },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot()).toEqual(before);
  });

  it('revises the re-offending statement from a date: earlier dates keep the words and reduction target of 002', async () => {
    const statement = await repository(SuccessStatementEntity).findOneByOrFail({ text: 'Reduce re-offending by at least 5% based on 2022-23 data' });
    const revised = (
      await ok(
        REVISE_STATEMENT,
        {
          id: statement.id,
          expectedVersion: statement.version,
          effectiveFrom: '2025-04-01',
          input: {
            text: 'Reduce re-offending by at least 8% based on 2023-24 data',
            target: {
              comparison: 'REDUCE_BY_AT_LEAST_PERCENT',
              value: 8,
              unit: 'PERCENT',
              baselinePeriod: '2023-24',
              baselineValue: 24.5,
              measures: 'the re-offending rate',
            },
          },
        },
        shropshireAdmin,
      )
    ).reviseSuccessStatement;
    expect(revised).toMatchObject({
      text: 'Reduce re-offending by at least 8% based on 2023-24 data',
      version: statement.version + 1,
      versionFrom: '2025-04-01',
      target: { comparison: 'REDUCE_BY_AT_LEAST_PERCENT', value: 8, baselinePeriod: '2023-24', baselineValue: 24.5 },
      earlierVersions: [
        {
          validFrom: '2023-04-01',
          validTo: '2025-03-31',
          text: 'Reduce re-offending by at least 5% based on 2022-23 data',
          target: { comparison: 'REDUCE_BY_AT_LEAST_PERCENT', value: 5 },
        },
      ],
    });
    const on = async (asOf: string) =>
      (await prioritiesOn(asOf)).find((priority) => priority.id === COMMUNITY_SAFETY)!.successStatements.find((candidate) => candidate.id === statement.id)!;
    expect(await on('2025-03-31')).toMatchObject({ text: 'Reduce re-offending by at least 5% based on 2022-23 data', target: { value: 5 } });
    expect(await on('2025-04-01')).toMatchObject({ text: 'Reduce re-offending by at least 8% based on 2023-24 data', target: { value: 8 } });
  });

  it('corrects a statement in place without a date, refuses a stale version with CONFLICT, and a text-only revision drops the target', async () => {
    const statement = await repository(SuccessStatementEntity).findOneByOrFail({ priorityId: DOMESTIC_ABUSE, position: 1 });
    const corrected = (
      await ok(REVISE_STATEMENT, { id: statement.id, expectedVersion: statement.version, input: { text: `${statement.text}.` } }, shropshireAdmin)
    ).reviseSuccessStatement;
    expect(corrected).toMatchObject({ text: `${statement.text}.`, measurable: false, earlierVersions: [], version: statement.version + 1 });
    const before = await snapshot();
    const stale = await federation.query(REVISE_STATEMENT, {
      as: shropshireAdmin,
      variables: { id: statement.id, expectedVersion: statement.version, input: { text: 'Stale' } },
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
  });

  it('applies exactly one of two statement revisions made from the same version', async () => {
    const statement = await repository(SuccessStatementEntity).findOneByOrFail({ priorityId: DOMESTIC_ABUSE, position: 2 });
    const results = await Promise.all(
      ['First wording', 'Second wording'].map((text) =>
        federation.query(REVISE_STATEMENT, {
          as: shropshireAdmin,
          variables: { id: statement.id, expectedVersion: statement.version, effectiveFrom: '2025-10-01', input: { text } },
        }),
      ),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    expect(await repository(SuccessStatementVersionEntity).countBy({ statementId: statement.id })).toBe(1);
  });
});

describe('retiring a success statement', () => {
  it('keeps it for dates up to its last day and drops it after; a stale version gets CONFLICT; bad days BAD_USER_INPUT', async () => {
    // Tackling Exploitation has 10 statements in 002.
    const statement = await repository(SuccessStatementEntity).findOneByOrFail({ priorityId: 'shropshire.tackling-exploitation', position: 10 });
    const count = async (asOf: string) =>
      (await prioritiesOn(asOf)).find((priority) => priority.id === 'shropshire.tackling-exploitation')!.successStatements.length;
    expect(await count('2025-06-01')).toBe(10);
    const before = await snapshot();
    for (const lastDay of ['2026-03-31', '2026-06-01', '2023-03-31']) {
      const result = await federation.query(RETIRE_STATEMENT, {
        as: shropshireAdmin,
        variables: { id: statement.id, expectedVersion: statement.version, lastDay },
      });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastDay' });
    }
    expect(await snapshot()).toEqual(before);
    const retired = (await ok(RETIRE_STATEMENT, { id: statement.id, expectedVersion: statement.version, lastDay: '2025-06-30' }, shropshireAdmin))
      .retireSuccessStatement;
    expect(retired).toEqual({ id: statement.id, version: statement.version + 1, validTo: '2025-06-30', viewerCanEdit: true });
    expect(await count('2025-06-30')).toBe(10);
    expect(await count('2025-07-01')).toBe(9);
    const stale = await federation.query(RETIRE_STATEMENT, {
      as: shropshireAdmin,
      variables: { id: statement.id, expectedVersion: statement.version, lastDay: '2025-01-01' },
    });
    expect(codeOf(stale)).toBe('CONFLICT');
  });
});

describe("Strategic Action Plan actions on 002's six-heading template", () => {
  const GROUP = 'shropshire.local-domestic-abuse-partnership-board';
  let action: { id: string; version: number };

  it('adds an action under a heading, with the template words, and counts a case file audit for its period', async () => {
    action = (
      await ok(
        ADD_ACTION,
        {
          bodyId: GROUP,
          input: {
            heading: 'UNDERSTANDING_WHAT_IS_HAPPENING',
            description: 'Multi-agency case file audit of domestic abuse referrals with children in the household',
            successMeasure: 'Audit completed and findings reported to the board',
            ownerOrganisationId: 'west-mercia-police',
            dueOn: '2027-01-31',
            period: '2026-27',
            isMultiAgencyCaseFileAudit: true,
          },
        },
        shropshireAdmin,
      )
    ).addStrategicAction;
    expect(action).toMatchObject({
      heading: 'UNDERSTANDING_WHAT_IS_HAPPENING',
      headingText: ACTION_PLAN_HEADINGS.find((heading) => heading.heading === 'UNDERSTANDING_WHAT_IS_HAPPENING')!.text,
      progress: 'NOT_STARTED',
      owner: { id: 'west-mercia-police' },
      version: 1,
      viewerCanEdit: true,
    });
    const { body } = await ok(
      `{ body(id: "${GROUP}") { strategicActionPlan { multiAgencyCaseFileAuditCheck { period multiAgencyCaseFileAudits compliant } } } }`,
      {},
    );
    expect(body.strategicActionPlan.multiAgencyCaseFileAuditCheck).toContainEqual({ period: '2026-27', multiAgencyCaseFileAudits: 1, compliant: true });
  });

  it.each([
    ['a period that is not a financial year', { period: '2026-28' }, 'input.period'],
    ['an owner that is not an organisation id', { ownerOrganisationId: 'West Mercia Police' }, 'input.ownerOrganisationId'],
    ['an empty description', { description: ' ' }, 'input.description'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, change, field) => {
    const before = await snapshot();
    const input = { heading: 'PREVENTION', description: 'Awareness campaign', successMeasure: 'Reach', dueOn: '2027-01-31', period: '2026-27', ...change };
    const result = await federation.query(ADD_ACTION, { as: shropshireAdmin, variables: { bodyId: GROUP, input } });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot()).toEqual(before);
  });

  it('records progress from the version read; a stale version gets CONFLICT; of two writers exactly one wins', async () => {
    const updated = (
      await ok(
        UPDATE_ACTION,
        { id: action.id, expectedVersion: action.version, input: { progress: 'IN_PROGRESS', evidence: 'Sample of 20 cases drawn.' } },
        shropshireAdmin,
      )
    ).updateStrategicAction;
    expect(updated).toEqual({ id: action.id, progress: 'IN_PROGRESS', evidence: 'Sample of 20 cases drawn.', version: 2 });
    const stale = await federation.query(UPDATE_ACTION, {
      as: shropshireAdmin,
      variables: { id: action.id, expectedVersion: 1, input: { progress: 'COMPLETED' } },
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    const results = await Promise.all(
      ['First evidence', 'Second evidence'].map((evidence) =>
        federation.query(UPDATE_ACTION, { as: shropshireAdmin, variables: { id: action.id, expectedVersion: 2, input: { evidence } } }),
      ),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    expect((await repository(StrategicActionEntity).findOneByOrFail({ id: action.id })).version).toBe(3);
    const nothing = await federation.query(UPDATE_ACTION, { as: shropshireAdmin, variables: { id: action.id, expectedVersion: 3, input: {} } });
    expect(nothing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });
});
