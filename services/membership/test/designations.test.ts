import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { DesignationEntity } from '../entities';

/** Designations with terms through the gateway: succession, as-of reads, ends and corrections, who may, and two writers. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const rows = () => federation.dataSources.membership!.getRepository(DesignationEntity);
const shAdmin = [grant('partnership-admin', 'shropshire')];
const FIELDS = 'id kind partnership { id } organisation { id } post { title } startDate endDate version source { document }';
const DESIGNATE = `mutation ($input: DesignateInput!) { designate(input: $input) { ${FIELDS} } }`;
const END = `mutation ($id: ID!, $expectedVersion: Int!, $endDate: Date!) { endDesignation(id: $id, expectedVersion: $expectedVersion, endDate: $endDate) { ${FIELDS} } }`;
const CORRECT = `mutation ($id: ID!, $expectedVersion: Int!, $input: CorrectDesignationInput!) { correctDesignation(id: $id, expectedVersion: $expectedVersion, input: $input) { ${FIELDS} } }`;

async function scrutineersOn(asOf: string): Promise<{ organisation: { id: string }; startDate: string | null; endDate: string | null }[]> {
  const { data, errors } = await federation.query(
    `query ($asOf: Date) { partnership(slug: "shropshire") { designations(kind: INDEPENDENT_SCRUTINEER, asOf: $asOf) { organisation { id } startDate endDate } } }`,
    { variables: { asOf } },
  );
  expect(errors).toBeUndefined();
  return data!.partnership.designations;
}

/** A checksum of the designation table: a refused call must leave it as it was. */
const snapshot = async () => JSON.stringify(await rows().find({ order: { id: 'ASC' } }));

