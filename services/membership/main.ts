import { runSubgraph } from '@safeguarding/subgraph-runtime';
import { membershipSubgraph } from './index';

runSubgraph(membershipSubgraph).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
