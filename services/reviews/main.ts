import { runSubgraph } from '@safeguarding/subgraph-runtime';
import { reviewsSubgraph } from './index';

runSubgraph(reviewsSubgraph).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
