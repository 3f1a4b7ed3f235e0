import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { ReviewsLoaders } from './loaders';

export type ReviewsContext = SubgraphContext<ReviewsLoaders>;

/** What an operation needs: who asks, the database and the request's loaders (no GraphQL). */
export type ReviewsOperationContext = Pick<ReviewsContext, 'caller' | 'dataSource' | 'loaders' | 'auditReplaced'>;
