import { BigIntType } from '@mikro-orm/core';

/**
 * Epoch milliseconds as a 64-bit integer column, read as a JS number. Infrastructure tables
 * (outbox, jobs, audit) use it so that leasing SQL compares plain numbers identically on
 * SQLite and PostgreSQL.
 */
export const epochMs = () => new BigIntType('number');
