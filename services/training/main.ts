import { runSubgraph } from '@safeguarding/subgraph-runtime';
import { trainingSubgraph } from './index';

runSubgraph(trainingSubgraph).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
