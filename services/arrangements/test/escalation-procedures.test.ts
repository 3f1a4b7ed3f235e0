import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { EscalationProcedureEntity, EscalationStepEntity } from '../entities';
import { escalationProcedures } from './seeded-packs';

/** Escalation and dispute-resolution procedures as ordered steps, through the gateway. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements'] });
});
afterAll(async () => {
  await federation?.stop();
});

const admin = [grant('partnership-admin', 'solihull')];
const procedures = () => federation.dataSources.arrangements!.getRepository(EscalationProcedureEntity);
const steps = () => federation.dataSources.arrangements!.getRepository(EscalationStepEntity);
/** Everything stored about procedures, to show a refused call changed nothing. */
const snapshot = async () => ({
  procedures: await procedures().find({ order: { id: 'ASC' } }),
  steps: await steps().find({ order: { procedureId: 'ASC', position: 'ASC' } }),
});

const PROCEDURE_FIELDS =
  'id title validFrom validTo version viewerCanEdit partnership { id } source { document section } steps { position trigger who action timescale }';
const CREATE = `mutation ($slug: String!, $input: CreateEscalationProcedureInput!) { createEscalationProcedure(partnershipSlug: $slug, input: $input) { ${PROCEDURE_FIELDS} } }`;
const REPLACE = `mutation ($id: ID!, $expectedVersion: Int!, $steps: [EscalationStepInput!]!) {
  replaceEscalationSteps(id: $id, expectedVersion: $expectedVersion, steps: $steps) { ${PROCEDURE_FIELDS} }
}`;
const RETIRE = `mutation ($id: ID!, $expectedVersion: Int!, $lastDay: Date!) { retireEscalationProcedure(id: $id, expectedVersion: $expectedVersion, lastDay: $lastDay) { ${PROCEDURE_FIELDS} } }`;

const TWO_STEPS = [
  {
    trigger: 'When two practitioners disagree',
    who: 'The practitioners',
    action: 'Discuss the disagreement and record the outcome',
    timescale: 'Within 2 working days',
  },
  { who: 'Their line managers', action: 'Meet and agree a way forward', timescale: 'Within 5 working days' },
];

async function create(input: Record<string, unknown>, as = admin) {
  const { data, errors } = await federation.query(CREATE, { as, variables: { slug: 'solihull', input } });
  expect(errors).toBeUndefined();
  return data!.createEscalationProcedure as { id: string; version: number };
}

describe('the seeded procedures: only what the documents state', () => {
  it("gives Telford & Wrekin's dispute resolution (003) as four ordered steps, with no timescale since none is stated", async () => {
    const { data, errors } = await federation.query(`{
      tw: partnership(slug: "telford-and-wrekin") { escalationProcedures { ${PROCEDURE_FIELDS} } }
      shropshire: partnership(slug: "shropshire") { escalationProcedures { id } }
      solihull: partnership(slug: "solihull") { escalationProcedures { id } }
    }`);
    expect(errors).toBeUndefined();
    const [procedure] = data!.tw.escalationProcedures;
    expect(data!.tw.escalationProcedures).toHaveLength(1);
    expect(procedure).toMatchObject({
      title: 'Dispute resolution',
      validFrom: null,
      validTo: null,
      version: 1,
      viewerCanEdit: false,
      partnership: { id: 'telford-and-wrekin' },
      source: { document: '003_b1549964c7b91fcb.txt', section: 'Dispute Resolution & Whistleblowing: Dispute resolution' },
    });
    expect(procedure.steps.map((step: { position: number; who: string }) => [step.position, step.who])).toEqual([
      [1, 'The two agencies in disagreement'],
      [2, 'Safeguarding Partnerships Executive'],
      [3, 'The three statutory safeguarding partners'],
      [4, 'The statutory safeguarding partners'],
    ]);
    expect(procedure.steps.every((step: { timescale: string | null }) => step.timescale === null)).toBe(true);
    // Shropshire's arrangements (001) name an Escalation Policy without its steps; Solihull's state none.
    expect(data!.shropshire.escalationProcedures).toEqual([]);
    expect(data!.solihull.escalationProcedures).toEqual([]);
  });

  it("quotes each step's trigger and action verbatim from its document", () => {
    expect(escalationProcedures.length).toBeGreaterThan(0);
    for (const procedure of escalationProcedures) {
      for (const step of procedure.steps) {
        expect(step.provenance.kind).toBe('stated');
        const text = fs.readFileSync(path.join(REPOSITORY_ROOT, 'sources', step.provenance.kind === 'stated' ? step.provenance.source : ''), 'utf8');
        expect(text).toContain(step.action);
        if (step.trigger) expect(text).toContain(step.trigger);
      }
    }
  });

  it('says an admin of the partnership may edit it', async () => {
    const { data } = await federation.query(`{ partnership(slug: "telford-and-wrekin") { escalationProcedures { viewerCanEdit } } }`, {
      as: [grant('partnership-admin', 'telford-and-wrekin')],
    });
    expect(data!.partnership.escalationProcedures[0].viewerCanEdit).toBe(true);
  });
});

