import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { ThresholdsLoaders } from './loaders';

export type ThresholdsContext = SubgraphContext<ThresholdsLoaders>;
