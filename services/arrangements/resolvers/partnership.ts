import { hasRole } from '@safeguarding/auth';
import { moneyFromPence, todayInEngland, validOn, isUuid } from '@safeguarding/subgraph-runtime';
import type { BodyEntity, RegionalProcedureChapterEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { organisationReference } from './organisation-reference';

export const partnershipResolvers: Resolvers = {
  Partnership: {
    __resolveReference: (reference, { loaders }) => loaders.partnership.load(reference.id),
    slug: (partnership) => partnership.id,
    population: (partnership) =>
      partnership.populationValue === null || !partnership.populationSource
        ? null
        : {
            value: partnership.populationValue,
            year: partnership.populationYear ?? '',
            description: partnership.populationDescription ?? '',
            source: partnership.populationSource,
          },
    independentScrutiny: (partnership) =>
      partnership.independentScrutiny && partnership.independentScrutinySource
        ? { description: partnership.independentScrutiny, source: partnership.independentScrutinySource }
        : null,
    statutoryFunctions: (partnership, _args, { loaders }) => loaders.statutoryFunctions.load(partnership.id),
    leadSafeguardingPartners: (partnership, _args, { loaders }) => loaders.leadSafeguardingPartners.load(partnership.id),
    arrangementDocuments: (partnership, _args, { loaders }) => loaders.arrangementDocuments.load(partnership.id),
    budgets: (partnership, _args, { loaders }) => loaders.budgets.load(partnership.id),
    regionalProcedureAdoptions: (partnership, _args, { loaders }) => loaders.adoptionsByPartnership.load(partnership.id),
    bodies: async (partnership, { asOf }, { loaders }) => {
      const links = await loaders.partnershipBodies.load(partnership.id);
      const bodies = await loaders.body.loadMany(links.map((link) => link.bodyId));
      const date = asOf ?? todayInEngland();
      return bodies
        .filter((body): body is BodyEntity => body !== null && !(body instanceof Error) && validOn(body, date))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    viewerCanEdit: (partnership, _args, { caller }) => hasRole(caller, 'partnership-admin', partnership.id),
  },
  LeadSafeguardingPartner: {
    organisation: (partner) => organisationReference(partner.organisationId),
  },
  Budget: {
    total: (budget) => moneyFromPence(budget.totalMinorUnits),
    accountableBody: (budget) => (budget.accountableBodyOrganisationId ? organisationReference(budget.accountableBodyOrganisationId) : null),
    contributions: (budget, _args, { loaders }) => loaders.contributions.load(budget.id),
  },
  BudgetContribution: {
    organisation: (contribution) => organisationReference(contribution.organisationId),
    amount: (contribution) => moneyFromPence(contribution.amountMinorUnits),
  },
  RegionalProcedure: {
    adoptions: (procedure, _args, { loaders }) => loaders.adoptionsByProcedure.load(procedure.id),
    adoptedBy: (procedure, _args, { loaders }) => loaders.adoptionsByProcedure.load(procedure.id),
    chapters: async (procedure, _args, { loaders }) => {
      // The latest version of each chapter number.
      const latest = new Map<string, RegionalProcedureChapterEntity>();
      for (const chapter of await loaders.chaptersByProcedure.load(procedure.id)) latest.set(chapter.number, chapter);
      return [...latest.values()];
    },
    changesSince: async (procedure, { date }, { loaders }) =>
      (await loaders.chaptersByProcedure.load(procedure.id)).filter((chapter) => chapter.changeSummary !== null && chapter.effectiveFrom > date),
  },
  RegionalProcedureChapter: {
    __resolveReference: (reference, { loaders }) => (isUuid(reference.id) ? loaders.chapter.load(reference.id) : null),
    procedure: async (chapter, _args, { loaders }) => (await loaders.procedure.load(chapter.procedureId))!,
  },
  RegionalProcedureAdoption: {
    partnership: async (adoption, _args, { loaders }) => (await loaders.partnership.load(adoption.partnershipId))!,
    procedure: async (adoption, _args, { loaders }) => (await loaders.procedure.load(adoption.procedureId))!,
  },
};
