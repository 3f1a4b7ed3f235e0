import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { ReviewsLoaders } from './loaders';

export type ReviewsContext = SubgraphContext<ReviewsLoaders>;
