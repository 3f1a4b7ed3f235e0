import { loadConfig } from '@safeguarding/config';
import { benchDatabaseUrl, builtSubgraphs, parseArgs } from './common';

/** The bench's command-line options, ports and the database it runs on (`npm run bench -- --help` in bench/README.md). */

export const args = parseArgs(process.argv.slice(2));

export const DURATION = Number(args.duration ?? 10);

export const WARMUP = Number(args.warmup ?? 2);

export const CONNECTIONS = Number(args.connections ?? 20);

export const SCALING_DURATION = Number(args['scaling-duration'] ?? 5);

export const SCALES = String(args.scales ?? '1,10,50')
  .split(',')
  .map(Number);

export const ONLY = typeof args.journeys === 'string' ? args.journeys.split(',') : undefined;

export const MODES = (typeof args.modes === 'string' ? args.modes.split(',') : ['apollo', 'hive', 'direct', 'sql']) as Mode[];

export const BASE_PORT = Number(args['base-port'] ?? 4100);

export const SCALING_MODES = (typeof args['scaling-modes'] === 'string' ? args['scaling-modes'].split(',') : ['apollo', 'hive', 'sql']) as Mode[];

export type Mode = 'apollo' | 'hive' | 'direct' | 'sql';

export const MODE_LABEL: Record<Mode, string> = { apollo: 'Apollo gateway', hive: 'Hive gateway', direct: 'subgraph direct', sql: 'SQL limit (pg)' };

export const databaseUrl = benchDatabaseUrl();

/**
 * Every process the bench starts runs as deployed: NODE_ENV=production (graphql-js skips its
 * development-only checks, the gateway its explorer and suggestions), with the secrets production
 * requires set by the bench itself. Fixed strings: the bench's tokens are made with the same one.
 */
export const PRODUCTION_ENVIRONMENT = {
  NODE_ENV: 'production',
  USER_TOKEN_SECRET: 'bench-only-user-token-secret-never-used-outside-the-bench',
  GATEWAY_SECRET: 'bench-only-gateway-secret-never-used-outside-the-bench',
} as const;

export const config = loadConfig({ ...process.env, ...PRODUCTION_ENVIRONMENT, DATABASE_URL: databaseUrl });

export const subgraphs = builtSubgraphs();

export const ports = {
  apollo: BASE_PORT,
  hive: BASE_PORT + 10,
  subgraph: Object.fromEntries(subgraphs.map((s, k) => [s.name, BASE_PORT + 1 + k])) as Record<string, number>,
};

export const subgraphUrl = (name: string) => `http://127.0.0.1:${ports.subgraph[name]}/graphql`;
