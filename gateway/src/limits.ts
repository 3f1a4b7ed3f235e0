import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { type IncrementResponse, ipKeyGenerator, MemoryStore, type Options as RateLimitOptions, rateLimit, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { ValidationRule } from 'graphql';
import { DEFAULT_RATE_LIMIT, type QueryLimits } from '@safeguarding/config';
import type { SharedState } from './redis';
import { sendProblem } from './problem';
import { verifiedCaller } from './sign-in';

/**
 * The gateway's abuse limits, in one place. The numbers leave generous room over the real
 * queries (measured over every query in the READMEs and tests when they were set: depth 5,
 * cost about 100, 3 aliases, 76 tokens, no directives), so a front end never meets them while a
 * hostile query (a deep cycle through Body.reportsTo, thousands of aliases, a megabyte of tokens)
 * is refused before planning. gateway/README.md documents them; each has an environment variable.
 */
export const DEFAULT_QUERY_LIMITS: Omit<QueryLimits, 'rateLimit'> = {
  requestSize: '1mb',
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 5000,
};

export function defaultLimits(developmentTools: boolean): QueryLimits {
  return {
    ...DEFAULT_QUERY_LIMITS,
    rateLimit: { windowSeconds: 60, maxRequests: developmentTools ? DEFAULT_RATE_LIMIT.other : DEFAULT_RATE_LIMIT.production },
  };
}

/**
 * graphql-armor's protections (depth, aliases, directives, cost) as Apollo
 * validation rules and plugins, plus the token limit.
 *
 * The token limit is graphql-js's own `maxTokens` parse option, not armor's: armor's Apollo
 * plugin for tokens throws from a hook Apollo Server does not catch, so an over-long query got a
 * 500 instead of a 400. graphql-js stops parsing at the limit, which is the point of the limit.
 */
export function armorProtection(limits: QueryLimits): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  // exposeLimits: the message says which limit and by how much, so a legitimate client can fix
  // its query; the limits are in the README anyway, so they are no secret.
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true, ignoreIntrospection: true },
    // "Did you mean ...?" is removed in production by Apollo Server itself (hideSchemaDetailsFromClientErrors
    // in gateway.ts), whole; armor's version left "[Suggestion hidden]?" and missed enum suggestions.
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/** A GraphQL-shaped error body for refusals made before Apollo Server sees the request. */
export function graphQLErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** The download endpoints answer every error as problem details (problem.ts), never GraphQL-shaped. */
const DOWNLOAD_PATH = /^\/(exports|calendars)(\/|\?|$)/;

/**
 * A refusal made before Apollo Server sees the request, in the shape the endpoint speaks:
 * `application/problem+json` for /exports and /calendars, a GraphQL error body for /graphql.
 */
export function refuse(request: express.Request, response: express.Response, status: number, code: string, title: string, detail: string): void {
  if (DOWNLOAD_PATH.test(request.originalUrl)) return sendProblem(response, { status, code, title, detail });
  response.status(status).json(graphQLErrorBody(detail, code));
}

/**
 * Rate-limit counts in Redis, shared by every gateway replica, so a caller gets one limit however
 * many gateways stand behind the address. While Redis is unreachable each gateway counts alone
 * in memory (the limit then holds per gateway: at most replicas × limit in all). Failing open
 * would drop the limit exactly when something is already wrong; failing closed would refuse
 * every caller because of a cache. Back on the shared counts as soon as Redis answers.
 */
export class SharedRateLimitStore implements Store {
  readonly localKeys = false;
  private readonly memory = new MemoryStore();
  private readonly redis: RedisStore;
  private options: RateLimitOptions | undefined;
  /** The store's Lua scripts are loaded at init; after a failure they are loaded again (Redis may have restarted empty). */
  private needsInit = true;

  constructor(
    private readonly shared: SharedState,
    scope: string,
  ) {
    this.redis = new RedisStore({
      prefix: `${shared.keyPrefix}rate-limit:${scope}:`,
      sendCommand: (command: string, ...args: string[]) => shared.client.call(command, ...args) as Promise<RedisReply>,
    });
  }

  init(options: RateLimitOptions): void {
    this.options = options;
    this.memory.init(options);
  }