describe('the seeded designations', () => {
  it('keep what the seed says: no dates the documents do not state, version 1, their source', async () => {
    const { data, errors } = await federation.query(
      `{ partnership(slug: "telford-and-wrekin") { designations { kind organisation { id } startDate endDate version source { document } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.partnership.designations).toHaveLength(7);
    expect(data!.partnership.designations).toContainEqual({
      kind: 'INDEPENDENT_CHAIR',
      organisation: { id: 'telford-and-wrekin-independent-chair' },
      startDate: null,
      endDate: null,
      version: 1,
      source: { document: '003_b1549964c7b91fcb.txt' },
    });
    expect(data!.partnership.designations.every((d: { startDate: string | null; endDate: string | null }) => d.startDate === null && d.endDate === null)).toBe(
      true,
    );
  });

  it.each([
    ['the anonymous public', undefined, false],
    ["Shropshire's partnership-admin", shAdmin, true],
    ["Telford & Wrekin's partnership-admin", [grant('partnership-admin', 'telford-and-wrekin')], false],
    ['a member of Shropshire', [grant('member', 'shropshire')], false],
    ['a regional-admin', [grant('regional-admin')], true],
  ])('tells %s in advance whether it may designate in Shropshire', async (_who, as, expected) => {
    const { data } = await federation.query(`{ partnership(slug: "shropshire") { viewerCanDesignate } }`, { as });
    expect(data!.partnership.viewerCanDesignate).toBe(expected);
  });
});

describe('designate: a new holder from a date', () => {
  it("succeeds Shropshire's independent scrutineer: the earlier holder keeps the earlier dates", async () => {
    const [seeded] = await scrutineersOn('2026-12-01');
    expect(seeded).toEqual({ organisation: { id: 'shropshire-independent-scrutineer' }, startDate: null, endDate: null });
    const { data, errors } = await federation.query(DESIGNATE, {
      as: shAdmin,
      variables: {
        input: { partnershipId: 'shropshire', kind: 'INDEPENDENT_SCRUTINEER', organisationId: 'telford-and-wrekin-independent-chair', startDate: '2027-04-01' },
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.designate).toMatchObject({
      kind: 'INDEPENDENT_SCRUTINEER',
      partnership: { id: 'shropshire' },
      organisation: { id: 'telford-and-wrekin-independent-chair' },
      post: null,
      startDate: '2027-04-01',
      endDate: null,
      version: 1,
      source: null,
    });
    expect(await scrutineersOn('2027-03-31')).toEqual([{ organisation: { id: 'shropshire-independent-scrutineer' }, startDate: null, endDate: '2027-03-31' }]);
    expect(await scrutineersOn('2027-04-01')).toEqual([
      { organisation: { id: 'telford-and-wrekin-independent-chair' }, startDate: '2027-04-01', endDate: null },
    ]);
    const earlier = await rows().findOneByOrFail({
      partnershipId: 'shropshire',
      kind: 'INDEPENDENT_SCRUTINEER',
      organisationId: 'shropshire-independent-scrutineer',
    });
    expect(earlier.version).toBe(2);
    // Query.designations without a date lists every term recorded.
    const all = await federation.query(`{ designations(partnershipSlug: "shropshire", kind: INDEPENDENT_SCRUTINEER) { organisation { id } } }`);
    expect(all.data!.designations).toHaveLength(2);
  });

  it('lets a regional-admin designate, and keeps the three lead partners side by side', async () => {
    const { data, errors } = await federation.query(DESIGNATE, {
      as: [grant('regional-admin')],
      variables: { input: { partnershipId: 'solihull', kind: 'ACCOUNTABLE_BODY', organisationId: 'solihull-mbc', startDate: '2026-04-01' } },
    });
    expect(errors).toBeUndefined();
    expect(data!.designate.organisation.id).toBe('solihull-mbc');
    const leads = await federation.query(
      `{ partnership(slug: "solihull") { designations(kind: LEAD_SAFEGUARDING_PARTNER, asOf: "2027-01-01") { organisation { id } } } }`,
    );
    expect(leads.data!.partnership.designations).toHaveLength(3);
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['a member of the partnership', 'FORBIDDEN', [grant('member', 'shropshire')]],
    ["another partnership's admin", 'FORBIDDEN', [grant('partnership-admin', 'telford-and-wrekin')]],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
  ])('refuses %s with %s and changes nothing', async (_who, code, as) => {
    const before = await snapshot();
    const { errors } = await federation.query(DESIGNATE, {
      as,
      variables: { input: { partnershipId: 'shropshire', kind: 'INDEPENDENT_CHAIR', organisationId: 'shropshire-council', startDate: '2027-01-01' } },
    });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['an end before the start', { endDate: '2026-12-31' }, 'BAD_USER_INPUT', 'endDate', /before startDate/],
    ['an impossible date', { startDate: '2027-02-30' }, 'BAD_USER_INPUT', undefined, /not a real calendar date/],
    ['an unknown organisation', { organisationId: 'nobody-at-all' }, 'NOT_FOUND', undefined, /No organisation/],
    ['an unknown partnership', { partnershipId: 'nowhere' }, 'FORBIDDEN', undefined, /nowhere/],
    ['a partnership id that is not a slug', { partnershipId: 'Not A Slug' }, 'BAD_USER_INPUT', 'partnershipId', /not a slug/],
    [
      "another organisation's post",
      { postIdOf: ['west-mercia-police', 'Local Policing Commander'] },
      'BAD_USER_INPUT',
      'postId',
      /belongs to west-mercia-police/,
    ],
  ])('refuses %s and changes nothing', async (_case, change, code, field, message) => {
    const { postIdOf, ...rest } = change as Record<string, unknown> & { postIdOf?: [string, string] };
    const post = postIdOf
      ? (
          await federation.query(`query ($id: ID!) { organisation(id: $id) { posts { id title } } }`, { variables: { id: postIdOf[0] } })
        ).data!.organisation.posts.find((p: { title: string }) => p.title === postIdOf[1]).id
      : undefined;
    const input = {
      partnershipId: 'shropshire',
      kind: 'INDEPENDENT_CHAIR',
      organisationId: 'shropshire-council',
      startDate: '2027-01-01',
      ...rest,
      ...(post ? { postId: post } : {}),
    };
    const before = await snapshot();
    const { errors } = await federation.query(DESIGNATE, { as: shAdmin, variables: { input } });
    expect(errors![0]!.extensions!.code).toBe(code);
    if (field) expect(errors![0]!.extensions!.field).toBe(field);
    expect(errors![0]!.message).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it('refuses an unknown partnership for a regional-admin with NOT_FOUND', async () => {
    const before = await snapshot();
    const { errors } = await federation.query(DESIGNATE, {
      as: [grant('regional-admin')],
      variables: { input: { partnershipId: 'nowhere', kind: 'INDEPENDENT_CHAIR', organisationId: 'shropshire-council', startDate: '2027-01-01' } },
    });
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await snapshot()).toBe(before);
  });

  it('two designations of a single-holder kind from the same day at once: exactly one wins, the other is CONFLICT', async () => {
    const input = (organisationId: string) => ({ partnershipId: 'telford-and-wrekin', kind: 'ACCOUNTABLE_BODY', organisationId, startDate: '2027-04-01' });
    const results = await Promise.all(
      ['telford-and-wrekin-council', 'shropshire-telford-and-wrekin-icb'].map((organisationId) =>
        federation.query(DESIGNATE, { as: [grant('partnership-admin', 'telford-and-wrekin')], variables: { input: input(organisationId) } }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await rows().countBy({ partnershipId: 'telford-and-wrekin', kind: 'ACCOUNTABLE_BODY' })).toBe(1);
  });
});

describe('endDesignation and correctDesignation', () => {
  const chairOfTelford = () => rows().findOneByOrFail({ partnershipId: 'telford-and-wrekin', kind: 'INDEPENDENT_CHAIR' });
  const twAdmin = [grant('partnership-admin', 'telford-and-wrekin')];

  it('corrects the Telford & Wrekin independent chair in place, then refuses the stale version with CONFLICT', async () => {
    const seeded = await chairOfTelford();
    const { data, errors } = await federation.query(CORRECT, {
      as: twAdmin,
      variables: { id: seeded.id, expectedVersion: 1, input: { startDate: '2019-06-01' } },
    });
    expect(errors).toBeUndefined();
    expect(data!.correctDesignation).toMatchObject({
      id: seeded.id,
      organisation: { id: 'telford-and-wrekin-independent-chair' },
      post: { title: 'Independent Chair' },
      startDate: '2019-06-01',
      version: 2,
    });
    const before = await snapshot();
    const stale = await federation.query(CORRECT, { as: twAdmin, variables: { id: seeded.id, expectedVersion: 1, input: { startDate: '2019-07-01' } } });
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await snapshot()).toBe(before);
  });

  it('refuses a correction that names nothing, or ends before it starts, and changes nothing', async () => {
    const current = await chairOfTelford();
    const before = await snapshot();
    for (const [input, field] of [
      [{}, 'input'],
      [{ endDate: '2019-01-01' }, 'endDate'],
    ] as const) {
      const { errors } = await federation.query(CORRECT, { as: twAdmin, variables: { id: current.id, expectedVersion: current.version, input } });
      expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(errors![0]!.extensions!.field).toBe(field);
    }
    expect(await snapshot()).toBe(before);
  });

  it('ends a designation once; two ends with the same version: exactly one wins', async () => {
    const current = await chairOfTelford();
    const results = await Promise.all(
      ['2027-03-31', '2027-06-30'].map((endDate) =>
        federation.query(END, { as: twAdmin, variables: { id: current.id, expectedVersion: current.version, endDate } }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    const ended = await chairOfTelford();
    expect(ended.version).toBe(current.version + 1);
    const again = await federation.query(END, { as: twAdmin, variables: { id: current.id, expectedVersion: ended.version, endDate: '2027-12-31' } });
    expect(again.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(again.errors![0]!.message).toMatch(/already ended/);
    // Ended, so no longer in force today-after-the-end, and in force before it.
    const asOf = async (date: string) =>
      (
        await federation.query(`query ($d: Date) { partnership(slug: "telford-and-wrekin") { designations(kind: INDEPENDENT_CHAIR, asOf: $d) { id } } }`, {
          variables: { d: date },
        })
      ).data!.partnership.designations;
    expect(await asOf('2027-03-01')).toHaveLength(1);
    expect(await asOf('2028-01-01')).toHaveLength(0);
  });

  it('refuses a correction that would overlap the next holder (CONFLICT) and an admin of another partnership (FORBIDDEN)', async () => {
    const current = await chairOfTelford();
    const next = await federation.query(DESIGNATE, {
      as: twAdmin,
      variables: {
        input: { partnershipId: 'telford-and-wrekin', kind: 'INDEPENDENT_CHAIR', organisationId: 'shropshire-independent-scrutineer', startDate: '2028-04-01' },
      },
    });
    expect(next.errors).toBeUndefined();
    const before = await snapshot();
    const overlap = await federation.query(CORRECT, { as: twAdmin, variables: { id: current.id, expectedVersion: current.version, input: { endDate: null } } });
    expect(overlap.errors![0]!.extensions!.code).toBe('CONFLICT');
    const forbidden = await federation.query(END, { as: shAdmin, variables: { id: current.id, expectedVersion: current.version, endDate: '2027-12-31' } });
    expect(forbidden.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const unknown = await federation.query(END, {
      as: twAdmin,
      variables: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, endDate: '2027-12-31' },
    });
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await snapshot()).toBe(before);
  });
});
