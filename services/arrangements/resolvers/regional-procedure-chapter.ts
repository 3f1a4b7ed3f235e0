import { isUuid } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { latestVersions } from '../rules/procedure-adoption';

export const regionalProcedureChapterResolvers: Resolvers = {
  RegionalProcedureChapter: {
    __resolveReference: (reference, { loaders }) => (isUuid(reference.id) ? loaders.chapter.load(reference.id) : null),
    procedure: async (chapter, _args, { loaders }) => (await loaders.procedure.load(chapter.procedureId))!,
    versions: async (chapter, _args, { loaders }) =>
      (await loaders.chaptersByProcedure.load(chapter.procedureId))
        .filter((other) => other.number === chapter.number)
        .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)),
    isLatest: async (chapter, _args, { loaders }) =>
      latestVersions(await loaders.chaptersByProcedure.load(chapter.procedureId)).get(chapter.number)?.id === chapter.id,
  },
};
