import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { ArrangementsLoaders } from './loaders';

export type ArrangementsContext = SubgraphContext<ArrangementsLoaders>;

/**
 * What an operation needs: who asks, the database and this request's loaders. A resolver passes
 * its context; a test or script builds one with createLoaders(dataSource).
 */
export type OperationContext = Pick<ArrangementsContext, 'caller' | 'dataSource' | 'loaders' | 'auditReplaced'>;
