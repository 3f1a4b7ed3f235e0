import { badUserInput, isLoaded, todayInEngland, validOn } from '@safeguarding/subgraph-runtime';
import { mayEditBody } from '../access';
import type { Resolvers } from '../generated/graphql';
import { checkCadence } from '../rules/meeting-cadence';

const MAXIMUM_UPCOMING = 50;

export const bodyResolvers: Resolvers = {
  Body: {
    __resolveReference: (reference, { loaders }) => loaders.body.load(reference.id),
    partnerships: async (body, _args, { loaders }) => {
      const links = await loaders.bodyPartnerships.load(body.id);
      const partnerships = await loaders.partnership.loadMany(links.map((link) => link.partnershipId));
      return partnerships.filter(isLoaded).sort((a, b) => a.name.localeCompare(b.name));
    },
    reportsTo: (body, _args, { loaders }) => (body.reportsToBodyId ? loaders.body.load(body.reportsToBodyId) : null),
    reportingBodies: async (body, { asOf }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      return (await loaders.bodiesReportingTo.load(body.id)).filter((child) => validOn(child, date));
    },
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
    missedCadence: async (body, { from, to }, { loaders }) => {
      if (to < from) throw badUserInput(`"to" (${to}) is before "from" (${from})`, 'to');
      if (!body.meetingFrequency) return null;
      const held = (await loaders.meetingsByBody.load(body.id)).filter((m) => m.status === 'HELD').map((m) => m.meetingDate);
      return { ...checkCadence(body.meetingFrequency, held, from, to), rule: body.meetingFrequency };
    },
    strategicPriorities: (body, _args, { loaders }) => loaders.strategicPrioritiesByBody.load(body.id),
    strategicActionPlan: async (body, _args, { loaders }) => {
      const actions = await loaders.strategicActionsByBody.load(body.id);
      return actions.length === 0 ? null : { group: body, actions };
    },
    viewerCanEdit: (body, _args, { caller, loaders }) => mayEditBody(caller, body, loaders),
  },
};
