import type { Grant } from '@safeguarding/auth';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { budgets as seededBudgets, leadSafeguardingPartners as seededPartners, partnerships as seededPartnerships } from './seeded-packs';

/**
 * Partnership facts as a system of record (operations/partnership-facts.ts), through the gateway:
 * the seeded values as the oracle, each change kept beside the earlier value for earlier dates,
 * bad input, FORBIDDEN, CONFLICT and two writers meeting.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const regionalAdmin = [grant('regional-admin')];
const adminOf = (slug: string) => [grant('partnership-admin', slug)];

async function ask(document: string, variables: Record<string, unknown> = {}, as?: Grant[]) {
  const response = await federation.query(document, { variables, as });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data as Record<string, any>;
}
const versionOf = async (slug: string): Promise<number> =>
  (await ask(`query ($slug: String!) { partnership(slug: $slug) { version } }`, { slug })).partnership.version;

/** Everything the facts mutations can change, to show that a refused call changed nothing. */
const FACTS = `query ($slug: String!) { partnership(slug: $slug) {
  name shortName policeForce area establishedOn version
  independentScrutiny { description source { document section } }
  statutoryFunctions { kind description }
  populationFigures { year value areaHectares description }
  all: leadSafeguardingPartners(asOf: "2099-01-01") { id organisation { id } leadPost delegatedPost validFrom validTo }
  earlier: leadSafeguardingPartners(asOf: "1990-01-01") { id }
  budgets { financialYear total { minorUnits } accountableBody { id } description contributions { organisation { id } amount { minorUnits } description } }
} }`;
const facts = async (slug: string) => (await ask(FACTS, { slug })).partnership;

const errorOf = (response: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) => ({
  code: response.errors?.[0]?.extensions?.code,
  field: response.errors?.[0]?.extensions?.field,
  message: response.errors?.[0]?.message ?? '',
});

describe('the seeded facts read as before (the oracle for the edits below)', () => {
  it('gives every seeded Lead Safeguarding Partner today and on any date, undated as the documents give them', async () => {
    for (const slug of ['shropshire', 'telford-and-wrekin', 'solihull']) {
      const expected = seededPartners
        .filter((partner) => partner.partnershipSlug === slug)
        .map((partner) => ({ organisation: { id: partner.organisationId }, leadPost: partner.leadPost ?? null, delegatedPost: partner.delegatedPost ?? null }))
        .sort((a, b) => a.organisation.id.localeCompare(b.organisation.id));
      const data = await ask(
        `query ($slug: String!) { partnership(slug: $slug) {
          today: leadSafeguardingPartners { organisation { id } leadPost delegatedPost validFrom validTo }
          past: leadSafeguardingPartners(asOf: "2019-06-01") { organisation { id } leadPost delegatedPost }
        } }`,
        { slug },
      );
      expect(
        data.partnership.today.map(({ validFrom, validTo, ...rest }: Record<string, unknown>) => (expect([validFrom, validTo]).toEqual([null, null]), rest)),
      ).toEqual(expected);
      expect(data.partnership.past).toEqual(expected);
    }
  });

  it("gives Telford & Wrekin's £150,000 budget with its three £50,000 contributions, and no budget on a date (its document gives no financial year)", async () => {
    const seeded = seededBudgets.find((budget) => budget.partnershipSlug === 'telford-and-wrekin')!;
    const data = await ask(`{ partnership(slug: "telford-and-wrekin") {
      budgets { financialYear total { minorUnits formatted } contributions { organisation { id } amount { minorUnits } } }
      onADate: budgets(asOf: "2019-06-01") { financialYear }
    } }`);
    expect(data.partnership.budgets).toEqual([
      {
        financialYear: null,
        total: { minorUnits: seeded.totalMinorUnits, formatted: '£150,000.00' },
        contributions: seeded.contributions
          .map((c) => ({ organisation: { id: c.organisationId }, amount: { minorUnits: c.amountMinorUnits } }))
          .sort((a, b) => a.organisation.id.localeCompare(b.organisation.id)),
      },
    ]);
    expect(data.partnership.onADate).toEqual([]);
  });

  it('gives the seeded population with its year as the latest figure', async () => {
    const shropshire = seededPartnerships.find((p) => p.slug === 'shropshire')!;
    const data = await ask(`{ partnership(slug: "shropshire") { population { value year areaHectares } populationFigures { year value } version } }`);
    expect(data.partnership.population).toEqual({ value: shropshire.population!.value, year: shropshire.population!.year, areaHectares: null });
    expect(data.partnership.populationFigures).toEqual([{ year: '2022', value: 327200 }]);
    expect(data.partnership.version).toBe(1);
  });

  it.each([
    ['the anonymous public', undefined, false],
    ['a member', [grant('member', 'solihull')], false],
    ["another partnership's admin", adminOf('shropshire'), false],
    ['the forum secretariat', [grant('forum-secretariat')], false],
    ["the partnership's admin", adminOf('solihull'), true],
    ['a regional-admin', regionalAdmin, true],
  ])('tells %s viewerCanEditFacts: %s', async (_who, as, expected) => {
    const data = await ask(`{ partnership(slug: "solihull") { viewerCanEditFacts } }`, {}, as);
    expect(data.partnership.viewerCanEditFacts).toBe(expected);
  });
});