  /** The answer from Redis, or undefined when Redis could not give one (then memory answers). */
  private async viaRedis<T>(work: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.shared.client.status !== 'ready') {
      this.shared.reportFailure('rate limits are counted by each gateway alone', new Error(`connection ${this.shared.client.status}`));
      this.needsInit = true;
      return undefined;
    }
    try {
      if (this.needsInit) {
        await this.redis.init(this.options!);
        this.needsInit = false;
      }
      return { value: await work() };
    } catch (error) {
      this.shared.reportFailure('rate limits are counted by each gateway alone', error);
      this.needsInit = true;
      return undefined;
    }
  }

  async increment(key: string): Promise<IncrementResponse> {
    return (await this.viaRedis(() => this.redis.increment(key)))?.value ?? this.memory.increment(key);
  }

  async decrement(key: string): Promise<void> {
    if (!(await this.viaRedis(() => this.redis.decrement(key)))) await this.memory.decrement(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.viaRedis(() => this.redis.resetKey(key));
    await this.memory.resetKey(key);
  }

  shutdown(): void {
    this.memory.shutdown();
  }
}

/**
 * Per-caller rate limit: a signed-in caller is counted by token subject (verified, so a forged
 * subject cannot dodge the count), anyone else by address (IPv6 by /56, so one machine cannot
 * rotate through its addresses). The caller comes from signInMiddleware, which runs first. With
 * `shared` (REDIS_URL) the counts are shared by every gateway; `scope` keeps separately limited
 * routes (GraphQL, exports) apart there.
 */
export function callerRateLimit(limits: QueryLimits['rateLimit'], shared?: SharedState, scope = 'graphql'): express.RequestHandler {
  return rateLimit({
    ...(shared ? { store: new SharedRateLimitStore(shared, scope) } : {}),
    windowMs: limits.windowSeconds * 1000,
    limit: limits.maxRequests,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator(request, response) {
      // A refused token (401 later) counts against the address, like no token.
      const caller = verifiedCaller(response);
      return caller ? `user:${caller.subject}` : `address:${ipKeyGenerator(request.ip ?? 'unknown')}`;
    },
    handler(request, response) {
      refuse(
        request,
        response,
        429,
        'RATE_LIMITED',
        'Too many requests',
        `Too many requests: each caller may make ${limits.maxRequests} in ${limits.windowSeconds} s. Wait for the time in the RateLimit header, then try again.`,
      );
    },
  });
}

/**
 * Turns body-parser's failures (too large, not JSON) into GraphQL-shaped errors. Express's own
 * handler would answer HTML with a stack trace outside production.
 */
export function requestErrorHandler(requestSize: string): express.ErrorRequestHandler {
  return (error: { type?: string; status?: number }, request, response, next) => {
    if (response.headersSent) return next(error);
    if (error.type === 'entity.too.large') {
      return refuse(
        request,
        response,
        413,
        'PAYLOAD_TOO_LARGE',
        'The request is too large',
        `The request is larger than ${requestSize}; send a smaller query or fewer variables.`,
      );
    }
    if (error.type === 'entity.parse.failed') {
      return refuse(
        request,
        response,
        400,
        'BAD_REQUEST',
        'The request is not JSON',
        'The request body is not valid JSON; send {"query": "...", "variables": {...}}.',
      );
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      return refuse(request, response, error.status, 'BAD_REQUEST', 'The request could not be read', 'The request could not be read; send JSON with a query.');
    }
    refuse(
      request,
      response,
      500,
      'INTERNAL_SERVER_ERROR',
      'Internal server error',
      'Internal server error: the failure has been logged; try again, and report it if it persists.',
    );
  };
}

/**
 * graphql-armor and graphql-js word limit refusals as "Syntax Error: ...", which sends a client
 * looking for a typo; say instead which limit was met and what to do.
 */
const LIMIT_VARIABLES: Record<string, string> = {
  'Query depth': 'QUERY_MAX_DEPTH',
  'Query Cost': 'QUERY_MAX_COST',
  Aliases: 'QUERY_MAX_ALIASES',
  Directives: 'QUERY_MAX_DIRECTIVES',
};

export function limitRefusalMessage(message: string): string | undefined {
  const tokens = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/.exec(message);
  if (tokens) return `The query has more than ${tokens[1]} tokens, the limit (QUERY_MAX_TOKENS); send a smaller query.`;
  const armor = /^Syntax Error: ((Query depth|Query Cost|Aliases|Directives) limit of .*)$/.exec(message);
  if (armor) return `${armor[1]} That is the gateway's limit (${LIMIT_VARIABLES[armor[2]!]}); simplify the query to stay within it.`;
  return undefined;
}
