import path from 'node:path';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import type { SubgraphModule } from '@safeguarding/subgraph-runtime';

export type SubgraphLoader = (name: string) => SubgraphModule<unknown>;

/** Loads a subgraph's module: its TypeScript source under jest, its build otherwise. */
export function loadSubgraphModule(name: string): SubgraphModule<unknown> {
  const underJest = process.env.JEST_WORKER_ID !== undefined;
  if (underJest) return loadSubgraphSource(name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load of the subgraph chosen by name at run time
  return (require(path.join(REPOSITORY_ROOT, 'services', name, 'dist/index.js')) as { default: SubgraphModule<unknown> }).default;
}

/** Its TypeScript source: under jest's transform (a test, or jest's globalSetup), never a dist/ that may be stale. */
export function loadSubgraphSource(name: string): SubgraphModule<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load of the subgraph chosen by name at run time
  return (require(path.join(REPOSITORY_ROOT, 'services', name, 'index.ts')) as { default: SubgraphModule<unknown> }).default;
}
