import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { ArrangementsLoaders } from './loaders';

export type ArrangementsContext = SubgraphContext<ArrangementsLoaders>;