describe('recording, revising and retiring a procedure', () => {
  it('records a procedure with its steps in order, trimmed, from the date given', async () => {
    const { data, errors } = await federation.query(CREATE, {
      as: admin,
      variables: { slug: 'solihull', input: { title: '  Resolving professional disagreements ', validFrom: '2026-04-01', steps: TWO_STEPS } },
    });
    expect(errors).toBeUndefined();
    expect(data!.createEscalationProcedure).toMatchObject({
      title: 'Resolving professional disagreements',
      validFrom: '2026-04-01',
      validTo: null,
      version: 1,
      viewerCanEdit: true,
      partnership: { id: 'solihull' },
      source: { document: 'recorded through the API' },
      steps: [
        { position: 1, ...TWO_STEPS[0] },
        { position: 2, trigger: null, ...TWO_STEPS[1] },
      ],
    });
    const listed = await federation.query(`{ partnership(slug: "solihull") { escalationProcedures(asOf: "2026-06-01") { id } } }`);
    expect(listed.data!.partnership.escalationProcedures).toEqual([{ id: data!.createEscalationProcedure.id }]);
  });

  it('replaces every step from the version read; a stale version gets CONFLICT and changes nothing', async () => {
    const procedure = await create({ title: 'Escalation policy', steps: TWO_STEPS });
    const revised = [...TWO_STEPS, { who: 'The Executive', action: 'Decide', timescale: null }];
    const { data, errors } = await federation.query(REPLACE, { as: admin, variables: { id: procedure.id, expectedVersion: 1, steps: revised } });
    expect(errors).toBeUndefined();
    expect(data!.replaceEscalationSteps.version).toBe(2);
    expect(data!.replaceEscalationSteps.steps.map((step: { position: number; who: string }) => [step.position, step.who])).toEqual([
      [1, 'The practitioners'],
      [2, 'Their line managers'],
      [3, 'The Executive'],
    ]);

    // The steps replaced stay readable, with who replaced them and when.
    const { data: read } = await federation.query(
      `{ partnership(slug: "solihull") { escalationProcedures { id revisions { version replacedOn replacedBy steps { position who action timescale } } } } }`,
    );
    const stored = read!.partnership.escalationProcedures.find((p: { id: string }) => p.id === procedure.id);
    expect(stored.revisions).toEqual([
      {
        version: 1,
        replacedOn: todayInEngland(),
        replacedBy: 'test-user',
        steps: TWO_STEPS.map(({ who, action, timescale }, index) => ({ position: index + 1, who, action, timescale })),
      },
    ]);

    const before = await snapshot();
    const stale = await federation.query(REPLACE, { as: admin, variables: { id: procedure.id, expectedVersion: 1, steps: TWO_STEPS } });
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
  });

  it('lets exactly one of two writers with the same version replace the steps', async () => {
    const procedure = await create({ title: 'Racing revisions', steps: TWO_STEPS });
    const results = await Promise.all(
      ['First writer', 'Second writer'].map((who) =>
        federation.query(REPLACE, { as: admin, variables: { id: procedure.id, expectedVersion: 1, steps: [{ who, action: 'Act' }] } }),
      ),
    );
    const winner = results.find((result) => !result.errors)!;
    expect(results.filter((result) => result.errors).map((result) => result.errors![0]!.extensions!.code)).toEqual(['CONFLICT']);
    const stored = await steps().find({ where: { procedureId: procedure.id } });
    expect(stored.map((step) => step.who)).toEqual([winner.data!.replaceEscalationSteps.steps[0].who]);
    const row = await procedures().findOneByOrFail({ id: procedure.id });
    expect(row.version).toBe(2);
    // One revision: the loser's write left nothing behind.
    expect(row.revisions.map((revision) => revision.steps.map((step) => step.who))).toEqual([TWO_STEPS.map((step) => step.who)]);
  });

  it('retires a procedure from a date: it still answers for earlier dates, not after', async () => {
    const procedure = await create({ title: 'Superseded escalation policy', validFrom: '2025-01-01', steps: TWO_STEPS });
    const { data, errors } = await federation.query(RETIRE, { as: admin, variables: { id: procedure.id, expectedVersion: 1, lastDay: '2026-03-31' } });
    expect(errors).toBeUndefined();
    expect(data!.retireEscalationProcedure).toMatchObject({ validTo: '2026-03-31', version: 2, viewerCanEdit: false });
    const asOf = async (date: string) =>
      (
        await federation.query(`query ($date: Date!) { partnership(slug: "solihull") { escalationProcedures(asOf: $date) { id } } }`, { variables: { date } })
      ).data!.partnership.escalationProcedures.map((p: { id: string }) => p.id);
    expect(await asOf('2024-12-31')).not.toContain(procedure.id);
    expect(await asOf('2025-06-01')).toContain(procedure.id);
    expect(await asOf('2026-03-31')).toContain(procedure.id);
    expect(await asOf('2026-04-01')).not.toContain(procedure.id);

    const before = await snapshot();
    const again = await federation.query(RETIRE, { as: admin, variables: { id: procedure.id, expectedVersion: 2, lastDay: '2026-06-30' } });
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
    const revise = await federation.query(REPLACE, { as: admin, variables: { id: procedure.id, expectedVersion: 2, steps: TWO_STEPS } });
    expect(revise.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a stale version when retiring, and a last day before the procedure applied', async () => {
    const procedure = await create({ title: 'Policy to retire', validFrom: '2026-01-01', steps: TWO_STEPS });
    const before = await snapshot();
    const stale = await federation.query(RETIRE, { as: admin, variables: { id: procedure.id, expectedVersion: 5, lastDay: '2026-06-30' } });
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    const early = await federation.query(RETIRE, { as: admin, variables: { id: procedure.id, expectedVersion: 1, lastDay: '2025-12-31' } });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastDay' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('bad input and callers who may not', () => {
  const step = { who: 'The practitioners', action: 'Discuss' };
  it.each([
    ['no steps', { title: 'Policy', steps: [] }, 'steps'],
    ['21 steps', { title: 'Policy', steps: Array.from({ length: 21 }, (_, i) => ({ who: `Who ${i}`, action: 'Act' })) }, 'steps'],
    ['the same step twice', { title: 'Policy', steps: [step, { ...step, who: ' the practitioners ' }] }, 'steps[1]'],
    ['a blank title', { title: '  ', steps: [step] }, 'title'],
    ['a title on two lines', { title: 'Escalation\npolicy', steps: [step] }, 'title'],
    ['a blank who', { title: 'Policy', steps: [step, { who: ' ', action: 'Act' }] }, 'steps[1].who'],
    ['an action over 2,000 characters', { title: 'Policy', steps: [{ who: 'Us', action: 'a'.repeat(2001) }] }, 'steps[0].action'],
    ['a timescale with a bidi control', { title: 'Policy', steps: [{ ...step, timescale: 'Within \u202E5 days' }] }, 'steps[0].timescale'],
  ])('refuses %s with BAD_USER_INPUT naming the field, recording nothing', async (_case, input, field) => {
    const before = await snapshot();
    const { errors } = await federation.query(CREATE, { as: admin, variables: { slug: 'solihull', input } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad steps on a revision too, changing nothing', async () => {
    const procedure = await create({ title: 'Revised badly', steps: TWO_STEPS });
    const before = await snapshot();
    const { errors } = await federation.query(REPLACE, { as: admin, variables: { id: procedure.id, expectedVersion: 1, steps: [] } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'steps' });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another partnership's admin, the forum secretariat and an analyst with FORBIDDEN, and an anonymous caller, changing nothing", async () => {
    const procedure = await create({ title: 'Not yours', steps: TWO_STEPS });
    const before = await snapshot();
    for (const as of [[grant('partnership-admin', 'shropshire')], [grant('forum-secretariat')], [grant('analyst')], [grant('member', 'solihull')]]) {
      const created = await federation.query(CREATE, { as, variables: { slug: 'solihull', input: { title: 'Policy', steps: TWO_STEPS } } });
      expect(created.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const replaced = await federation.query(REPLACE, { as, variables: { id: procedure.id, expectedVersion: 1, steps: TWO_STEPS } });
      expect(replaced.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const retired = await federation.query(RETIRE, { as, variables: { id: procedure.id, expectedVersion: 1, lastDay: '2027-01-01' } });
      expect(retired.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const anonymous = await federation.query(CREATE, { variables: { slug: 'solihull', input: { title: 'Policy', steps: TWO_STEPS } } });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown partnership or procedure', async () => {
    const partnership = await federation.query(CREATE, { as: admin, variables: { slug: 'nowhere', input: { title: 'Policy', steps: TWO_STEPS } } });
    expect(partnership.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid']) {
      const { errors } = await federation.query(RETIRE, { as: admin, variables: { id, expectedVersion: 1, lastDay: '2027-01-01' } });
      expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
    }
  });
});
