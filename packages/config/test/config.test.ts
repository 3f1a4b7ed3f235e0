import { ConfigurationError, loadConfig } from '../src';

describe('loadConfig', () => {
  it('starts a developer with defaults: embedded database, development secrets, tools on', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.gateway.port).toBe(4000);
    expect(config.subgraphPorts).toEqual({ arrangements: 4001, membership: 4002, reviews: 4003, training: 4004, thresholds: 4005 });
    expect(config.developmentTools).toBe(true);
    expect(config.databasePoolSize).toBe(1);
    expect(config.embedded.dataDirectory).toMatch(/\.data[/\\]pglite$/);
  });

  it('shares gateway state through Redis only when REDIS_URL is set', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('lets pages on localhost call the gateway outside production, and only the listed origins in production', () => {
    expect(loadConfig({}).crossOrigin).toEqual({ allowedOrigins: [], anyLocalhostPort: true, preflightMaxAgeSeconds: 7200 });
    const production = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/safeguarding',
      USER_TOKEN_SECRET: 'u'.repeat(32),
      GATEWAY_SECRET: 'g'.repeat(32),
      CORS_ORIGINS: 'https://Safeguarding.example.org/, http://localhost:5173',
      CORS_MAX_AGE_SECONDS: '600',
    });
    // Written as a browser sends it: lower-case host, no trailing slash.
    expect(production.crossOrigin).toEqual({
      allowedOrigins: ['https://safeguarding.example.org', 'http://localhost:5173'],
      anyLocalhostPort: false,
      preflightMaxAgeSeconds: 600,
    });
  });

  it("caches the public's GET answers for 60 s unless PUBLIC_CACHE_MAX_AGE_SECONDS says otherwise", () => {
    expect(loadConfig({}).httpCaching).toEqual({ publicMaxAgeSeconds: 60 });
    expect(loadConfig({ PUBLIC_CACHE_MAX_AGE_SECONDS: '0' }).httpCaching).toEqual({ publicMaxAgeSeconds: 0 });
  });

  it('keeps whole answers for five minutes in 32 MB unless told otherwise; 0 turns the response cache off', () => {
    expect(loadConfig({}).responseCache).toEqual({ ttlSeconds: 300, memoryMegabytes: 32, namespace: 'default' });
    expect(loadConfig({ RESPONSE_CACHE_TTL_SECONDS: '0', RESPONSE_CACHE_MEMORY_MB: '64', RESPONSE_CACHE_NAMESPACE: 'staging' }).responseCache).toEqual({
      ttlSeconds: 0,
      memoryMegabytes: 64,
      namespace: 'staging',
    });
  });

  it('uses a real server with a bigger pool when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(config.databasePoolSize).toBe(10);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://root@localhost/test' }, /DATABASE_URL must start with postgres/],
    [{ GATEWAY_PORT: 'eighty' }, /GATEWAY_PORT/],
    [{ USER_TOKEN_SECRET: 'short' }, /at least 32 characters/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ REVIEWS_PORT: '99999' }, /REVIEWS_PORT must be a port number/],
    [{ REDIS_URL: '127.0.0.1:6379' }, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ CORS_ORIGINS: 'https://app.example.org/graphql' }, /CORS_ORIGINS: "https:\/\/app.example.org\/graphql" is not an origin/],
    [{ CORS_ORIGINS: 'app.example.org' }, /CORS_ORIGINS: "app.example.org" is not an origin/],
    [{ PUBLIC_CACHE_MAX_AGE_SECONDS: '-1' }, /PUBLIC_CACHE_MAX_AGE_SECONDS/],
    [{ RESPONSE_CACHE_TTL_SECONDS: 'forever' }, /RESPONSE_CACHE_TTL_SECONDS/],
    [{ RESPONSE_CACHE_NAMESPACE: 'has spaces' }, /RESPONSE_CACHE_NAMESPACE must be 1 to 64 letters/],
  ])('fails fast, naming the variable, for %j', (environment, message) => {
    expect(() => loadConfig(environment)).toThrow(ConfigurationError);
    expect(() => loadConfig(environment)).toThrow(message);
  });

  it('refuses to run in production on development secrets or an embedded database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /USER_TOKEN_SECRET is required[\s\S]*GATEWAY_SECRET is required[\s\S]*DATABASE_URL is required/,
    );
    const production = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/safeguarding',
      USER_TOKEN_SECRET: 'u'.repeat(32),
      GATEWAY_SECRET: 'g'.repeat(32),
    });
    expect(production.developmentTools).toBe(false);
  });
});
