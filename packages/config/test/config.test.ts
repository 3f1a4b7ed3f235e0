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
