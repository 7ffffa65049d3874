import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('configuration from the environment', () => {
  it('has safe defaults: port 4000, SQLite under ./data, development', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database.dialect).toBe('sqlite');
    expect(config.database.sqliteFile).toMatch(/\/data\/motcua\.sqlite$/);
    expect(config.production).toBe(false);
    expect(config.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('selects PostgreSQL from a postgresql:// URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/motcua' }).database).toEqual({ dialect: 'postgresql', url: 'postgresql://u@db:5432/motcua' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ NODE_ENV: 'production' }, /AUTH_SECRET is required/],
    [{ NODE_ENV: 'production', AUTH_SECRET: 'short' }, /at least 32/],
    [{ MAX_BODY_BYTES: '-1' }, /MAX_BODY_BYTES/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });
});
