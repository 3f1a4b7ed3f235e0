import { loadConfig } from '@safeguarding/config';
import { benchDatabaseUrl, builtSubgraphs, databaseName, parseArgs } from './common';

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

export const MODES = (
  typeof args.modes === 'string' ? args.modes.split(',') : ['apollo', 'apollo-cached', 'apollo-cached-redis', 'hive', 'hive-router', 'direct', 'sql']
) as Mode[];

export const BASE_PORT = Number(args['base-port'] ?? 4100);

export const SCALING_MODES = (typeof args['scaling-modes'] === 'string' ? args['scaling-modes'].split(',') : ['apollo', 'hive', 'sql']) as Mode[];

export const GROWTH_DURATION = Number(args['growth-duration'] ?? 10);

export const MODE_LABEL = {
  apollo: 'Apollo gateway',
  'apollo-cached': 'Apollo gateway, cached (memory)',
  'apollo-cached-redis': 'Apollo gateway, cached (Redis)',
  hive: 'Hive gateway',
  'hive-router': 'Hive gateway, Rust planner',
  direct: 'subgraph direct',
  sql: 'SQL limit (pg)',
} as const;

export type Mode = keyof typeof MODE_LABEL;

/** The paths answered by a gateway process the bench started (one row of CPU and memory each). */
export type GatewayMode = Exclude<Mode, 'direct' | 'sql'>;
export const GATEWAY_MODES: GatewayMode[] = ['apollo', 'apollo-cached', 'apollo-cached-redis', 'hive', 'hive-router'];
export const isGatewayMode = (mode: Mode): mode is GatewayMode => (GATEWAY_MODES as Mode[]).includes(mode);
/** Apollo gateways with the whole-answer response cache on: their answers carry `x-response-cache`. */
export const isCachedMode = (mode: Mode) => mode === 'apollo-cached' || mode === 'apollo-cached-redis';

/** Paths measured in the growth run: the uncached Apollo gateway and the SQL limit (subgraph direct cannot: two subgraphs answer). */
export const GROWTH_MODES = (typeof args['growth-modes'] === 'string' ? args['growth-modes'].split(',') : ['apollo', 'sql']) as Mode[];

for (const mode of [...MODES, ...SCALING_MODES, ...GROWTH_MODES]) {
  if (!(mode in MODE_LABEL)) throw new Error(`Unknown mode "${mode}": one of ${Object.keys(MODE_LABEL).join(', ')}`);
}

/**
 * The Redis the cached-in-Redis gateway shares its answers through, database 7 rather than 0:
 * the gateway's response cache has its own namespace (RESPONSE_CACHE_NAMESPACE, set below), but its
 * rate-limit counts and persisted queries share the fixed `safeguarding:` prefix, and other
 * engineers' gateways on the same Redis count the same "bench" caller. BENCH_REDIS_URL overrides it.
 */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/7';

export const databaseUrl = benchDatabaseUrl();

/** The cached gateways' response-cache namespace: one per bench database, so answers from another database are never served. */
export const BENCH_CACHE_NAMESPACE = `bench-${databaseName(databaseUrl)}`.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64);

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
  'hive-router': BASE_PORT + 11,
  'apollo-cached': BASE_PORT + 12,
  'apollo-cached-redis': BASE_PORT + 13,
  subgraph: Object.fromEntries(subgraphs.map((s, k) => [s.name, BASE_PORT + 1 + k])) as Record<string, number>,
};

export const subgraphUrl = (name: string) => `http://127.0.0.1:${ports.subgraph[name]}/graphql`;
