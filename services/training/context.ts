import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { TrainingLoaders } from './loaders';

export type TrainingContext = SubgraphContext<TrainingLoaders>;
