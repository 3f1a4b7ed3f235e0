import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { SuccessMeasurementEntity, SuccessStatementEntity } from '../entities';

/** Shropshire's strategic plan (002) through the gateway. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const PLAN = `{
  partnership(slug: "shropshire") {
    strategicPriorities(asOf: "2025-06-01") {
      title kind owningGroup { id }
      successStatements { text measurable target { comparison value unit baselinePeriod baselineSource { synthetic } } rag(asOf: "2025-06-01") }
    }
  }
}`;

it('holds every success statement of 002, verbatim', async () => {
  const { data, errors } = await federation.query(PLAN);
  expect(errors).toBeUndefined();
  const priorities = data!.partnership.strategicPriorities;
  const counts = Object.fromEntries(priorities.map((p: { title: string; successStatements: unknown[] }) => [p.title, p.successStatements.length]));
  // Hand-counted in 002 "Success Statements": 5 + 4 + 10 + 5 + 7 system, 6 + 10 + 7 strategic priority.
  expect(counts).toEqual({
    'Adult Safeguarding and Protection Practice Oversight': 5,
    'Child Safeguarding and Protection Practice Oversight': 4,
    'Community Safety Practice Oversight': 10,
    'Adult Statutory Case Review': 5,
    "Children's Statutory Case Review": 7,
    'Domestic Abuse': 6,
    'Tackling Exploitation': 10,
    'Tackling Drug and Alcohol Misuse': 7,
  });
  const document = fs.readFileSync(path.join(REPOSITORY_ROOT, 'sources', '002_93334ed95075e6c4.txt'), 'utf8');
  for (const priority of priorities) {
    for (const statement of priority.successStatements) expect(document).toContain(statement.text);
  }
});

it('parses the targets the text states and leaves the rest as text', async () => {
  const { data } = await federation.query(PLAN);
  const statements = data!.partnership.strategicPriorities.flatMap((p: { successStatements: unknown[] }) => p.successStatements);
  const measurable = statements.filter((s: { measurable: boolean }) => s.measurable);
  expect(measurable).toHaveLength(11);
  const reoffending = statements.find((s: { text: string }) => s.text.startsWith('Reduce re-offending'));
  expect(reoffending.target).toEqual({
    comparison: 'REDUCE_BY_AT_LEAST_PERCENT',
    value: 5,
    unit: 'PERCENT',
    baselinePeriod: '2022-23',
    baselineSource: { synthetic: true },
  });
  const violence = statements.find((s: { text: string }) => s.text === 'A reduction in serious violence');
  expect(violence).toMatchObject({ measurable: false, target: null, rag: null });
  expect(measurable.every((s: { rag: string }) => ['RED', 'AMBER', 'GREEN'].includes(s.rag))).toBe(true);
});

it('checks the one-audit-per-period rule per group, finding the seeded breach', async () => {
  const { data } = await federation.query(`{
    partnership(slug: "shropshire") { bodies(asOf: "2025-06-01") { id strategicActionPlan { actions { heading headingText progress source { synthetic } } multiAgencyCaseFileAuditCheck { period compliant } } } }
  }`);
  const plans = data!.partnership.bodies.filter((b: { strategicActionPlan: unknown }) => b.strategicActionPlan);
  expect(plans.length).toBeGreaterThanOrEqual(6);
  const breaches = plans.flatMap((b: { id: string; strategicActionPlan: { multiAgencyCaseFileAuditCheck: { period: string; compliant: boolean }[] } }) =>
    b.strategicActionPlan.multiAgencyCaseFileAuditCheck.filter((c) => !c.compliant).map((c) => `${b.id} ${c.period}`),
  );
  expect(breaches).toEqual(['shropshire.tackling-drug-and-alcohol-misuse-group 2024-25']);
  const action = plans[0].strategicActionPlan.actions[0];
  expect(action.source.synthetic).toBe(true);
});

describe('recording a measurement', () => {
  const RECORD = `mutation ($id: ID!, $on: Date!, $value: Float!) { recordSuccessMeasurement(statementId: $id, measuredOn: $on, value: $value) { rag(asOf: "2026-11-01") measurements { measuredOn value } } }`;
  const statementFor = async (prefix: string) => {
    const statements = await federation.dataSources.arrangements!.getRepository(SuccessStatementEntity).find();
    return statements.find((s) => s.text.startsWith(prefix))!;
  };
  const measurementCount = () => federation.dataSources.arrangements!.getRepository(SuccessMeasurementEntity).count();

  it('recomputes RAG from the new measurement', async () => {
    const statement = await statementFor('We expect at least 75%');
    const admin = [grant('partnership-admin', 'shropshire')];
    const low = await federation.query(RECORD, { as: admin, variables: { id: statement.id, on: '2026-10-15', value: 60 } });
    expect(low.errors).toBeUndefined();
    expect(low.data!.recordSuccessMeasurement.rag).toBe('RED');
    const high = await federation.query(RECORD, { as: admin, variables: { id: statement.id, on: '2026-10-20', value: 80 } });
    expect(high.data!.recordSuccessMeasurement.rag).toBe('GREEN');
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ["Telford & Wrekin's admin", 'FORBIDDEN', [grant('partnership-admin', 'telford-and-wrekin')]],
  ])('refuses %s with %s and records nothing', async (_who, code, as) => {
    const statement = await statementFor('We expect at least 75%');
    const before = await measurementCount();
    const { errors } = await federation.query(RECORD, { as, variables: { id: statement.id, on: '2026-09-01', value: 70 } });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(await measurementCount()).toBe(before);
  });

  it.each([
    ['a percentage over 100', 'We expect at least 75%', '2026-09-02', 150, /between 0 and 100/],
    ['a statement with no target', 'A reduction in serious violence', '2026-09-03', 5, /no measurable target/],
    ['a date in the future', 'We expect at least 75%', '2099-01-01', 50, /in the future/],
  ])('refuses %s with BAD_USER_INPUT and records nothing', async (_case, prefix, on, value, message) => {
    const statement = await statementFor(prefix);
    const before = await measurementCount();
    const { errors } = await federation.query(RECORD, { as: [grant('partnership-admin', 'shropshire')], variables: { id: statement.id, on, value } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await measurementCount()).toBe(before);
  });

  it('keeps one measurement per date when two are recorded at once', async () => {
    const statement = await statementFor('We expect at least 75%');
    const admin = [grant('partnership-admin', 'shropshire')];
    const results = await Promise.all(
      [70, 71].map((value) => federation.query(RECORD, { as: admin, variables: { id: statement.id, on: '2026-08-01', value } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(
      await federation.dataSources.arrangements!.getRepository(SuccessMeasurementEntity).countBy({ statementId: statement.id, measuredOn: '2026-08-01' }),
    ).toBe(1);
  });
});
