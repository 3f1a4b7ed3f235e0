import { runSubgraph } from '@safeguarding/subgraph-runtime';
import { thresholdsSubgraph } from './index';

runSubgraph(thresholdsSubgraph).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
