import { BodyEntity, BodyPartnershipEntity, BodyReportingLineEntity, BodyTermsHistoryEntity } from '../entities';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** The bodies system-of-record mutations: who may, bad input, history, corrections, cycles, sharing and concurrency. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const TW = 'telford-and-wrekin';
const EXECUTIVE = 'telford-and-wrekin.executive';
const WIDER = 'telford-and-wrekin.safeguarding-partnership';
const twAdmin = [grant('partnership-admin', TW)];

const arrangements = () => federation.dataSources.arrangements!;
const storedBody = (id: string) => arrangements().getRepository(BodyEntity).findOneByOrFail({ id });
/** What a refused edit must leave alone: the body, its lines, its history and its partnerships. */
async function snapshot(id: string) {
  return {
    body: await arrangements().getRepository(BodyEntity).findOneBy({ id }),
    lines: await arrangements()
      .getRepository(BodyReportingLineEntity)
      .find({ order: { id: 'ASC' } }),
    history: await arrangements().getRepository(BodyTermsHistoryEntity).findBy({ bodyId: id }),
    partnerships: await arrangements().getRepository(BodyPartnershipEntity).findBy({ bodyId: id }),
  };
}

const CREATE = `mutation ($input: CreateBodyInput!) {
  createBody(input: $input) { id name kind validFrom version viewerCanEdit viewerCanShare reportsTo { id } reportingLines { parent { id } kind validFrom validTo }
    quorumRule { requiredOrganisations { id } } chairRule { appointedFrom termMonths } partnerships { slug } }
}`;
const CHANGE = `mutation ($id: ID!, $v: Int!, $from: Date!, $input: BodyTermsInput!) {
  changeBody(id: $id, expectedVersion: $v, effectiveFrom: $from, input: $input) { id kind purpose termsFrom version meetingFrequency { meetingsPerYear } }
}`;
const CORRECT = `mutation ($id: ID!, $v: Int!, $asOf: Date, $input: BodyTermsInput!) {
  correctBody(id: $id, expectedVersion: $v, asOf: $asOf, input: $input) { id purpose version }
}`;
const LINES = `mutation ($id: ID!, $v: Int!, $from: Date!, $lines: [ReportingLineInput!]!) {
  changeReportingLines(id: $id, expectedVersion: $v, effectiveFrom: $from, lines: $lines) { id version reportingLines { parent { id } kind validFrom validTo } }
}`;
const END = `mutation ($id: ID!, $v: Int!, $validTo: Date!) { endBody(id: $id, expectedVersion: $v, validTo: $validTo) { id validTo version } }`;
const SHARE = `mutation ($id: ID!, $v: Int!, $slug: String!) { shareBody(id: $id, expectedVersion: $v, partnershipSlug: $slug) { id version partnerships { slug } } }`;

const newBody = (slug: string, extra: Record<string, unknown> = {}) => ({
  partnershipSlug: TW,
  slug,
  name: `Group ${slug}`,
  kind: 'TASK_AND_FINISH_GROUP',
  purpose: 'A time-limited group for one piece of work.',
  validFrom: '2025-01-01',
  ...extra,
});

