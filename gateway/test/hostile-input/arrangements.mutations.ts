/** Arrangements' mutations under hostile input (see harness.ts). */
import fc from 'fast-check';
import type { TestFederation } from '@safeguarding/testkit';
import { callers, editorMostly, hostileDate, hostileText, OTHERS, OWN, trimmed, version, wrongId, type HostileInputSuite } from './harness';

interface ArrangementsIds extends Record<string, unknown> {
  ownBodies: string[];
  otherBodies: string[];
  ownMeetings: string[];
  otherMeetings: string[];
}

const bodyVersion = async (federation: TestFederation, id: unknown) => {
  const response = await federation.query(`query ($id: ID!) { body(id: $id) { version } }`, { variables: { id } });
  return response.data?.body?.version as number | undefined;
};
const meetingVersion = async (federation: TestFederation, id: unknown) => {
  const response = await federation.query(`query ($id: ID!) { meeting(id: $id) { version } }`, { variables: { id } });
  return response.data?.meeting?.version as number | undefined;
};
async function meetingIds(federation: TestFederation, partnership: string): Promise<string[]> {
  const response = await federation.query(`query ($slug: String!) { partnership(slug: $slug) { bodies { meetings { id } } } }`, { variables: { slug: partnership } });
  return (response.data!.partnership.bodies as { meetings: { id: string }[] }[]).flatMap((body) => body.meetings.map((meeting) => meeting.id)).slice(0, 30);
}

export const arrangementsSuite: HostileInputSuite<ArrangementsIds> = {
  only: ['arrangements'],
  async loadIds(federation) {
    const bodies = async (slug: string) =>
      ((await federation.query(`query ($slug: String!) { partnership(slug: $slug) { bodies { id } } }`, { variables: { slug } })).data!.partnership.bodies as { id: string }[]).map(
        (body) => body.id,
      );
    // Bodies shared between partnerships would be both "own" and "other"; keep them "own".
    const own = await bodies(OWN);
    const ownMeetings = await meetingIds(federation, OWN);
    return {
      ownBodies: own,
      otherBodies: (await Promise.all(OTHERS.map(bodies))).flat().filter((id) => !own.includes(id)),
      ownMeetings,
      otherMeetings: (await Promise.all(OTHERS.map((slug) => meetingIds(federation, slug)))).flat().filter((id) => !ownMeetings.includes(id)),
    };
  },
  mutations: [
    {
      name: 'updateBody',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdateBodyInput!) {
        updateBody(id: $id, expectedVersion: $expectedVersion, input: $input) { id name purpose validTo meetingFrequency { meetingsPerYear description period } version }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof({ arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 }, { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 }, { arbitrary: wrongId, weight: 2 }),
            expectedVersion: version,
            input: fc.record(
              {
                name: hostileText,
                purpose: fc.oneof(hostileText, fc.integer({ min: 3990, max: 4100 }).map((length) => 'p'.repeat(length))),
                validTo: hostileDate,
                meetingFrequency: fc.record({
                  meetingsPerYear: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constantFrom(0, 53, 2_147_483_647, -2_147_483_648)),
                  description: hostileText,
                  period: fc.constantFrom('CALENDAR_YEAR', 'FINANCIAL_YEAR', 'LUNAR_YEAR'),
                }),
              },
              { requiredKeys: [] },
            ),
          }),
        }),
      currentVersion: (federation, variables) => bodyVersion(federation, variables.id),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        if (input.name !== undefined) expect(data.updateBody.name).toBe(trimmed(input.name));
        if (input.purpose !== undefined) expect(data.updateBody.purpose).toBe(trimmed(input.purpose));
        if (input.validTo !== undefined) expect(data.updateBody.validTo).toBe(input.validTo);
        if (input.meetingFrequency !== undefined) expect(data.updateBody.meetingFrequency.description).toBe(trimmed(input.meetingFrequency.description));
      },
    },
    {
      name: 'scheduleMeeting',
      schema: 'arrangements',
      document: `mutation ($bodyId: ID!, $input: ScheduleMeetingInput!) {
        scheduleMeeting(bodyId: $bodyId, input: $input) { id date startTime location virtual status body { id } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            bodyId: fc.oneof({ arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 }, { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 }, { arbitrary: wrongId, weight: 2 }),
            input: fc.record(
              {
                date: hostileDate,
                startTime: fc.oneof(fc.constantFrom('10:00', '23:59', '24:00', '9:30', '10:60', '10:00:00', "10:00'; --", ''), hostileText),
                location: hostileText,
                virtual: fc.boolean(),
              },
              { requiredKeys: ['date'] },
            ),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.scheduleMeeting.body.id).toBe(variables.bodyId);
        expect(data.scheduleMeeting.date).toBe(input.date);
        if (input.location !== undefined) expect(data.scheduleMeeting.location).toBe(trimmed(input.location));
      },
    },
    {
      name: 'setMeetingStatus',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $status: MeetingStatus!) {
        setMeetingStatus(id: $id, expectedVersion: $expectedVersion, status: $status) { id status version }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof({ arbitrary: fc.constantFrom(...ids.ownMeetings), weight: 5 }, { arbitrary: fc.constantFrom(...ids.otherMeetings), weight: 2 }, { arbitrary: wrongId, weight: 3 }),
            expectedVersion: version,
            status: fc.constantFrom('SCHEDULED', 'HELD', 'CANCELLED', 'DELETED', 'held', ''),
          }),
        }),
      currentVersion: (federation, variables) => meetingVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.setMeetingStatus.status).toBe(variables.status);
      },
    },
  ],
};
