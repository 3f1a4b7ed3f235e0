import { runSubgraph } from '@safeguarding/subgraph-runtime';
import { arrangementsSubgraph } from './index';

runSubgraph(arrangementsSubgraph).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
