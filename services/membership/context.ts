import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { MembershipLoaders } from './loaders';

export type MembershipContext = SubgraphContext<MembershipLoaders>;

/** What an operation needs: who asks, the database and the request's loaders (no GraphQL). */
export type MembershipOperationContext = Pick<MembershipContext, 'caller' | 'dataSource' | 'loaders' | 'auditReplaced'>;
