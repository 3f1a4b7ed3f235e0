import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { ThresholdsLoaders } from './loaders';

export type ThresholdsContext = SubgraphContext<ThresholdsLoaders>;

/** What an operation needs from a request: callable from a resolver, a test or a script alike. */
export type ThresholdsOperationContext = Pick<ThresholdsContext, 'caller' | 'dataSource' | 'loaders' | 'auditReplaced'>;
