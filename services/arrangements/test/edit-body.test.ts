import { BodyEntity } from '../entities';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** updateBody: who may, what bad input gets, and what happens when two editors meet. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateBodyInput!) {
  updateBody(id: $id, expectedVersion: $version, input: $input) { id purpose version viewerCanEdit }
}`;
const EXECUTIVE = 'telford-and-wrekin.executive';

const storedBody = () => federation.dataSources.arrangements!.getRepository(BodyEntity).findOneByOrFail({ id: EXECUTIVE });

describe('updateBody permissions', () => {
  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a member of the partnership', 'FORBIDDEN', [grant('member', 'telford-and-wrekin')]],
    ["another partnership's admin", 'FORBIDDEN', [grant('partnership-admin', 'solihull')]],
  ])('refuses %s with %s and changes nothing', async (_who, code, as) => {
    const before = await storedBody();
    const { data, errors } = await federation.query(UPDATE, { as, variables: { id: EXECUTIVE, version: before.version, input: { purpose: 'Hijacked' } } });
    expect(data?.updateBody ?? null).toBeNull();
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(await storedBody()).toEqual(before);
  });

  it("lets the partnership's admin edit, and tells clients so through viewerCanEdit", async () => {
    const admin = [grant('partnership-admin', 'telford-and-wrekin')];
    const before = await storedBody();
    const { data, errors } = await federation.query(UPDATE, {
      as: admin,
      variables: { id: EXECUTIVE, version: before.version, input: { purpose: '  Strategic leadership of the partnership.  ' } },
    });
    expect(errors).toBeUndefined();
    expect(data!.updateBody).toEqual({ id: EXECUTIVE, purpose: 'Strategic leadership of the partnership.', version: before.version + 1, viewerCanEdit: true });
    const anonymousView = await federation.query(`{ body(id: "${EXECUTIVE}") { viewerCanEdit } }`);
    expect(anonymousView.data!.body.viewerCanEdit).toBe(false);
  });

  it('lets either partnership admin edit the shared LSP forum', async () => {
    const { data } = await federation.query(`{ body(id: "joint.lsp-forum") { viewerCanEdit } }`, { as: [grant('partnership-admin', 'shropshire')] });
    expect(data!.body.viewerCanEdit).toBe(true);
  });
});

describe('updateBody bad input', () => {
  const admin = [grant('partnership-admin', 'telford-and-wrekin')];
  it.each([
    ['an over-long name', { name: 'x'.repeat(201) }, /at most 200/],
    ['an empty purpose', { purpose: '   ' }, /must not be empty/],
    ['control characters', { name: 'Exec\u0007utive' }, /control characters/],
    ['an impossible meeting count', { meetingFrequency: { meetingsPerYear: 400, description: 'daily', period: 'CALENDAR_YEAR' } }, /between 1 and 52/],
    ['nothing to change', {}, /Nothing to change/],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_case, input, message) => {
    const before = await storedBody();
    const { errors } = await federation.query(UPDATE, { as: admin, variables: { id: EXECUTIVE, version: before.version, input } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await storedBody()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown body', async () => {
    const { errors } = await federation.query(UPDATE, { as: admin, variables: { id: 'telford-and-wrekin.nothing', version: 1, input: { name: 'X' } } });
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('updateBody concurrency', () => {
  it('applies exactly one of two edits made from the same version; the other gets CONFLICT', async () => {
    const admin = [grant('partnership-admin', 'telford-and-wrekin')];
    const before = await storedBody();
    const results = await Promise.all(
      ['First editor', 'Second editor'].map((purpose) =>
        federation.query(UPDATE, { as: admin, variables: { id: EXECUTIVE, version: before.version, input: { purpose } } }),
      ),
    );
    const succeeded = results.filter((result) => !result.errors);
    const refused = results.filter((result) => result.errors);
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.errors![0]!.extensions!.code).toBe('CONFLICT');
    const after = await storedBody();
    expect(after.version).toBe(before.version + 1);
    expect(after.purpose).toBe(succeeded[0]!.data!.updateBody.purpose);
  });
});
