import 'reflect-metadata';
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import { AppError, defineModule } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Query, Resolver } from 'type-graphql';
import { createTestApp, type TestApp } from '@motcua/server/testing';

@Resolver()
class FailingResolver {
  @Query(() => String, { description: 'Throws an unexpected error.' })
  explode(): string {
    throw new Error('database password is hunter2');
  }

  @Query(() => String, { description: 'Throws a typed error.' })
  refuse(): string {
    throw AppError.conflict({ vi: 'đã tồn tại', en: 'already exists' }, { field: 'code' });
  }
}

const failing = defineModule({ name: 'failing', entities: [], resolvers: [FailingResolver] });

describe.each([
  ['production', { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-at-least-32-chars' }],
  ['development', { NODE_ENV: 'development' }],
])('errors in %s mode', (mode, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [kernel, identity, failing], demo: false, env });
  });
  afterAll(() => t.close());

  it('answers an unexpected failure with INTERNAL_SERVER_ERROR and none of its text', async () => {
    const result = await t.gql('{ explode }');
    const [error] = result.errors!;
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('Lỗi hệ thống; vui lòng thử lại sau.');
    expect(error.message.includes('hunter2')).toBe(false);
    // Developers get the stack trace (which names the cause); production answers carry none.
    expect('stacktrace' in error.extensions).toBe(mode !== 'production');
    if (mode === 'production') expect(JSON.stringify(result).includes('hunter2')).toBe(false);
  });

  it('logs the unexpected failure once, with its cause, for operators', async () => {
    const before = t.logs.length;
    await t.gql('{ explode }');
    const lines = t.logs.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0].level).toBe(50);
    expect(lines[0].err.message).toContain('hunter2');
  });

  it('passes typed errors through with both messages and details', async () => {
    const result = await t.gql('{ refuse }', {}, { lang: 'en' });
    expect(result.errors![0]).toMatchObject({
      message: 'Conflict: already exists',
      extensions: { code: 'CONFLICT', messages: { vi: 'Xung đột dữ liệu: đã tồn tại', en: 'Conflict: already exists' }, details: { field: 'code' } },
    });
  });
});
