import { isUuid } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';

export const regionalProcedureChapterResolvers: Resolvers = {
  RegionalProcedureChapter: {
    __resolveReference: (reference, { loaders }) => (isUuid(reference.id) ? loaders.chapter.load(reference.id) : null),
    procedure: async (chapter, _args, { loaders }) => (await loaders.procedure.load(chapter.procedureId))!,
  },
};
