import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { bodiesInForce } from '../operations/bodies';
import { priorityAsOf } from '../operations/strategic-plan-edits';
import { drawStructureChart } from '../operations/structure-chart';
import { budgetsOn, latestPopulationFigure, leadSafeguardingPartnersOn, mayEditPartnershipFacts, populationFigures } from '../operations/partnership-facts';

export const partnershipResolvers: Resolvers = {
  Partnership: {
    __resolveReference: (reference, { loaders }) => loaders.partnership.load(reference.id),
    slug: (partnership) => partnership.id,
    population: (partnership, _args, { loaders }) => latestPopulationFigure(partnership, loaders),
    populationFigures: (partnership, _args, { loaders }) => populationFigures(partnership, loaders),
    independentScrutiny: (partnership) =>
      partnership.independentScrutiny && partnership.independentScrutinySource
        ? { description: partnership.independentScrutiny, source: partnership.independentScrutinySource }
        : null,
    statutoryFunctions: (partnership, _args, { loaders }) => loaders.statutoryFunctions.load(partnership.id),
    leadSafeguardingPartners: (partnership, { asOf }, { loaders }) => leadSafeguardingPartnersOn(partnership.id, asOf ?? todayInEngland(), loaders),
    arrangementDocuments: (partnership, _args, { loaders }) => loaders.arrangementDocuments.load(partnership.id),
    budgets: (partnership, { asOf }, { loaders }) => budgetsOn(partnership.id, asOf, loaders),
    regionalProcedureAdoptions: (partnership, _args, { loaders }) => loaders.adoptionsByPartnership.load(partnership.id),
    bodies: async (partnership, { asOf }, { loaders }) =>
      (await bodiesInForce(partnership.id, asOf ?? todayInEngland(), loaders)).sort((a, b) => a.name.localeCompare(b.name)),
    strategicPriorities: async (partnership, { asOf }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      // As they stood on the date: a priority or statement revised later shows its earlier version.
      const inForce = (await loaders.strategicPrioritiesByPartnership.load(partnership.id)).filter((p) => p.periodStart <= date && p.periodEnd >= date);
      return Promise.all(inForce.map((priority) => priorityAsOf(priority, date, loaders)));
    },
    structureChart: (partnership, { asOf, format }, { loaders }) => drawStructureChart(partnership, asOf ?? todayInEngland(), format, loaders),
    viewerCanEdit: (partnership, _args, { caller }) => mayAct(caller, 'editBody', [partnership.id]),
    viewerCanEditFacts: (partnership, _args, { caller }) => mayEditPartnershipFacts(caller, partnership.id),
  },
};