describe('createPartnership', () => {
  const CREATE = `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id slug name shortName policeForce area establishedOn version viewerCanEditFacts source { document section } } }`;
  const herefordshire = {
    slug: 'herefordshire',
    name: 'Herefordshire Safeguarding Children Partnership',
    shortName: 'HSCP',
    policeForce: 'West Mercia Police',
    area: "Herefordshire Council's area",
    establishedOn: '2019-09-29',
  };

  it('lets a regional-admin create a partnership that partnerships, partnership(slug) and comparePartnerships show at once', async () => {
    const { createPartnership } = await ask(CREATE, { input: herefordshire }, regionalAdmin);
    expect(createPartnership).toMatchObject({ ...herefordshire, id: 'herefordshire', version: 1, viewerCanEditFacts: true });
    expect(createPartnership.source.document).toBe('Recorded through the API');
    expect((await ask(`{ partnerships { slug } }`)).partnerships.map((p: { slug: string }) => p.slug)).toContain('herefordshire');
    expect(
      (await ask(`{ partnership(slug: "herefordshire") { name leadSafeguardingPartners { id } budgets { financialYear } population { value } } }`)).partnership,
    ).toEqual({
      name: herefordshire.name,
      leadSafeguardingPartners: [],
      budgets: [],
      population: null,
    });
    const comparison = await ask(
      `{ comparePartnerships(slugs: ["herefordshire", "solihull"], asOf: "2026-06-30") { partnerships { slug } governance { measure cells { partnershipSlug value missingReason } } } }`,
    );
    expect(comparison.comparePartnerships.partnerships).toEqual([{ slug: 'herefordshire' }, { slug: 'solihull' }]);
    const cell = (measure: string) =>
      comparison.comparePartnerships.governance
        .find((row: { measure: string }) => row.measure === measure)
        .cells.find((c: { partnershipSlug: string }) => c.partnershipSlug === 'herefordshire');
    expect(cell('Population')).toEqual({ partnershipSlug: 'herefordshire', value: null, missingReason: 'Not stated in the documents.' });
    expect(cell('Statutory functions')).toEqual({ partnershipSlug: 'herefordshire', value: null, missingReason: 'No statutory functions are recorded.' });
    expect(cell('Lead Safeguarding Partners').value).toBeNull();
    expect(cell('Lead Safeguarding Partners').missingReason).toEqual(expect.any(String));
    expect(cell('Budget (latest stated)')).toMatchObject({ value: null, missingReason: 'No budget is stated in the documents.' });
  });

  it.each([
    ['the anonymous public', undefined, 'UNAUTHENTICATED'],
    ['an analyst', [grant('analyst')], 'FORBIDDEN'],
    ['a partnership-admin', adminOf('solihull'), 'FORBIDDEN'],
    ['the forum secretariat', [grant('forum-secretariat')], 'FORBIDDEN'],
  ])('refuses %s with %s and creates nothing', async (_who, as, code) => {
    const response = await federation.query(CREATE, { variables: { input: { ...herefordshire, slug: 'worcestershire' } }, as });
    expect(errorOf(response).code).toBe(code);
    expect((await ask(`{ partnership(slug: "worcestershire") { id } }`)).partnership).toBeNull();
  });

  it.each([
    ['a slug with capitals', { slug: 'Worcestershire' }, 'input.slug'],
    ['a slug with a double hyphen', { slug: 'worcester--shire' }, 'input.slug'],
    ['a one-letter slug', { slug: 'w' }, 'input.slug'],
    ['an empty name', { name: '   ' }, 'input.name'],
    ['a two-line name', { name: 'Worcestershire\nPartnership' }, 'input.name'],
    ['an over-long short name', { shortName: 'x'.repeat(101) }, 'input.shortName'],
    ['a source with an empty section', { source: { document: 'Arrangements 2024', section: '' } }, 'input.source.section'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and creates nothing', async (_case, change, field) => {
    const input = { ...herefordshire, slug: 'worcestershire', ...change };
    const response = await federation.query(CREATE, { variables: { input }, as: regionalAdmin });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await ask(`{ partnerships { slug } }`)).partnerships.map((p: { slug: string }) => p.slug)).not.toContain(input.slug.toLowerCase());
  });

  it('refuses a slug already used with CONFLICT; of two creating one slug at once exactly one wins', async () => {
    expect(errorOf(await federation.query(CREATE, { variables: { input: { ...herefordshire, name: 'Again' } }, as: regionalAdmin })).code).toBe('CONFLICT');
    expect((await ask(`{ partnership(slug: "herefordshire") { name } }`)).partnership.name).toBe(herefordshire.name);
    const results = await Promise.all(
      ['First', 'Second'].map((name) =>
        federation.query(CREATE, { variables: { input: { ...herefordshire, slug: 'staffordshire', name } }, as: regionalAdmin }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors).map((result) => errorOf(result).code)).toEqual(['CONFLICT']);
  });
});

