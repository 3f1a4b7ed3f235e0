import { embeddedTemplateDump, serverTemplate } from './template';
import { loadSubgraphSource } from './subgraph-module';

/**
 * Jest `globalSetup` for workspaces whose tests start the federation: builds the run's migrated and
 * seeded template (template.ts) once, before any test file starts, so its time counts against no
 * test's timeout and concurrent files never wait on each other to build it. Nothing to do when a
 * template for these migrations and seeds already exists.
 */
export default async function buildTestDatabaseTemplate(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const started = Date.now();
  if (serverUrl) await serverTemplate(serverUrl, loadSubgraphSource);
  else await embeddedTemplateDump(loadSubgraphSource);
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 5) process.stdout.write(`\nTest database template ready in ${seconds.toFixed(0)} s (built once per change to migrations or seeds).\n`);
}
