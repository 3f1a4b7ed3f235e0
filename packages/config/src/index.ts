import path from 'node:path';
import { z } from 'zod';
import { type OidcIssuerSettings, parseOidcIssuers } from './oidc';

/**
 * The platform's configuration, read once from the environment and validated at start-up so a
 * mistake stops the process with a message naming the variable, not a failure at first use.
 */

const DEVELOPMENT_USER_TOKEN_SECRET = 'development-only-user-token-secret-do-not-use-in-production';
const DEVELOPMENT_GATEWAY_SECRET = 'development-only-gateway-secret-do-not-use-in-production';

/** The subgraphs, in start order, with their default ports. */
export const SUBGRAPHS = [
  { name: 'arrangements', port: 4001 },
  { name: 'membership', port: 4002 },
  { name: 'reviews', port: 4003 },
  { name: 'training', port: 4004 },
  { name: 'thresholds', port: 4005 },
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export interface SubgraphCallSettings {
  /** Longest a query's call to one subgraph may take; then its fields are answered SUBGRAPH_UNAVAILABLE. */
  deadlineMilliseconds: number;
  /** The same for a mutation's call. */
  mutationDeadlineMilliseconds: number;
  /** How long a subgraph whose calls keep failing is skipped before its /ready is probed again. */
  circuitResetMilliseconds: number;
}

/**
 * A few seconds: real queries take milliseconds (bench/BASELINE.md), and a subgraph's /ready gives
 * up after 2 s, so a call that outlives this is stuck, not slow.
 */
export const DEFAULT_SUBGRAPH_CALLS: SubgraphCallSettings = {
  deadlineMilliseconds: 5000,
  mutationDeadlineMilliseconds: 15_000,
  circuitResetMilliseconds: 2000,
};

const port = z.coerce.number().int().min(0).max(65535);

/** Access-Control-Max-Age: Chromium's own cap, so a browser asks once per two hours per request shape. */
export const DEFAULT_PREFLIGHT_MAX_AGE_SECONDS = 7200;
/** A minute: short enough that an edit reaches the public soon, long enough to spare repeated reads. */
export const DEFAULT_PUBLIC_CACHE_MAX_AGE_SECONDS = 60;

/** The gateway's response cache as `npm start` runs it: on, five minutes, 32 MB in memory when there is no Redis. */
export const DEFAULT_RESPONSE_CACHE: ResponseCacheSettings = { ttlSeconds: 300, memoryMegabytes: 32, namespace: 'default' };

/**
 * CORS_ORIGINS: the web origins whose pages may call the gateway, comma-separated. Each must be an
 * origin as a browser sends it (scheme, host, optional port; no path), so a typo such as a
 * trailing path is refused at start instead of silently never matching.
 */
export function parseAllowedOrigins(value: string): { origins: string[]; problems: string[] } {
  const origins: string[] = [];
  const problems: string[] = [];
  for (const entry of value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
      problems.push(`"${entry}" is not an origin; write it as scheme://host[:port], e.g. https://safeguarding.example.org or http://localhost:5173`);
      continue;
    }
    origins.push(url.origin);
  }
  return { origins, problems };
}

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z
      .string()
      .url({ message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/test' })
      .refine((value) => /^postgres(ql)?:\/\//.test(value), 'DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
    EMBEDDED_DATA_DIR: z.string().min(1).optional(),
    EMBEDDED_PORT: port.default(5439),
    GATEWAY_PORT: port.default(4000),
    GATEWAY_HOST: z.string().default('127.0.0.1'),
    SUBGRAPH_HOST: z.string().default('127.0.0.1'),
    USER_TOKEN_SECRET: z.string().min(32, 'USER_TOKEN_SECRET must be at least 32 characters').optional(),
    // The organisations' identity providers (OpenID Connect), as JSON or a JSON file's path: oidc.ts.
    OIDC_ISSUERS: z.string().optional(),
    GATEWAY_SECRET: z.string().min(32, 'GATEWAY_SECRET must be at least 32 characters').optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    SEED_ON_START: z.enum(['true', 'false']).default('true'),
    // Abuse limits at the gateway; the defaults and why are in gateway/README.md.
    REQUEST_SIZE_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'REQUEST_SIZE_LIMIT must be a size such as 1mb, 512kb or 100000b')
      .default('1mb'),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    RATE_LIMIT_MAX_REQUESTS: z.coerce.number().int().min(1).optional(),
    QUERY_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
    QUERY_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
    QUERY_MAX_TOKENS: z.coerce.number().int().min(10).max(1_000_000).default(2000),
    QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(20),
    QUERY_MAX_COST: z.coerce.number().int().min(1).max(10_000_000).default(5000),
    PERSISTED_OPERATIONS: z.enum(['apq', 'safelist']).default('apq'),
    PERSISTED_OPERATIONS_MANIFEST: z.string().min(1).optional(),
    // Shared state of the gateway replicas (rate-limit counts, APQ cache); gateway/src/redis.ts.
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379')
      .optional(),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(10),
    // Gateway → subgraph calls: a deadline each (mutations get longer: they may write a lot and are
    // never retried), and how long a failing subgraph is skipped before /ready is probed again.
    SUBGRAPH_DEADLINE_SECONDS: z.coerce
      .number()
      .positive()
      .max(300)
      .default(DEFAULT_SUBGRAPH_CALLS.deadlineMilliseconds / 1000),
    SUBGRAPH_MUTATION_DEADLINE_SECONDS: z.coerce
      .number()
      .positive()
      .max(600)
      .default(DEFAULT_SUBGRAPH_CALLS.mutationDeadlineMilliseconds / 1000),
    SUBGRAPH_CIRCUIT_RESET_SECONDS: z.coerce
      .number()
      .positive()
      .max(300)
      .default(DEFAULT_SUBGRAPH_CALLS.circuitResetMilliseconds / 1000),
    // Browsers: which other origins' pages may call /graphql and /exports (gateway/src/cross-origin.ts),
    // and how long a browser may reuse a preflight's answer.
    CORS_ORIGINS: z.string().optional(),
    CORS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(DEFAULT_PREFLIGHT_MAX_AGE_SECONDS),
    // How long browsers and shared caches may keep the anonymous public's GET answers (gateway/src/http-caching.ts); 0: never.
    PUBLIC_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(DEFAULT_PUBLIC_CACHE_MAX_AGE_SECONDS),
    // Whole answers kept by the gateway (gateway/src/response-cache.ts): for how long (0: off), how much
    // memory when there is no REDIS_URL, and a namespace separating deployments that share one Redis.
    RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(DEFAULT_RESPONSE_CACHE.ttlSeconds),
    RESPONSE_CACHE_MEMORY_MB: z.coerce.number().int().min(1).max(4096).default(DEFAULT_RESPONSE_CACHE.memoryMegabytes),
    RESPONSE_CACHE_NAMESPACE: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'RESPONSE_CACHE_NAMESPACE must be 1 to 64 letters, digits, dots, dashes or underscores')
      .default(DEFAULT_RESPONSE_CACHE.namespace),
    // Traces go to an OTLP/HTTP collector when one of these is set (read by @safeguarding/tracing,
    // which starts before config is loaded; validated here so a typo stops the process at start).
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url({ message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be a URL such as http://127.0.0.1:4318' }).optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z
      .string()
      .url({ message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be a URL such as http://127.0.0.1:4318/v1/traces' })
      .optional(),
  })
  .superRefine((environment, context) => {
    const production = environment.NODE_ENV === 'production';
    const oidc = environment.OIDC_ISSUERS === undefined ? undefined : parseOidcIssuers(environment.OIDC_ISSUERS, production);
    for (const problem of oidc?.problems ?? []) context.addIssue({ code: 'custom', path: ['OIDC_ISSUERS', ...problem.path], message: problem.message });
    for (const problem of environment.CORS_ORIGINS === undefined ? [] : parseAllowedOrigins(environment.CORS_ORIGINS).problems) {
      context.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: problem });
    }
    if (production) {
      for (const key of ['USER_TOKEN_SECRET', 'GATEWAY_SECRET', 'DATABASE_URL'] as const) {
        // In production people sign in through their organisation (OIDC_ISSUERS); the shared
        // secret's development tokens are accepted only when USER_TOKEN_SECRET is set on purpose.
        if (key === 'USER_TOKEN_SECRET' && environment.OIDC_ISSUERS !== undefined) continue;
        if (!environment[key]) {
          const unless = key === 'USER_TOKEN_SECRET' ? ' unless OIDC_ISSUERS names an identity provider' : '';
          context.addIssue({ code: 'custom', path: [key], message: `${key} is required when NODE_ENV=production${unless}` });
        }
      }
    }
  });

export interface PlatformConfig {
  environment: 'development' | 'test' | 'production';
  /** A real PostgreSQL server, or undefined for the embedded one. */
  databaseUrl: string | undefined;
  embedded: { dataDirectory: string; port: number };
  gateway: { host: string; port: number };
  subgraphHost: string;
  subgraphPorts: Record<SubgraphName, number>;
  secrets: { userToken: string; gateway: string };
  /** How people sign in at the gateway. */
  signIn: {
    /**
     * Whether the gateway accepts HS256 tokens signed with secrets.userToken (`npm run token`):
     * always outside production; in production only when USER_TOKEN_SECRET is set explicitly.
     */
    developmentTokens: boolean;
    /** The organisations' identity providers whose access tokens are accepted (OIDC_ISSUERS). */
    oidcIssuers: OidcIssuerSettings[];
  };
  /** Pool size per subgraph; the embedded server multiplexes one session, so it gets small pools. */
  databasePoolSize: number;
  logLevel: string;
  seedOnStart: boolean;
  /** True when introspection and the explorer are served. */
  developmentTools: boolean;
  /** The gateway's abuse limits (gateway/README.md, "Security and operations"). */
  limits: QueryLimits;
  /** How the gateway treats persisted operations. */
  persistedOperations: {
    /** apq: any operation, with Apollo's automatic persisted queries; safelist: only the manifest's. */
    mode: 'apq' | 'safelist';
    /** The Apollo persisted-query manifest (JSON) the safelist mode allows. */
    manifestFile: string;
  };
  /** Longest time a process waits for in-flight requests on SIGTERM before closing connections. */
  shutdownGraceMilliseconds: number;
  /** Redis shared by the gateway replicas (rate limits, APQ); undefined: each gateway keeps its own in memory. */
  redisUrl: string | undefined;
  /** Deadlines and circuit breaking for the gateway's calls to subgraphs. */
  subgraphCalls: SubgraphCallSettings;
  /** Which web pages on other origins may call the gateway. */
  crossOrigin: CrossOriginSettings;
  /** HTTP caching of answers. */
  httpCaching: HttpCachingSettings;
  /** The gateway's cache of whole answers. */
  responseCache: ResponseCacheSettings;
}

export interface ResponseCacheSettings {
  /** How long an answer is kept at most (invalidation ends it sooner); 0 turns the cache off. */
  ttlSeconds: number;
  /** Bound of the in-memory store (used when there is no Redis). */
  memoryMegabytes: number;
  /** Separates deployments (or test runs) that share one Redis. */
  namespace: string;
}

export interface CrossOriginSettings {
  /** Origins (scheme://host[:port]) whose pages may call /graphql and /exports, with credentials (CORS_ORIGINS). */
  allowedOrigins: string[];
  /** Also any port of localhost, 127.0.0.1 and [::1]: outside production, so a dev server such as Vite's works unconfigured. */
  anyLocalhostPort: boolean;
  /** Access-Control-Max-Age: how long a browser reuses a preflight's answer. */
  preflightMaxAgeSeconds: number;
}

export interface HttpCachingSettings {
  /** max-age of the anonymous public's GET query answers (Cache-Control: public); 0 turns public caching off. */
  publicMaxAgeSeconds: number;
}

export interface QueryLimits {
  /** Largest request body express accepts, e.g. "1mb". */
  requestSize: string;
  /** Per-caller rate limit: at most maxRequests per windowSeconds. */
  rateLimit: { windowSeconds: number; maxRequests: number };
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
}

/**
 * Requests a caller may make per window when RATE_LIMIT_MAX_REQUESTS is not set: a person using a
 * front end stays well under 300 a minute; tests and development hammer one gateway from one
 * address, so they get a limit they never reach.
 */
export const DEFAULT_RATE_LIMIT = { production: 300, other: 100_000 } as const;

/** The repository root (two levels above packages/config/dist). */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Node flags for every platform process (the launcher, the Dockerfile and the bench start them
 * with these). A larger young generation: the servers allocate many short-lived objects per
 * request (rows, resolver results, JSON), and with V8's default 16 MB semi-space garbage
 * collection took a third of a subgraph's CPU on large answers; 64 MB made the structure batch
 * faster for a little more memory (figures: bench/BASELINE.md, "Garbage collection").
 */
export const NODE_PROCESS_FLAGS = ['--max-semi-space-size=64'] as const;

export class ConfigurationError extends Error {}

/** A setting's name as an administrator writes it: OIDC_ISSUERS[0].roles[2].role. */
function settingName(path: PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('');
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${settingName(issue.path) || 'environment'}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration; fix these environment variables and start again:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  const subgraphPorts = Object.fromEntries(
    SUBGRAPHS.map(({ name, port: defaultPort }) => {
      const raw = environment[`${name.toUpperCase()}_PORT`];
      const value = raw === undefined ? defaultPort : Number(raw);
      if (!Number.isInteger(value) || value < 0 || value > 65535) {
        throw new ConfigurationError(`Invalid configuration: ${name.toUpperCase()}_PORT must be a port number, got "${raw}"`);
      }
      return [name, value];
    }),
  ) as Record<SubgraphName, number>;
  return {
    environment: values.NODE_ENV,
    databaseUrl: values.DATABASE_URL,
    embedded: {
      dataDirectory: values.EMBEDDED_DATA_DIR ?? path.join(REPOSITORY_ROOT, '.data', 'pglite'),
      port: values.EMBEDDED_PORT,
    },
    gateway: { host: values.GATEWAY_HOST, port: values.GATEWAY_PORT },
    subgraphHost: values.SUBGRAPH_HOST,
    subgraphPorts,
    secrets: {
      userToken: values.USER_TOKEN_SECRET ?? DEVELOPMENT_USER_TOKEN_SECRET,
      gateway: values.GATEWAY_SECRET ?? DEVELOPMENT_GATEWAY_SECRET,
    },
    signIn: {
      developmentTokens: values.NODE_ENV !== 'production' || values.USER_TOKEN_SECRET !== undefined,
      oidcIssuers: values.OIDC_ISSUERS === undefined ? [] : parseOidcIssuers(values.OIDC_ISSUERS, values.NODE_ENV === 'production').issuers,
    },
    databasePoolSize: values.DATABASE_POOL_SIZE ?? (values.DATABASE_URL ? 10 : 1),
    logLevel: values.LOG_LEVEL ?? (values.NODE_ENV === 'test' ? 'silent' : 'info'),
    seedOnStart: values.SEED_ON_START === 'true',
    developmentTools: values.NODE_ENV !== 'production',
    limits: {
      requestSize: values.REQUEST_SIZE_LIMIT,
      rateLimit: {
        windowSeconds: values.RATE_LIMIT_WINDOW_SECONDS,
        maxRequests: values.RATE_LIMIT_MAX_REQUESTS ?? (values.NODE_ENV === 'production' ? DEFAULT_RATE_LIMIT.production : DEFAULT_RATE_LIMIT.other),
      },
      maxDepth: values.QUERY_MAX_DEPTH,
      maxAliases: values.QUERY_MAX_ALIASES,
      maxTokens: values.QUERY_MAX_TOKENS,
      maxDirectives: values.QUERY_MAX_DIRECTIVES,
      maxCost: values.QUERY_MAX_COST,
    },
    persistedOperations: {
      mode: values.PERSISTED_OPERATIONS,
      manifestFile: values.PERSISTED_OPERATIONS_MANIFEST ?? path.join(REPOSITORY_ROOT, 'gateway', 'persisted-operations.json'),
    },
    shutdownGraceMilliseconds: values.SHUTDOWN_GRACE_SECONDS * 1000,
    redisUrl: values.REDIS_URL,
    subgraphCalls: {
      deadlineMilliseconds: values.SUBGRAPH_DEADLINE_SECONDS * 1000,
      mutationDeadlineMilliseconds: values.SUBGRAPH_MUTATION_DEADLINE_SECONDS * 1000,
      circuitResetMilliseconds: values.SUBGRAPH_CIRCUIT_RESET_SECONDS * 1000,
    },
    crossOrigin: {
      allowedOrigins: values.CORS_ORIGINS === undefined ? [] : parseAllowedOrigins(values.CORS_ORIGINS).origins,
      anyLocalhostPort: values.NODE_ENV !== 'production',
      preflightMaxAgeSeconds: values.CORS_MAX_AGE_SECONDS,
    },
    httpCaching: { publicMaxAgeSeconds: values.PUBLIC_CACHE_MAX_AGE_SECONDS },
    responseCache: {
      ttlSeconds: values.RESPONSE_CACHE_TTL_SECONDS,
      memoryMegabytes: values.RESPONSE_CACHE_MEMORY_MB,
      namespace: values.RESPONSE_CACHE_NAMESPACE,
    },
  };
}

export { OIDC_ALGORITHMS, type OidcIssuerSettings, type OidcRoleMapping, parseOidcIssuers } from './oidc';
