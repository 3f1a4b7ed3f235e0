import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { TrainingLoaders } from './loaders';

export type TrainingContext = SubgraphContext<TrainingLoaders>;

/** What an operation needs from a request: callable from a resolver, a test or a script alike. */
export type TrainingOperationContext = Pick<TrainingContext, 'caller' | 'dataSource' | 'loaders' | 'auditReplaced'>;
