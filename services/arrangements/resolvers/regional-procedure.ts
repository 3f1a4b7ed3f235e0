import type { RegionalProcedureChapterEntity } from '../entities';
import { partnershipsWithRole } from '@safeguarding/auth';
import { mayAct, rolesFor } from '../access';
import type { Resolvers } from '../generated/graphql';

export const regionalProcedureResolvers: Resolvers = {
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
    viewerCanEdit: (_procedure, _args, { caller }) => mayAct(caller, 'editRegionalProcedures', []),
    viewerCanAdopt: (_procedure, _args, { caller }) => partnershipsWithRole(caller, rolesFor('adoptRegionalProcedure')).length > 0,
  },
};
