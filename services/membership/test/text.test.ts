import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { AttendanceEntity, MembershipEntity, OrganisationEntity, PostEntity } from '../entities';

/** Free text (names, post titles, reviews, apology reasons) is stored exactly as sent, or refused: never silently changed by the database. */
describe('half a character in a mutation', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation({ only: ['membership'] });
  });
  afterAll(async () => {
    await federation?.stop();
  });

  const EXECUTIVE = 'telford-and-wrekin.executive';
  const twAdmin = [grant('partnership-admin', 'telford-and-wrekin')];
  const HALF_EMOJI = 'Exploitation review \uD83D';
  const counts = async () => {
    const source = federation.dataSources.membership!;
    return Promise.all([OrganisationEntity, PostEntity, MembershipEntity, AttendanceEntity].map((entity) => source.getRepository(entity).count()));
  };

  it.each([
    [
      'registerOrganisation name',
      'name',
      async () => ({
        document: `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
        as: [grant('regional-admin')],
        input: { id: 'half-emoji-trust', name: HALF_EMOJI, sector: 'HEALTH_PROVIDER' },
      }),
    ],
    [
      'registerOrganisation alsoKnownAs',
      'alsoKnownAs',
      async () => ({
        document: `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
        as: [grant('regional-admin')],
        input: { id: 'half-emoji-trust', name: 'Half Emoji Trust', sector: 'HEALTH_PROVIDER', alsoKnownAs: ['\uDE00 Trust'] },
      }),
    ],
    [
      'addPost title',
      'title',
      async () => ({
        document: `mutation ($input: AddPostInput!) { addPost(input: $input) { id } }`,
        as: twAdmin,
        input: { organisationId: 'cafcass', title: HALF_EMOJI },
      }),
    ],
    [
      'addMembership coOptedForReview',
      'coOptedForReview',
      async () => ({
        document: `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }`,
        as: twAdmin,
        input: { bodyId: 'telford-and-wrekin.neglect', organisationId: 'cafcass', role: 'CO_OPTED', coOptedForReview: HALF_EMOJI, startDate: '2026-01-01' },
      }),
    ],
    [
      'recordAttendance apologyReason',
      'records[0].apologyReason',
      async () => {
        const seat = await federation.dataSources.membership!.getRepository(MembershipEntity).findOneByOrFail({ bodyId: EXECUTIVE, role: 'MEMBER' });
        return {
          document: `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { outcome } }`,
          as: twAdmin,
          input: {
            bodyId: EXECUTIVE,
            meetingDate: '2026-07-14',
            records: [{ membershipId: seat.id, outcome: 'APOLOGIES', apologyReason: HALF_EMOJI, apologyReasonValid: true }],
          },
        };
      },
    ],
  ])('refuses it in %s with BAD_USER_INPUT and stores nothing, rather than storing U+FFFD', async (_case, field, call) => {
    const { document, as, input } = await call();
    const before = await counts();
    const { data, errors } = await federation.query(document, { as, variables: { input } });
    expect(data ?? null).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors![0]!.message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')} contains half of a character`));
    expect(await counts()).toEqual(before);
  });
});
