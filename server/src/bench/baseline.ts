/**
 * The bench's baseline: a bare `node:http` server answering the two benchmarked GraphQL
 * operations with the same SQL our server runs and a hand-encoded, byte-identical JSON body.
 * It does the same per-request work a real endpoint must do: read and parse the POST body,
 * verify the HS256 access token, load the session+user and the grants, run the query, encode.
 * Nothing else (no GraphQL, no ORM, no logging).
 *
 * Run as a child process by run.ts:
 *   BASELINE_DIALECT=sqlite|postgresql BASELINE_DATABASE=<file|url> AUTH_SECRET=… PORT=… HOST=… node dist/bench/baseline.js
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type Dialect, QUERIES, SQL } from './queries.js';

type Row = Record<string, any>;

/** The statements the baseline runs, prepared once. */
interface Db {
  all(key: string, sql: string, params: unknown[]): Row[] | Promise<Row[]>;
  close(): Promise<void>;
}

async function openSqlite(file: string): Promise<Db> {
  const { default: Database } = await import('libsql');
  const db = new Database(file);
  const statements = new Map<string, { all(...params: unknown[]): unknown[] }>();
  return {
    all(key, sql, params) {
      let statement = statements.get(key);
      if (!statement) statements.set(key, (statement = db.prepare<unknown[]>(sql)));
      return statement.all(...params) as Row[];
    },
    async close() {
      db.close();
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    async all(key, sql, params) {
      // A named statement is parsed and planned once per pooled connection.
      return (await pool.query({ name: key, text: sql, values: params })).rows;
    },
    close: () => pool.end(),
  };
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(code);
  }
}

const JWT_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** The same checks as identity's verifyAccessToken. */
function verifyToken(token: string, secret: Buffer): { sub: string; sid: string } {
  const [header, payload, signature] = token.split('.');
  if (header !== JWT_HEADER || !payload || !signature) throw new HttpError(401, 'TOKEN_INVALID');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new HttpError(401, 'TOKEN_INVALID');
  let claims: { sub?: unknown; sid?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  } catch {
    throw new HttpError(401, 'TOKEN_INVALID');
  }
  if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw new HttpError(401, 'TOKEN_INVALID');
  if (claims.exp * 1000 <= Date.now()) throw new HttpError(401, 'TOKEN_EXPIRED');
  return { sub: claims.sub, sid: claims.sid };
}

interface Principal {
  userId: string;
  agencyId: string | null;
  grants: { permission: string; unitId: string | null; path: string | null; includeSubtree: boolean }[];
}

export function createBaseline(dialect: Dialect, db: Db, secret: Buffer) {
  const sql = SQL[dialect];

  async function authenticate(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw new HttpError(401, 'UNAUTHENTICATED');
    const space = authorization.indexOf(' ');
    if (space < 0 || authorization.slice(0, space).toLowerCase() !== 'bearer') throw new HttpError(401, 'TOKEN_INVALID');
    const claims = verifyToken(authorization.slice(space + 1), secret);
    const [user] = await db.all('session_user', sql.sessionUser, [claims.sid, claims.sub]);
    if (!user) throw new HttpError(401, 'TOKEN_EXPIRED');
    const grantRows = await db.all('grants', sql.grants, [user.id]);
    const grants = [];
    for (const row of grantRows) {
      const permissions: string[] = typeof row.permissions === 'string' ? JSON.parse(row.permissions) : row.permissions;
      for (const permission of permissions) {
        grants.push({ permission, unitId: row.unit_id ?? null, path: row.path ?? null, includeSubtree: Boolean(row.include_subtree) });
      }
    }
    return { userId: user.id, agencyId: user.unit_id ?? null, grants };
  }

  const byIds = (ids: string[]) => db.all(`by_ids_${ids.length}`, sql.byIds(ids.length), ids);

  async function me(principal: Principal): Promise<string> {
    let agency = 'null';
    if (principal.agencyId) {
      const [row] = await byIds([principal.agencyId]);
      if (row) agency = `{"name":${JSON.stringify(row.name)}}`;
    }
    return `{"data":{"me":{"agency":${agency}}}}\n`;
  }

  async function list(): Promise<string> {
    const [rows, counted] = await Promise.all([db.all('page', sql.page, []), db.all('count', sql.count, [])]);
    const parentIds = [...new Set(rows.map((row) => row.parent_id as string | null).filter((id): id is string => id !== null))];
    const parents = new Map<string, Row>();
    if (parentIds.length) for (const parent of await byIds(parentIds)) parents.set(parent.id, parent);
    let out = '{"data":{"agencies":{"nodes":[';
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const parent = row.parent_id === null ? undefined : parents.get(row.parent_id);
      if (i) out += ',';
      out += `{"id":${JSON.stringify(row.id)},"code":${JSON.stringify(row.code)},"name":${JSON.stringify(row.name)},"kind":${JSON.stringify(row.kind)},`;
      out += `"parent":${parent ? `{"name":${JSON.stringify(parent.name)}}` : 'null'}}`;
    }
    return `${out}],"totalCount":${Number(counted[0].count)}}}}\n`;
  }

  function send(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === '/healthz') return send(res, 200, '{"status":"ok"}');
    if (req.method !== 'POST' || !req.url?.startsWith('/graphql')) return send(res, 404, '{"errors":[{"message":"Not found"}]}');
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    let query: unknown;
    try {
      query = JSON.parse(Buffer.concat(chunks).toString('utf8'))?.query;
    } catch {
      throw new HttpError(400, 'BAD_REQUEST');
    }
    const principal = await authenticate(req.headers.authorization);
    if (query === QUERIES.me) return send(res, 200, await me(principal));
    if (query === QUERIES.list) return send(res, 200, await list());
    throw new HttpError(400, 'UNSUPPORTED_QUERY');
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const code = error instanceof HttpError ? error.code : 'INTERNAL_SERVER_ERROR';
      if (status === 500) console.error(error);
      if (!res.headersSent) send(res, status, JSON.stringify({ errors: [{ message: code, extensions: { code } }] }));
      else res.end();
    });
  });
}

async function main(): Promise<void> {
  const dialect = process.env.BASELINE_DIALECT as Dialect;
  const database = process.env.BASELINE_DATABASE;
  const secret = process.env.AUTH_SECRET;
  if ((dialect !== 'sqlite' && dialect !== 'postgresql') || !database || !secret) {
    throw new Error('baseline: BASELINE_DIALECT, BASELINE_DATABASE and AUTH_SECRET are required');
  }
  const db = dialect === 'sqlite' ? await openSqlite(database) : await openPostgres(database);
  const server = createBaseline(dialect, db, Buffer.from(secret));
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', resolve));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    db.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
