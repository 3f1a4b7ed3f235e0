import { OrganisationEntity } from '../entities';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** The shared organisation registry, through the gateway. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const REGISTER = `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id name sector alsoKnownAs viewerCanEdit source { document } } }`;
const registry = () => federation.dataSources.membership!.getRepository(OrganisationEntity);

describe('the registry', () => {
  it('names every agency once, shared across partnerships', async () => {
    const { data, errors } = await federation.query(`{ organisations { id name sector } }`);
    expect(errors).toBeUndefined();
    // packs/regional/membership.yaml registers 41 organisations.
    expect(data!.organisations).toHaveLength(41);
    const names = data!.organisations.map((o: { name: string }) => o.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    // Agencies that serve several partnerships are one entry each.
    const police = data!.organisations.filter((o: { name: string }) => /west mercia police/i.test(o.name));
    expect(police).toEqual([{ id: 'west-mercia-police', name: 'West Mercia Police', sector: 'POLICE' }]);
  });

  it('finds the ICB under its former CCG name, and filters by sector', async () => {
    const { data } = await federation.query(`{ organisations(nameContains: "CCG") { id alsoKnownAs } }`);
    expect(data!.organisations.map((o: { id: string }) => o.id)).toContain('shropshire-telford-and-wrekin-icb');
    const police = await federation.query(`{ organisations(sector: POLICE) { id } }`);
    expect(police.data!.organisations.map((o: { id: string }) => o.id).sort()).toEqual(['west-mercia-police', 'west-midlands-police']);
  });

  it('treats search text as text, not a pattern or SQL', async () => {
    const { data, errors } = await federation.query(`query ($text: String) { organisations(nameContains: $text) { id } }`, {
      variables: { text: "%' OR 1=1 --" },
    });
    expect(errors).toBeUndefined();
    expect(data!.organisations).toEqual([]);
  });

  it('cites the seed document each agency was first named in', async () => {
    const { data } = await federation.query(`{ organisation(id: "west-midlands-police") { source { document synthetic } } }`);
    expect(data!.organisation.source).toEqual({ document: '004_b6751091e751e5aa.txt', synthetic: false });
  });
});

describe('registerOrganisation', () => {
  const admin = [grant('regional-admin')];
  const input = { id: 'shropshire-youth-support-trust', name: 'Shropshire Youth Support Trust', sector: 'VOLUNTARY_AND_COMMUNITY' };

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a partnership admin', 'FORBIDDEN', [grant('partnership-admin', 'shropshire')]],
  ])('refuses %s with %s and adds nothing', async (_who, code, as) => {
    const before = await registry().count();
    const { errors } = await federation.query(REGISTER, { as, variables: { input: { ...input, id: 'refused-agency', name: 'Refused Agency' } } });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(await registry().count()).toBe(before);
  });

  it('lets a regional admin register an agency', async () => {
    const { data, errors } = await federation.query(REGISTER, { as: admin, variables: { input } });
    expect(errors).toBeUndefined();
    expect(data!.registerOrganisation).toEqual({ ...input, alsoKnownAs: [], viewerCanEdit: true, source: null });
  });

  it.each([
    ['a malformed id', { ...input, id: 'Not A Slug' }, /not a slug/],
    ['an over-long name', { ...input, id: 'long-name', name: 'x'.repeat(201) }, /at most 200/],
    ['an empty name', { ...input, id: 'empty-name', name: '  ' }, /must not be empty/],
  ])('refuses %s with BAD_USER_INPUT and adds nothing', async (_case, badInput, message) => {
    const before = await registry().count();
    const { errors } = await federation.query(REGISTER, { as: admin, variables: { input: badInput } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await registry().count()).toBe(before);
  });

  it('refuses an unknown sector before it reaches the subgraph', async () => {
    const { errors } = await federation.query(REGISTER, { as: admin, variables: { input: { ...input, id: 'x', sector: 'MAGIC' } } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('registers an agency once when two administrators race to add it', async () => {
    const racing = { id: 'telford-youth-trust', name: 'Telford Youth Trust', sector: 'VOLUNTARY_AND_COMMUNITY' };
    const results = await Promise.all([1, 2].map(() => federation.query(REGISTER, { as: admin, variables: { input: racing } })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    const refused = results.find((result) => result.errors);
    expect(refused!.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await registry().countBy({ id: racing.id })).toBe(1);
  });

  it('refuses a second registration under the same name, whatever its case', async () => {
    const { errors } = await federation.query(REGISTER, {
      as: admin,
      variables: { input: { ...input, id: 'duplicate', name: 'WEST MERCIA POLICE', sector: 'POLICE' } },
    });
    expect(errors![0]!.extensions!.code).toBe('CONFLICT');
  });
});
