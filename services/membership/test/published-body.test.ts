import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/**
 * Arrangements' published contract with membership: the view "arrangements"."published_body"
 * (arrangements README). Membership brings its body_reference copy up to date from it before an
 * edit, so a body created through arrangements' API can be given seats, and a changed chair rule is
 * the one appointChair checks. The two subgraphs never call each other.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const admin = [grant('partnership-admin', 'telford-and-wrekin')];
const BODY = 'telford-and-wrekin.published-contract-group';

it("publishes what membership's seeded copy says about every body", async () => {
  const membership = federation.dataSources.membership!;
  const copy = await membership.query(`SELECT body_id, kind, partnership_ids, chair_rule FROM membership.body_reference ORDER BY body_id`);
  const published = await membership.query(`SELECT body_id, kind, partnership_ids, chair_rule FROM arrangements.published_body ORDER BY body_id`);
  expect(copy.length).toBeGreaterThan(20);
  expect(published).toEqual(copy);
});

it('lets membership seat a body created through arrangements, and checks chairs against its changed chair rule', async () => {
  const ask = async (document: string, variables: Record<string, unknown>) => federation.query(document, { as: admin, variables });
  const ADD = `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id body { id } } }`;
  const APPOINT = `mutation ($input: AppointChairInput!) { appointChair(input: $input) { id role organisation { id } } }`;
  const seat = { bodyId: BODY, organisationId: 'telford-and-wrekin-council', role: 'MEMBER', startDate: '2025-02-01' };

  expect((await ask(ADD, { input: seat })).errors![0]!.extensions!.code).toBe('NOT_FOUND');

  const created = await ask(`mutation ($input: CreateBodyInput!) { createBody(input: $input) { id version } }`, {
    input: {
      partnershipSlug: 'telford-and-wrekin',
      slug: 'published-contract-group',
      name: 'Published contract group',
      kind: 'STANDING_GROUP',
      purpose: 'Tests the published contract.',
      validFrom: '2025-01-01',
      chairRule: {
        appointedFrom: 'NAMED_ORGANISATION',
        organisationId: 'west-mercia-police',
        termAlignedToFinancialYear: false,
        noConsecutiveTermsSameOrganisation: false,
        viceChairFromDifferentOrganisation: false,
        viceChairSucceeds: false,
        description: 'Chaired by West Mercia Police.',
      },
    },
  });
  expect(created.errors).toBeUndefined();

  const added = await ask(ADD, { input: seat });
  expect(added.errors).toBeUndefined();
  expect(added.data!.addMembership.body).toEqual({ id: BODY });

  const chair = { bodyId: BODY, role: 'CHAIR', organisationId: 'telford-and-wrekin-council', startDate: '2025-08-01' };
  const refused = await ask(APPOINT, { input: chair });
  expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');

  const changed = await ask(
    `mutation ($id: ID!, $v: Int!, $input: BodyTermsInput!) { changeBody(id: $id, expectedVersion: $v, effectiveFrom: "2025-07-01", input: $input) { termsFrom } }`,
    {
      id: BODY,
      v: created.data!.createBody.version,
      input: {
        chairRule: {
          appointedFrom: 'MEMBERS',
          termAlignedToFinancialYear: false,
          noConsecutiveTermsSameOrganisation: false,
          viceChairFromDifferentOrganisation: false,
          viceChairSucceeds: false,
          description: 'Chosen from among the members.',
        },
      },
    },
  );
  expect(changed.errors).toBeUndefined();
  const appointed = await ask(APPOINT, { input: chair });
  expect(appointed.errors).toBeUndefined();
  expect(appointed.data!.appointChair).toMatchObject({ role: 'CHAIR', organisation: { id: 'telford-and-wrekin-council' } });
});
