// First: tracing patches http and pg as they load (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
import '@safeguarding/tracing/register';
import { runSubgraph } from '@safeguarding/subgraph-runtime';
import { trainingSubgraph } from './index';

runSubgraph(trainingSubgraph).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
