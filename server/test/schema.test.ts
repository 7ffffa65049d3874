import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printAppSchema } from '../src/graphql/schema.js';
import { MODULES } from '../src/modules.js';

describe('server/schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm schema` after changing the API)', async () => {
    const committed = readFileSync(resolve(__dirname, '../schema.graphql'), 'utf8');
    expect(printAppSchema(await buildAppSchema(MODULES))).toBe(committed);
  });

  it('documents every query, mutation and type', async () => {
    const schema = await buildAppSchema(MODULES);
    const undocumented = [schema.getQueryType()!, schema.getMutationType()!]
      .flatMap((type) => Object.values(type.getFields()))
      .filter((field) => !field.description)
      .map((field) => field.name);
    expect(undocumented).toEqual([]);
  });
});
