/** Membership's mutations under hostile input (see harness.ts). */
import fc from 'fast-check';
import { callers, editorMostly, hostileText, trimmed, wrongId, type HostileInputSuite } from './harness';

interface MembershipIds extends Record<string, unknown> {
  organisations: string[];
}

export const membershipSuite: HostileInputSuite<MembershipIds> = {
  only: ['arrangements', 'membership'],
  async loadIds(federation) {
    return {
      organisations: ((await federation.query(`{ organisations { id } }`)).data!.organisations as { id: string }[]).map((organisation) => organisation.id),
    };
  },
  mutations: [
    {
      name: 'registerOrganisation',
      schema: 'membership',
      document: `mutation ($input: RegisterOrganisationInput!) {
        registerOrganisation(input: $input) { id name sector alsoKnownAs }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.regionalAdmin),
          variables: fc.record({
            input: fc.record(
              {
                id: fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), fc.constantFrom(...ids.organisations), wrongId),
                name: hostileText,
                sector: fc.constantFrom('POLICE', 'EDUCATION', 'HOUSING', 'LOCAL_AUTHORITY', 'NOT_A_SECTOR', 'police'),
                alsoKnownAs: fc.oneof(fc.constant(null), fc.array(hostileText, { maxLength: 3 })),
              },
              { requiredKeys: ['id', 'name', 'sector'] },
            ),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.registerOrganisation.id).toBe(input.id);
        expect(data.registerOrganisation.name).toBe(trimmed(input.name));
        expect(data.registerOrganisation.alsoKnownAs).toEqual((input.alsoKnownAs ?? []).map(trimmed));
      },
    },
  ],
};
