import { badUserInput, isLoaded, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayEditBody, mayShareBody } from '../access';
import { asOfOf, bodyAsOf, lineInForce, reportingBodiesOn, reportsToOn } from '../operations/body-records';
import type { Resolvers } from '../generated/graphql';
import { projectExpectedMeetings } from '../rules/expected-meetings';
import { checkCadence } from '../rules/meeting-cadence';

const MAXIMUM_UPCOMING = 50;

export const bodyResolvers: Resolvers = {
  Body: {
    __resolveReference: async (reference, { loaders }) => {
      const body = await loaders.body.load(reference.id);
      return body ? bodyAsOf(body, todayInEngland(), loaders) : null;
    },
    partnerships: async (body, _args, { loaders }) => {
      const links = await loaders.bodyPartnerships.load(body.id);
      const partnerships = await loaders.partnership.loadMany(links.map((link) => link.partnershipId));
      return partnerships.filter(isLoaded).sort((a, b) => a.name.localeCompare(b.name));
    },
    reportsTo: async (body, _args, { loaders }) => {
      const date = asOfOf(body);
      const parentId = await reportsToOn(body, date, loaders);
      const parent = parentId ? await loaders.body.load(parentId) : null;
      return parent ? bodyAsOf(parent, date, loaders) : null;
    },
    reportingBodies: (body, { asOf }, { loaders }) => reportingBodiesOn(body.id, asOf ?? asOfOf(body), loaders),
    reportingLines: async (body, { asOf }, { loaders }) =>
      (await loaders.reportingLinesByBody.load(body.id)).filter((line) => asOf == null || lineInForce(line, asOf)),
    asOf: (body) => asOfOf(body),
    termsFrom: (body) => body.termsFrom,
    closeRelationships: async (body, _args, { loaders }) => {
      const links = await loaders.relationships.load(body.id);
      const related = await loaders.body.loadMany(links.map((link) => link.relatedBodyId));
      return related.filter(isLoaded).sort((a, b) => a.name.localeCompare(b.name));
    },
    meetings: async (body, { from, to }, { loaders }) =>
      (await loaders.meetingsByBody.load(body.id)).filter((m) => (!from || m.meetingDate >= from) && (!to || m.meetingDate <= to)),
    upcomingMeetings: async (body, { after, limit }, { loaders }) => {
      const count = limit ?? 3;
      if (count < 1 || count > MAXIMUM_UPCOMING) throw badUserInput(`limit must be between 1 and ${MAXIMUM_UPCOMING}`, 'limit');
      const since = after ?? todayInEngland();
      return (await loaders.meetingsByBody.load(body.id)).filter((m) => m.meetingDate > since && m.status === 'SCHEDULED').slice(0, count);
    },
    expectedMeetings: async (body, { from, to, limit }, { loaders }) => {
      const count = limit ?? 3;
      if (count < 1 || count > MAXIMUM_UPCOMING) throw badUserInput(`limit must be between 1 and ${MAXIMUM_UPCOMING}`, 'limit');
      if (from && to && to < from) throw badUserInput(`"to" (${to}) is before "from" (${from})`, 'to');
      const rule = body.meetingFrequency;
      if (!rule) return null;
      const meetings = (await loaders.meetingsByBody.load(body.id)).map((m) => ({ date: m.meetingDate, status: m.status, extraordinary: m.extraordinary }));
      const window = { today: todayInEngland(), from, to, limit: count, validFrom: body.validFrom, validTo: body.validTo };
      return projectExpectedMeetings(rule, meetings, window).map((projection) => ({ ...projection, body, rule }));
    },
    missedCadence: async (body, { from, to }, { loaders }) => {
      if (to < from) throw badUserInput(`"to" (${to}) is before "from" (${from})`, 'to');
      if (!body.meetingFrequency) return null;
      const held = (await loaders.meetingsByBody.load(body.id)).filter((m) => m.status === 'HELD').map((m) => m.meetingDate);
      return { ...checkCadence(body.meetingFrequency, held, from, to, todayInEngland()), rule: body.meetingFrequency };
    },
    strategicPriorities: (body, _args, { loaders }) => loaders.strategicPrioritiesByBody.load(body.id),
    strategicActionPlan: async (body, _args, { loaders }) => {
      const actions = await loaders.strategicActionsByBody.load(body.id);
      return actions.length === 0 ? null : { group: body, actions };
    },
    viewerCanEdit: (body, _args, { caller, loaders }) => mayEditBody(caller, body, loaders),
    viewerCanShare: (body, _args, { caller, loaders }) => mayShareBody(caller, body, loaders),
  },
  ExpectedMeeting: {
    body: (expected) => expected.body,
  },
  ReportingLine: {
    parent: async (line, _args, { loaders }) => (await loaders.body.load(line.parentBodyId))!,
  },
};
