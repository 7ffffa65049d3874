import type { MigrationObject } from '@mikro-orm/core';
import { migrations as postgresql } from './postgresql/index.js';
import { migrations as sqlite } from './sqlite/index.js';

export type Dialect = 'sqlite' | 'postgresql';

/**
 * The migration history of one dialect. SQLite and PostgreSQL each keep their own,
 * generated from the same entities (`pnpm migration:create`), because generated DDL differs.
 */
export function migrationsFor(dialect: Dialect): MigrationObject[] {
  return dialect === 'postgresql' ? postgresql : sqlite;
}
