import { randomUUID } from 'node:crypto';
import type { Dialect } from './queries.js';

/** Same as kernel's foldVietnamese (kept here so the bench need not load the kernel's decorators). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
}

interface ParentRow {
  id: string;
  path: string;
  depth: number;
}

interface AgencyRow {
  id: string;
  parent_id: string;
  path: string;
  depth: number;
  code: string;
  name: string;
  search_text: string;
}

/**
 * `count` extra units spread round-robin over the seeded demo tree (every one is inside the
 * province), so a page of 50 has parents from ~20 different units and the `parent` level
 * batches ~20 ids. Names sort before the demo names, so the first page is made of them.
 */
function extraAgencies(parents: ParentRow[], count: number): AgencyRow[] {
  const rows: AgencyRow[] = [];
  for (let i = 1; i <= count; i++) {
    const parent = parents[i % parents.length];
    const id = randomUUID();
    const n = String(i).padStart(4, '0');
    const code = `BENCH.${n}.H56`;
    const name = `Bộ phận Một cửa số ${n} – Đơn vị thử nghiệm hiệu năng`;
    rows.push({ id, parent_id: parent.id, path: `${parent.path}${id}/`, depth: Number(parent.depth) + 1, code, name, search_text: fold(`${name} ${code}`) });
  }
  return rows;
}

/** Inserts the extra agencies with direct SQL (every NOT NULL column of identity_agency filled). */
export async function addAgencies(dialect: Dialect, database: string, count: number): Promise<number> {
  const now = Date.now();
  if (dialect === 'sqlite') {
    const { default: Database } = await import('libsql');
    const db = new Database(database);
    try {
      const parents = db.prepare('select id, path, depth from identity_agency order by path').all() as ParentRow[];
      const insert = db.prepare(
        'insert into identity_agency (id, parent_id, path, depth, code, name, short_name, search_text, kind, address, phone, email, active, created_at, updated_at, version) ' +
          "values (?, ?, ?, ?, ?, ?, null, ?, 'UNIT', null, null, null, 1, ?, ?, 1)",
      );
      db.exec('begin');
      for (const r of extraAgencies(parents, count)) insert.run(r.id, r.parent_id, r.path, r.depth, r.code, r.name, r.search_text, now, now);
      db.exec('commit');
      return (db.prepare('select count(*) as n from identity_agency').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    const parents = (await client.query<ParentRow>('select id, path, depth from identity_agency order by path')).rows;
    const rows = extraAgencies(parents, count);
    const at = new Date(now);
    await client.query('begin');
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const values: unknown[] = [];
      const tuples = chunk.map((r) => {
        const b = values.length;
        values.push(r.id, r.parent_id, r.path, r.depth, r.code, r.name, r.search_text, at, at);
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, null, $${b + 7}, 'UNIT', null, null, null, true, $${b + 8}, $${b + 9}, 1)`;
      });
      await client.query(
        'insert into identity_agency (id, parent_id, path, depth, code, name, short_name, search_text, kind, address, phone, email, active, created_at, updated_at, version) ' +
          `values ${tuples.join(', ')}`,
        values,
      );
    }
    await client.query('commit');
    await client.query('analyze identity_agency');
    return Number((await client.query('select count(*) as n from identity_agency')).rows[0].n);
  } finally {
    await client.end();
  }
}

/** `postgresql://…/db` → the same server, database `name`. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Whether PostgreSQL answers at `url` (with a short timeout). */
export async function postgresReachable(url: string): Promise<string | null> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0].v;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates (`create`) or drops (`drop`) a throw-away database on the server at `adminUrl`. */
export async function postgresDatabase(adminUrl: string, action: 'create' | 'drop', name: string): Promise<void> {
  if (!/^motcua_bench_\d+$/.test(name)) throw new Error(`refusing to ${action} database ${name}`);
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(action === 'create' ? `create database ${name}` : `drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