const UPDATE = `mutation ($slug: String!, $version: Int!, $input: UpdatePartnershipFactsInput!) {
  updatePartnershipFacts(slug: $slug, expectedVersion: $version, input: $input) { name area version independentScrutiny { description source { document section } } }
}`;

describe('who may edit a partnership’s facts', () => {
  it.each([
    ['the anonymous public', undefined, 'UNAUTHENTICATED'],
    ['an analyst', [grant('analyst')], 'FORBIDDEN'],
    ['a member of the partnership', [grant('member', 'solihull')], 'FORBIDDEN'],
    ["another partnership's admin", adminOf('telford-and-wrekin'), 'FORBIDDEN'],
    ['the forum secretariat', [grant('forum-secretariat')], 'FORBIDDEN'],
  ])('refuses %s with %s and changes nothing', async (_who, as, code) => {
    const before = await facts('solihull');
    const response = await federation.query(UPDATE, { variables: { slug: 'solihull', version: before.version, input: { area: 'Hijacked' } }, as });
    expect(errorOf(response).code).toBe(code);
    expect(response.data?.updatePartnershipFacts ?? null).toBeNull();
    expect(await facts('solihull')).toEqual(before);
  });

  it("lets the partnership's admin and a regional-admin correct them, each from the version they read", async () => {
    const before = await facts('solihull');
    const first = await ask(
      UPDATE,
      { slug: 'solihull', version: before.version, input: { area: "  Solihull Metropolitan Borough Council's area " } },
      adminOf('solihull'),
    );
    expect(first.updatePartnershipFacts).toMatchObject({ area: "Solihull Metropolitan Borough Council's area", version: before.version + 1 });
    const scrutiny = {
      description: 'An Independent Scrutineer commissioned by the three Lead Safeguarding Partners.',
      source: { document: '004', section: 'Scrutiny' },
    };
    const second = await ask(UPDATE, { slug: 'solihull', version: before.version + 1, input: { independentScrutiny: scrutiny } }, regionalAdmin);
    expect(second.updatePartnershipFacts.independentScrutiny).toEqual(scrutiny);
    expect(second.updatePartnershipFacts.version).toBe(before.version + 2);
  });

  it('answers CONFLICT to a stale version, NOT_FOUND to an unknown slug and BAD_USER_INPUT to nothing to change', async () => {
    const before = await facts('solihull');
    expect(
      errorOf(await federation.query(UPDATE, { variables: { slug: 'solihull', version: before.version - 1, input: { area: 'Stale' } }, as: regionalAdmin }))
        .code,
    ).toBe('CONFLICT');
    expect(errorOf(await federation.query(UPDATE, { variables: { slug: 'nowhere', version: 1, input: { area: 'X' } }, as: regionalAdmin })).code).toBe(
      'NOT_FOUND',
    );
    expect(errorOf(await federation.query(UPDATE, { variables: { slug: 'solihull', version: before.version, input: {} }, as: regionalAdmin }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input',
    });
    expect(await facts('solihull')).toEqual(before);
  });
});

describe('setStatutoryFunctions', () => {
  const SET = `mutation ($slug: String!, $version: Int!, $functions: [StatutoryFunctionInput!]!) {
    setStatutoryFunctions(slug: $slug, expectedVersion: $version, functions: $functions) { statutoryFunctions { kind description } version }
  }`;
  it('replaces the list, refuses a kind given twice, and then appears in the comparison', async () => {
    const version = await versionOf('herefordshire');
    const twice = [
      { kind: 'CHILDREN_SAFEGUARDING_PARTNERSHIP', description: 'Children.' },
      { kind: 'CHILDREN_SAFEGUARDING_PARTNERSHIP', description: 'Again.' },
    ];
    expect(errorOf(await federation.query(SET, { variables: { slug: 'herefordshire', version, functions: twice }, as: regionalAdmin }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'functions.1.kind',
    });
    const { setStatutoryFunctions } = await ask(SET, { slug: 'herefordshire', version, functions: [twice[0]] }, adminOf('herefordshire'));
    expect(setStatutoryFunctions).toEqual({ statutoryFunctions: [twice[0]], version: version + 1 });
    const comparison = await ask(`{ comparePartnerships(slugs: ["herefordshire"]) { governance { measure cells { value } } } }`);
    expect(comparison.comparePartnerships.governance.find((row: { measure: string }) => row.measure === 'Statutory functions').cells).toEqual([{ value: 1 }]);
  });
});

describe('recordPopulationFigure: a new year is added, earlier years kept', () => {
  const RECORD = `mutation ($slug: String!, $version: Int!, $input: PopulationFigureInput!, $correction: Boolean! = false) {
    recordPopulationFigure(slug: $slug, expectedVersion: $version, input: $input, correction: $correction) {
      population { year value areaHectares } populationFigures { year value } version
    }
  }`;
  const figure2024 = { year: '2024', value: 189_300, areaHectares: 29_000, description: 'Mid-2024 estimate (test figure).' };

  it('adds 2024 beside the seeded 2019 figure; the comparison answers each date from its year', async () => {
    const version = await versionOf('telford-and-wrekin');
    const { recordPopulationFigure } = await ask(RECORD, { slug: 'telford-and-wrekin', version, input: figure2024 }, adminOf('telford-and-wrekin'));
    expect(recordPopulationFigure).toEqual({
      population: { year: '2024', value: 189_300, areaHectares: 29_000 },
      populationFigures: [
        { year: '2019', value: 176_000 },
        { year: '2024', value: 189_300 },
      ],
      version: version + 1,
    });
    const population = async (asOf: string) =>
      (
        await ask(`query ($asOf: Date) { comparePartnerships(slugs: ["telford-and-wrekin"], asOf: $asOf) { governance { measure cells { value text } } } }`, {
          asOf,
        })
      ).comparePartnerships.governance.find((row: { measure: string }) => row.measure === 'Population').cells[0];
    expect(await population('2021-06-01')).toEqual({ value: 176_000, text: '2019' });
    expect(await population('2025-06-01')).toEqual({ value: 189_300, text: '2024' });
  });

  it.each([
    ['a year already recorded, without correction', { ...figure2024, value: 1 }, false, 'input.year'],
    ['a correction of a year not recorded', { ...figure2024, year: '2023' }, true, 'correction'],
    ['a two-digit year', { ...figure2024, year: '24' }, false, 'input.year'],
    ['a year after next year', { ...figure2024, year: '2099' }, false, 'input.year'],
    ['no people', { ...figure2024, year: '2025', value: 0 }, false, 'input.value'],
    ['a negative area', { ...figure2024, year: '2025', areaHectares: -5 }, false, 'input.areaHectares'],
    ['an empty description', { ...figure2024, year: '2025', description: ' ' }, false, 'input.description'],
  ])('refuses %s with BAD_USER_INPUT naming the field and changes nothing', async (_case, input, correction, field) => {
    const before = await facts('telford-and-wrekin');
    const response = await federation.query(RECORD, {
      variables: { slug: 'telford-and-wrekin', version: before.version, input, correction },
      as: regionalAdmin,
    });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await facts('telford-and-wrekin')).toEqual(before);
  });

  it('corrects the seeded year where it lives, with correction: true', async () => {
    const version = await versionOf('telford-and-wrekin');
    const { recordPopulationFigure } = await ask(
      RECORD,
      { slug: 'telford-and-wrekin', version, correction: true, input: { year: '2019', value: 176_100, description: 'Corrected (test).' } },
      regionalAdmin,
    );
    expect(recordPopulationFigure.populationFigures).toEqual([
      { year: '2019', value: 176_100 },
      { year: '2024', value: 189_300 },
    ]);
  });

  it('applies exactly one of two figures recorded from the same version; the other gets CONFLICT', async () => {
    const version = await versionOf('telford-and-wrekin');
    const results = await Promise.all(
      ['2025', '2026'].map((year) =>
        federation.query(RECORD, { variables: { slug: 'telford-and-wrekin', version, input: { ...figure2024, year } }, as: adminOf('telford-and-wrekin') }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors).map((result) => errorOf(result).code)).toEqual(['CONFLICT']);
    const after = await facts('telford-and-wrekin');
    expect(after.version).toBe(version + 1);
    expect(after.populationFigures.map((f: { year: string }) => f.year)).toHaveLength(3);
  });
});

describe('Lead Safeguarding Partners: a change from a date keeps the earlier posts for earlier dates', () => {
  const CHANGE = `mutation ($slug: String!, $version: Int!, $input: LeadSafeguardingPartnerChangeInput!) {
    changeLeadSafeguardingPartner(slug: $slug, expectedVersion: $version, input: $input) { version }
  }`;
  const CORRECT = `mutation ($slug: String!, $version: Int!, $id: ID!, $input: LeadSafeguardingPartnerCorrectionInput!) {
    correctLeadSafeguardingPartner(slug: $slug, expectedVersion: $version, id: $id, input: $input) { version }
  }`;
  const POLICE = 'west-midlands-police';
  const partnersOn = async (asOf: string) =>
    (
      await ask(
        `query ($asOf: Date) { partnership(slug: "solihull") { leadSafeguardingPartners(asOf: $asOf) { id organisation { id } leadPost delegatedPost validFrom validTo } } }`,
        {
          asOf,
        },
      )
    ).partnership.leadSafeguardingPartners as {
      id: string;
      organisation: { id: string };
      leadPost: string | null;
      delegatedPost: string | null;
      validFrom: string | null;
      validTo: string | null;
    }[];
  const police = async (asOf: string) => (await partnersOn(asOf)).find((partner) => partner.organisation.id === POLICE)!;

  it("records the police's delegated post from 1 April 2025; 31 March still answers with the seeded record", async () => {
    const version = await versionOf('solihull');
    await ask(
      CHANGE,
      {
        slug: 'solihull',
        version,
        input: { organisationId: POLICE, from: '2025-04-01', leadPost: 'Chief Constable', delegatedPost: 'Detective Chief Superintendent, Public Protection' },
      },
      adminOf('solihull'),
    );
    expect(await police('2025-03-31')).toMatchObject({ leadPost: 'Chief Constable', delegatedPost: null, validFrom: null, validTo: '2025-03-31' });
    expect(await police('2025-04-01')).toMatchObject({
      leadPost: 'Chief Constable',
      delegatedPost: 'Detective Chief Superintendent, Public Protection',
      validFrom: '2025-04-01',
      validTo: null,
    });
    // Today: still three partners, the police with the new post.
    const today = (await ask(`{ partnership(slug: "solihull") { leadSafeguardingPartners { organisation { id } delegatedPost } } }`)).partnership
      .leadSafeguardingPartners;
    expect(today).toHaveLength(3);
    expect(today.find((p: { organisation: { id: string } }) => p.organisation.id === POLICE).delegatedPost).toBe(
      'Detective Chief Superintendent, Public Protection',
    );
  });

  it.each([
    ['a change on the day the current record starts', { organisationId: POLICE, from: '2025-04-01', delegatedPost: 'X' }, 'input.from'],
    ['a change before the current record starts, reaching into it', { organisationId: POLICE, from: '2024-01-01', delegatedPost: 'X' }, 'input.from'],
    ['an agency ceasing that is not a partner', { organisationId: 'cafcass', from: '2026-01-01', ceases: true }, 'input.organisationId'],
    ['ceasing with a post', { organisationId: POLICE, from: '2026-01-01', ceases: true, leadPost: 'X' }, 'input.ceases'],
    ['neither post nor ceasing', { organisationId: POLICE, from: '2026-01-01' }, 'input.leadPost'],
    ['an organisation id that is not an id', { organisationId: 'West Midlands Police', from: '2026-01-01', leadPost: 'X' }, 'input.organisationId'],
    ['a post of two lines', { organisationId: POLICE, from: '2026-01-01', leadPost: 'Chief\nConstable' }, 'input.leadPost'],
  ])('refuses %s with BAD_USER_INPUT naming the field and changes nothing', async (_case, input, field) => {
    const before = await facts('solihull');
    const response = await federation.query(CHANGE, { variables: { slug: 'solihull', version: before.version, input }, as: adminOf('solihull') });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await facts('solihull')).toEqual(before);
  });

  it('ends an agency from a date (ceases), earlier dates keeping it', async () => {
    const version = await versionOf('solihull');
    await ask(CHANGE, { slug: 'solihull', version, input: { organisationId: 'birmingham-and-solihull-icb', from: '2026-01-01', ceases: true } }, regionalAdmin);
    expect((await partnersOn('2025-12-31')).map((p) => p.organisation.id)).toContain('birmingham-and-solihull-icb');
    expect((await partnersOn('2026-01-01')).map((p) => p.organisation.id)).not.toContain('birmingham-and-solihull-icb');
  });

  it('corrects a wrongly recorded post in place, and refuses dates out of order or overlapping another period', async () => {
    const record = await police('2025-06-01');
    const version = await versionOf('solihull');
    await ask(CORRECT, { slug: 'solihull', version, id: record.id, input: { delegatedPost: 'Detective Chief Superintendent' } }, adminOf('solihull'));
    expect(await police('2025-06-01')).toMatchObject({ id: record.id, delegatedPost: 'Detective Chief Superintendent', validFrom: '2025-04-01' });
    const before = await facts('solihull');
    const refused = async (input: Record<string, unknown>) =>
      errorOf(await federation.query(CORRECT, { variables: { slug: 'solihull', version: before.version, id: record.id, input }, as: adminOf('solihull') }));
    expect(await refused({ validTo: '2025-01-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validTo' });
    expect(await refused({ validFrom: '2025-03-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validFrom' });
    expect(await refused({})).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(
      errorOf(
        await federation.query(CORRECT, {
          variables: { slug: 'solihull', version: before.version, id: '00000000-0000-4000-8000-000000000000', input: { leadPost: 'X' } },
          as: regionalAdmin,
        }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      errorOf(
        await federation.query(CORRECT, {
          variables: { slug: 'solihull', version: before.version - 1, id: record.id, input: { leadPost: 'X' } },
          as: regionalAdmin,
        }),
      ).code,
    ).toBe('CONFLICT');
    expect(await facts('solihull')).toEqual(before);
  });
});

describe('recordBudget: one budget per financial year, money in pence, a missing amount null', () => {
  const RECORD = `mutation ($slug: String!, $version: Int!, $input: BudgetInput!, $correction: Boolean! = false) {
    recordBudget(slug: $slug, expectedVersion: $version, input: $input, correction: $correction) { version }
  }`;
  const budget2025 = {
    financialYear: '2025-26',
    totalPence: 16_000_000,
    accountableBodyOrganisationId: 'telford-and-wrekin-council',
    description: 'Partnership budget 2025-26 (test figures).',
    contributions: [
      { organisationId: 'west-mercia-police', amountPence: 5_000_000 },
      { organisationId: 'telford-and-wrekin-council', amountPence: 6_000_000 },
      { organisationId: 'shropshire-telford-and-wrekin-icb', amountPence: 5_000_000 },
      { organisationId: 'west-mercia-youth-justice', description: 'In kind; amount not stated.' },
    ],
  };
  const BUDGETS = `query ($asOf: Date) { partnership(slug: "telford-and-wrekin") {
    budgets(asOf: $asOf) { financialYear total { minorUnits } accountableBody { id } contributions { organisation { id } amount { minorUnits formatted } description } }
  } }`;

  it('adds 2025-26 beside the seeded budget; asOf answers from the financial year, a missing amount stays null', async () => {
    const version = await versionOf('telford-and-wrekin');
    await ask(RECORD, { slug: 'telford-and-wrekin', version, input: budget2025 }, adminOf('telford-and-wrekin'));
    const all = (await ask(BUDGETS)).partnership.budgets;
    expect(all.map((b: { financialYear: string | null }) => b.financialYear)).toEqual(['2025-26', null]);
    expect(all[1].total).toEqual({ minorUnits: 15_000_000 });
    const inYear = (await ask(BUDGETS, { asOf: '2026-03-31' })).partnership.budgets;
    expect(inYear).toHaveLength(1);
    expect(inYear[0]).toMatchObject({ financialYear: '2025-26', total: { minorUnits: 16_000_000 }, accountableBody: { id: 'telford-and-wrekin-council' } });
    expect(inYear[0].contributions.find((c: { organisation: { id: string } }) => c.organisation.id === 'west-mercia-youth-justice')).toEqual({
      organisation: { id: 'west-mercia-youth-justice' },
      amount: null,
      description: 'In kind; amount not stated.',
    });
    expect((await ask(BUDGETS, { asOf: '2026-04-01' })).partnership.budgets).toEqual([]);
    // The comparison's latest stated budget moves only once its financial year has begun.
    const latest = async (asOf: string) =>
      (
        await ask(`query ($asOf: Date) { comparePartnerships(slugs: ["telford-and-wrekin"], asOf: $asOf) { governance { measure cells { value } } } }`, {
          asOf,
        })
      ).comparePartnerships.governance.find((row: { measure: string }) => row.measure === 'Budget (latest stated)').cells[0].value;
    expect(await latest('2025-03-31')).toBe(150_000);
    expect(await latest('2025-06-01')).toBe(160_000);
  });

  it.each([
    ['a financial year written 2026/27', { financialYear: '2026/27' }, false, 'input.financialYear'],
    ['a financial year spanning two years', { financialYear: '2026-28' }, false, 'input.financialYear'],
    ['contributions above the total', { financialYear: '2026-27', totalPence: 15_999_999 }, false, 'input.contributions'],
    ['a negative total', { financialYear: '2026-27', totalPence: -1 }, false, 'input.totalPence'],
    [
      'a negative contribution',
      { financialYear: '2026-27', contributions: [{ organisationId: 'west-mercia-police', amountPence: -100 }] },
      false,
      'input.contributions.0.amountPence',
    ],
    [
      'an organisation contributing twice',
      {
        financialYear: '2026-27',
        contributions: [
          { organisationId: 'west-mercia-police', amountPence: 1 },
          { organisationId: 'west-mercia-police', amountPence: 1 },
        ],
      },
      false,
      'input.contributions.1.organisationId',
    ],
    ['a year already recorded, without correction', {}, false, 'input.financialYear'],
    ['a correction of a year not recorded', { financialYear: '2030-31' }, true, 'correction'],
  ])('refuses %s with BAD_USER_INPUT naming the field and changes nothing', async (_case, change, correction, field) => {
    const before = await facts('telford-and-wrekin');
    const response = await federation.query(RECORD, {
      variables: { slug: 'telford-and-wrekin', version: before.version, input: { ...budget2025, ...change }, correction },
      as: adminOf('telford-and-wrekin'),
    });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await facts('telford-and-wrekin')).toEqual(before);
  });

  it("refuses another partnership's admin with FORBIDDEN; corrects a year (replacing its contributions) with correction: true", async () => {
    const version = await versionOf('telford-and-wrekin');
    const refused = await federation.query(RECORD, {
      variables: { slug: 'telford-and-wrekin', version, input: { ...budget2025, financialYear: '2026-27' } },
      as: adminOf('shropshire'),
    });
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    const corrected = { ...budget2025, totalPence: null, contributions: [{ organisationId: 'west-mercia-police' }] };
    await ask(RECORD, { slug: 'telford-and-wrekin', version, input: corrected, correction: true }, regionalAdmin);
    const inYear = (await ask(BUDGETS, { asOf: '2025-06-01' })).partnership.budgets;
    expect(inYear).toEqual([
      {
        financialYear: '2025-26',
        total: null,
        accountableBody: { id: 'telford-and-wrekin-council' },
        contributions: [{ organisation: { id: 'west-mercia-police' }, amount: null, description: null }],
      },
    ]);
  });

  it('applies exactly one of two budgets recorded from the same version; the other gets CONFLICT', async () => {
    const version = await versionOf('telford-and-wrekin');
    const results = await Promise.all(
      ['2026-27', '2027-28'].map((financialYear) =>
        federation.query(RECORD, {
          variables: { slug: 'telford-and-wrekin', version, input: { ...budget2025, financialYear } },
          as: adminOf('telford-and-wrekin'),
        }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors).map((result) => errorOf(result).code)).toEqual(['CONFLICT']);
    expect((await facts('telford-and-wrekin')).budgets).toHaveLength(3);
  });
});