describe('createBody', () => {
  it('creates a body with its rules and lines, and says the admin may edit it', async () => {
    const { data, errors } = await federation.query(CREATE, {
      as: twAdmin,
      variables: {
        input: newBody('neglect-task-group', {
          kind: 'THEMATIC_GROUP',
          reportingLines: [{ parentId: EXECUTIVE }, { parentId: WIDER, kind: 'PROVIDES_ASSURANCE_TO' }],
          chairRule: {
            appointedFrom: 'STATUTORY_PARTNERS',
            termMonths: 12,
            termAlignedToFinancialYear: true,
            noConsecutiveTermsSameOrganisation: true,
            viceChairFromDifferentOrganisation: false,
            viceChairSucceeds: false,
            description: 'Chaired by a statutory partner for a financial year, rotating.',
          },
          quorumRule: {
            kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED',
            namedDeputyCounts: true,
            requiredOrganisationIds: ['telford-and-wrekin-council', 'west-mercia-police'],
            statutoryPartnersInKeyDecisions: true,
            unexplainedAbsenceReported: false,
            description: 'Quorate with the council and police.',
          },
        }),
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.createBody).toEqual({
      id: 'telford-and-wrekin.neglect-task-group',
      name: 'Group neglect-task-group',
      kind: 'THEMATIC_GROUP',
      validFrom: '2025-01-01',
      version: 1,
      viewerCanEdit: true,
      viewerCanShare: false,
      reportsTo: { id: EXECUTIVE },
      reportingLines: [
        { parent: { id: EXECUTIVE }, kind: 'REPORTS_TO', validFrom: '2025-01-01', validTo: null },
        { parent: { id: WIDER }, kind: 'PROVIDES_ASSURANCE_TO', validFrom: '2025-01-01', validTo: null },
      ].sort((a, b) => a.parent.id.localeCompare(b.parent.id)),
      quorumRule: { requiredOrganisations: [{ id: 'telford-and-wrekin-council' }, { id: 'west-mercia-police' }] },
      chairRule: { appointedFrom: 'STATUTORY_PARTNERS', termMonths: 12 },
      partnerships: [{ slug: TW }],
    });
    const { data: partnership } = await federation.query(`{ partnership(slug: "${TW}") { bodies(asOf: "2025-02-01") { id } } }`);
    expect(partnership!.partnership.bodies.map((b: { id: string }) => b.id)).toContain('telford-and-wrekin.neglect-task-group');
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['a member', 'FORBIDDEN', [grant('member', TW)]],
    ["another partnership's admin", 'FORBIDDEN', [grant('partnership-admin', 'solihull')]],
  ])('refuses %s with %s and creates nothing', async (_who, code, as) => {
    const { data, errors } = await federation.query(CREATE, { as, variables: { input: newBody('refused-group') } });
    expect(data?.createBody ?? null).toBeNull();
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(await arrangements().getRepository(BodyEntity).findOneBy({ id: 'telford-and-wrekin.refused-group' })).toBeNull();
  });

  it.each([
    ['a slug with capitals', { slug: 'Bad_Slug' }, 'input.slug'],
    ['an over-long name', { name: 'x'.repeat(201) }, 'input.name'],
    [
      'a quorum naming an agency outside the partnership',
      {
        quorumRule: {
          kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED',
          namedDeputyCounts: false,
          requiredOrganisationIds: ['west-midlands-police'],
          statutoryPartnersInKeyDecisions: false,
          unexplainedAbsenceReported: false,
          description: 'x',
        },
      },
      'input.quorumRule.requiredOrganisationIds',
    ],
    [
      'a named-organisation chair without the organisation',
      {
        chairRule: {
          appointedFrom: 'NAMED_ORGANISATION',
          termAlignedToFinancialYear: false,
          noConsecutiveTermsSameOrganisation: false,
          viceChairFromDifferentOrganisation: false,
          viceChairSucceeds: false,
          description: 'x',
        },
      },
      'input.chairRule.organisationId',
    ],
    ['an unknown parent', { reportingLines: [{ parentId: 'telford-and-wrekin.nothing' }] }, 'input.reportingLines[0].parentId'],
    [
      'an impossible frequency',
      { meetingFrequency: { meetingsPerYear: 0, description: 'never', period: 'CALENDAR_YEAR' } },
      'input.meetingFrequency.meetingsPerYear',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field, and creates nothing', async (_case, extra, field) => {
    const { errors } = await federation.query(CREATE, { as: twAdmin, variables: { input: newBody('bad-group', extra) } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.extensions!.field).toBe(field);
    expect(await arrangements().getRepository(BodyEntity).findOneBy({ id: 'telford-and-wrekin.bad-group' })).toBeNull();
  });

  it('answers CONFLICT for an id already taken', async () => {
    const { errors } = await federation.query(CREATE, { as: twAdmin, variables: { input: newBody('executive') } });
    expect(errors![0]!.extensions!.code).toBe('CONFLICT');
  });
});

describe('changeBody and correctBody: history from a date, corrections in place', () => {
  const id = 'telford-and-wrekin.history-group';
  beforeAll(async () => {
    const { errors } = await federation.query(CREATE, {
      as: twAdmin,
      variables: { input: newBody('history-group', { meetingFrequency: { meetingsPerYear: 4, description: 'quarterly', period: 'CALENDAR_YEAR' } }) },
    });
    expect(errors).toBeUndefined();
  });
  const asOfQuery = `query ($asOf: Date) { body(id: "${id}", asOf: $asOf) { kind purpose asOf meetingFrequency { meetingsPerYear } } }`;

  it('keeps the earlier terms for earlier dates', async () => {
    const before = await storedBody(id);
    const { data, errors } = await federation.query(CHANGE, {
      as: twAdmin,
      variables: {
        id,
        v: before.version,
        from: '2025-07-01',
        input: { kind: 'STANDING_GROUP', meetingFrequency: { meetingsPerYear: 6, description: 'bi-monthly', period: 'CALENDAR_YEAR' } },
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.changeBody).toMatchObject({
      kind: 'STANDING_GROUP',
      termsFrom: '2025-07-01',
      version: before.version + 1,
      meetingFrequency: { meetingsPerYear: 6 },
    });
    const june = await federation.query(asOfQuery, { variables: { asOf: '2025-06-30' } });
    expect(june.data!.body).toEqual({ kind: 'TASK_AND_FINISH_GROUP', purpose: before.purpose, asOf: '2025-06-30', meetingFrequency: { meetingsPerYear: 4 } });
    const july = await federation.query(asOfQuery, { variables: { asOf: '2025-07-01' } });
    expect(july.data!.body).toMatchObject({ kind: 'STANDING_GROUP', meetingFrequency: { meetingsPerYear: 6 } });
    // Partnership.bodies(asOf) answers from the dates too.
    const listed = await federation.query(`{ partnership(slug: "${TW}") { bodies(asOf: "2025-03-01") { id kind } } }`);
    expect(listed.data!.partnership.bodies.find((b: { id: string }) => b.id === id).kind).toBe('TASK_AND_FINISH_GROUP');
  });

  it('refuses a change not after the last one, or before the body began, and changes nothing', async () => {
    for (const from of ['2025-07-01', '2025-01-01', '2024-01-01']) {
      const before = await snapshot(id);
      const { errors } = await federation.query(CHANGE, { as: twAdmin, variables: { id, v: before.body!.version, from, input: { purpose: 'Later purpose' } } });
      expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(errors![0]!.extensions!.field).toBe('effectiveFrom');
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it('corrects the earlier period in place without starting a new one', async () => {
    const before = await storedBody(id);
    const { errors } = await federation.query(CORRECT, {
      as: twAdmin,
      variables: { id, v: before.version, asOf: '2025-03-01', input: { purpose: 'The corrected first purpose.' } },
    });
    expect(errors).toBeUndefined();
    const march = await federation.query(asOfQuery, { variables: { asOf: '2025-03-01' } });
    expect(march.data!.body.purpose).toBe('The corrected first purpose.');
    expect(await arrangements().getRepository(BodyTermsHistoryEntity).countBy({ bodyId: id })).toBe(1);
    const after = await storedBody(id);
    expect(after.purpose).toBe(before.purpose);
    expect(after.version).toBe(before.version + 1);
  });

  it('gives CONFLICT for a stale version, and exactly one of two changes from the same version wins', async () => {
    const before = await storedBody(id);
    const stale = await federation.query(CORRECT, { as: twAdmin, variables: { id, v: before.version - 1, input: { purpose: 'Stale' } } });
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    const results = await Promise.all(
      ['2026-01-01', '2026-02-01'].map((from) =>
        federation.query(CHANGE, { as: twAdmin, variables: { id, v: before.version, from, input: { purpose: `From ${from}` } } }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors).map((result) => result.errors![0]!.extensions!.code)).toEqual(['CONFLICT']);
    expect((await storedBody(id)).version).toBe(before.version + 1);
    expect(await arrangements().getRepository(BodyTermsHistoryEntity).countBy({ bodyId: id })).toBe(2);
  });

  it("refuses another partnership's admin with FORBIDDEN", async () => {
    const before = await snapshot(id);
    const { errors } = await federation.query(CHANGE, {
      as: [grant('partnership-admin', 'shropshire')],
      variables: { id, v: before.body!.version, from: '2027-01-01', input: { purpose: 'Hijacked' } },
    });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('changeReportingLines and endBody', () => {
  it('moves a line from a date and keeps the earlier line for earlier dates', async () => {
    await federation.query(CREATE, { as: twAdmin, variables: { input: newBody('moving-group', { reportingLines: [{ parentId: EXECUTIVE }] }) } });
    const id = 'telford-and-wrekin.moving-group';
    const before = await storedBody(id);
    const { data, errors } = await federation.query(LINES, {
      as: twAdmin,
      variables: { id, v: before.version, from: '2025-06-01', lines: [{ parentId: WIDER }, { parentId: EXECUTIVE, kind: 'ACCOUNTABLE_TO' }] },
    });
    expect(errors).toBeUndefined();
    expect(data!.changeReportingLines.reportingLines).toEqual(
      expect.arrayContaining([
        { parent: { id: EXECUTIVE }, kind: 'REPORTS_TO', validFrom: '2025-01-01', validTo: '2025-05-31' },
        { parent: { id: WIDER }, kind: 'REPORTS_TO', validFrom: '2025-06-01', validTo: null },
        { parent: { id: EXECUTIVE }, kind: 'ACCOUNTABLE_TO', validFrom: '2025-06-01', validTo: null },
      ]),
    );
    const on = async (asOf: string) => (await federation.query(`{ body(id: "${id}", asOf: "${asOf}") { reportsTo { id } } }`)).data!.body.reportsTo.id;
    expect(await on('2025-05-31')).toBe(EXECUTIVE);
    expect(await on('2025-06-01')).toBe(WIDER);
  });

  it.each([
    ['itself', (id: string) => id, /cannot report to itself/],
    ['a body that reports to it (a cycle)', () => 'telford-and-wrekin.moving-group', /would make a cycle/],
  ])('refuses a line to %s with BAD_USER_INPUT and changes nothing', async (_case, parent, message) => {
    const id = WIDER;
    const before = await snapshot(id);
    const { errors } = await federation.query(LINES, {
      as: twAdmin,
      variables: { id, v: before.body!.version, from: '2025-09-01', lines: [{ parentId: parent(id) }] },
    });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.extensions!.field).toBe('lines');
    expect(errors![0]!.message).toMatch(message);
    expect(await snapshot(id)).toEqual(before);
  });

  it('ends a body and its lines, refuses dates out of order, and refuses a second end', async () => {
    const id = 'telford-and-wrekin.moving-group';
    const early = await snapshot(id);
    const refused = await federation.query(END, { as: twAdmin, variables: { id, v: early.body!.version, validTo: '2024-12-31' } });
    expect(refused.errors![0]!.extensions!.field).toBe('validTo');
    expect(await snapshot(id)).toEqual(early);
    const { data, errors } = await federation.query(END, { as: twAdmin, variables: { id, v: early.body!.version, validTo: '2025-12-31' } });
    expect(errors).toBeUndefined();
    expect(data!.endBody).toMatchObject({ validTo: '2025-12-31', version: early.body!.version + 1 });
    const lines = await arrangements().getRepository(BodyReportingLineEntity).findBy({ bodyId: id });
    expect(lines.every((line) => line.validTo !== null && line.validTo <= '2025-12-31')).toBe(true);
    const again = await federation.query(END, { as: twAdmin, variables: { id, v: early.body!.version + 1, validTo: '2026-01-31' } });
    expect(again.errors![0]!.message).toMatch(/already ended/);
  });
});

describe('shareBody', () => {
  const id = 'telford-and-wrekin.shared-group';
  beforeAll(async () => {
    await federation.query(CREATE, { as: twAdmin, variables: { input: newBody('shared-group') } });
  });

  it('refuses an admin of one partnership only (no consent of the other)', async () => {
    const before = await snapshot(id);
    const { errors } = await federation.query(SHARE, { as: twAdmin, variables: { id, v: before.body!.version, slug: 'shropshire' } });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await snapshot(id)).toEqual(before);
  });

  it('lets an admin of both partnerships share it, and says so in advance', async () => {
    const both = [grant('partnership-admin', TW), grant('partnership-admin', 'shropshire')];
    const view = await federation.query(`{ body(id: "${id}") { viewerCanShare } }`, { as: both });
    expect(view.data!.body.viewerCanShare).toBe(true);
    const before = await storedBody(id);
    const { data, errors } = await federation.query(SHARE, { as: both, variables: { id, v: before.version, slug: 'shropshire' } });
    expect(errors).toBeUndefined();
    expect(data!.shareBody.partnerships.map((p: { slug: string }) => p.slug)).toEqual(['shropshire', TW]);
    const again = await federation.query(SHARE, { as: both, variables: { id, v: before.version + 1, slug: 'shropshire' } });
    expect(again.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('lets a regional-admin share it', async () => {
    const before = await storedBody(id);
    const { errors } = await federation.query(SHARE, { as: [grant('regional-admin')], variables: { id, v: before.version, slug: 'solihull' } });
    expect(errors).toBeUndefined();
  });
});

describe('the published contract with membership', () => {
  it('publishes a created body and its chair rule in the view membership reads', async () => {
    const rows = await arrangements().query(
      `SELECT body_id, kind, partnership_ids, chair_rule, quorum_organisation_ids FROM arrangements.published_body WHERE body_id = $1`,
      ['telford-and-wrekin.neglect-task-group'],
    );
    expect(rows).toEqual([
      {
        body_id: 'telford-and-wrekin.neglect-task-group',
        kind: 'THEMATIC_GROUP',
        partnership_ids: [TW],
        chair_rule: {
          appointedFrom: 'STATUTORY_PARTNERS',
          organisationId: null,
          termMonths: 12,
          termAlignedToFinancialYear: true,
          noConsecutiveTermsSameOrganisation: true,
          viceChairFromDifferentOrganisation: false,
          viceChairSucceeds: false,
          // Its words and source: membership quotes them when it refuses an appointment.
          description: 'Chaired by a statutory partner for a financial year, rotating.',
          source: { document: 'Recorded through the API', section: 'createBody', synthetic: false },
        },
        quorum_organisation_ids: ['telford-and-wrekin-council', 'west-mercia-police'],
      },
    ]);
  });
});
