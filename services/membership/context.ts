import type { SubgraphContext } from '@safeguarding/subgraph-runtime';
import type { MembershipLoaders } from './loaders';

export type MembershipContext = SubgraphContext<MembershipLoaders>;
