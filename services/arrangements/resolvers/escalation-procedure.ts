import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayEditEscalationProcedures } from '../access';
import type { Resolvers } from '../generated/graphql';
import { escalationProceduresOn } from '../operations/escalation-procedures';

/** EscalationProcedure, and the Partnership field that schema/escalation-procedures.graphql adds. */
export const escalationProcedureResolvers: Resolvers = {
  Partnership: {
    escalationProcedures: (partnership, { asOf }, { loaders }) => escalationProceduresOn(partnership.id, asOf ?? todayInEngland(), loaders),
  },
  EscalationProcedure: {
    partnership: async (procedure, _args, { loaders }) => (await loaders.partnership.load(procedure.partnershipId))!,
    steps: (procedure, _args, { loaders }) => loaders.escalationStepsByProcedure.load(procedure.id),
    viewerCanEdit: (procedure, _args, { caller }) => procedure.validTo === null && mayEditEscalationProcedures(caller, procedure.partnershipId),
  },
};
