import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';

/**
 * Acceptance: malformed GraphQL, unknown fields, wrong types, oversized bodies, too-deep
 * queries, wrong password, expired or forged token — each yields a typed error, logs one
 * line, and writes nothing.
 */
const WATCHED_TABLES = ['kernel_audit', 'kernel_outbox', 'identity_agency', 'identity_user', 'identity_session', 'identity_role_assignment'];

const CREATE_AGENCY = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { agency { id } } }`;

/** A query `depth` fields deep: agencyTree, then children…, then name. */
function nested(depth: number): string {
  return `{ agencyTree { ${'children { '.repeat(depth - 2)}name${' }'.repeat(depth - 2)} } }`;
}

describe('bad input', () => {
  let t: TestApp;
  let adminToken: string;
  let provinceId: string;
  let requestNo = 0;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.login('admin');
    const tree = await t.gql('{ agencyTree { id } }');
    provinceId = tree.data.agencyTree[0].id;
  });
  afterAll(() => t.close());

  /** Sends one request with its own request id and returns the response and the log lines it produced. */
  async function send(body: string, options: { token?: string | null; lang?: 'vi' | 'en' } = {}) {
    const requestId = `bad-input-${++requestNo}`;
    const before = await t.count(...WATCHED_TABLES);
    const response = await t.post(body, { token: options.token === undefined ? adminToken : options.token, lang: options.lang, headers: { 'x-request-id': requestId } });
    const lines = t.logs.filter((line) => line.reqId === requestId);
    const after = await t.count(...WATCHED_TABLES);
    return { ...response, lines, before, after };
  }

  const validAgency = () => ({ parentId: provinceId, code: 'BAD.00.01.H56', name: 'Đơn vị thử', kind: 'UNIT' });

  const cases: Array<{ name: string; body: () => string; code: string; status: number; token?: string | null }> = [
    { name: 'malformed GraphQL', body: () => JSON.stringify({ query: 'mutation { createAgency(input: {' }), code: 'GRAPHQL_PARSE_FAILED', status: 400 },
    { name: 'body that is not JSON', body: () => '{"query": ', code: 'BAD_REQUEST', status: 400 },
    { name: 'unknown field', body: () => JSON.stringify({ query: '{ agencies { nodes { secretColumn } } }' }), code: 'GRAPHQL_VALIDATION_FAILED', status: 400 },
    {
      name: 'unknown input field',
      body: () => JSON.stringify({ query: CREATE_AGENCY, variables: { input: { ...validAgency(), evil: true } } }),
      code: 'BAD_USER_INPUT',
      status: 400,
    },
    {
      name: 'wrong type in a literal argument',
      body: () => JSON.stringify({ query: `mutation { createAgency(input: { code: 12, name: "x", kind: UNIT }) { agency { id } } }` }),
      code: 'GRAPHQL_VALIDATION_FAILED',
      status: 400,
    },
    {
      name: 'wrong type in a variable',
      body: () => JSON.stringify({ query: CREATE_AGENCY, variables: { input: { ...validAgency(), kind: 'PLANET' } } }),
      code: 'BAD_USER_INPUT',
      status: 400,
    },
    {
      name: 'oversized body',
      body: () => JSON.stringify({ query: CREATE_AGENCY, variables: { input: { ...validAgency(), name: 'x'.repeat(1_100_000) } } }),
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
    },
    { name: 'too deep a query', body: () => JSON.stringify({ query: nested(13) }), code: 'QUERY_TOO_DEEP', status: 400 },
    {
      name: 'too complex a query (aliases multiplying big pages)',
      body: () => JSON.stringify({ query: `{ ${[1, 2, 3, 4, 5, 6, 7].map((i) => `a${i}: agencies(limit: 100) { nodes { id code name kind parent { id name code } } }`).join(' ')} }` }),
      code: 'QUERY_TOO_COMPLEX',
      status: 400,
    },
    {
      name: 'wrong password',
      body: () => JSON.stringify({ query: 'mutation { login(input: { username: "admin", password: "wrong-Password1" }) { accessToken } }' }),
      code: 'INVALID_CREDENTIALS',
      status: 200,
      token: null,
    },
    { name: 'forged token', body: () => JSON.stringify({ query: '{ me { fullName } }' }), code: 'TOKEN_INVALID', status: 401, token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
    { name: 'a mutation refused for lack of a session', body: () => JSON.stringify({ query: CREATE_AGENCY, variables: { input: validAgency() } }), code: 'UNAUTHENTICATED', status: 200, token: null },
  ];

  it.each(cases)('$name → $code, one log line, nothing written', async ({ body, code, status, token }) => {
    const result = await send(body(), { token });
    expect(result.status).toBe(status);
    const [error] = result.json.errors;
    expect(error.extensions.code).toBe(code);
    expect(error.extensions.messages.vi).toMatch(/\S/);
    expect(error.extensions.messages.en).toMatch(/\S/);
    expect(error.message).toBe(error.extensions.messages.vi); // Vietnamese by default
    expect(result.lines, JSON.stringify(result.lines)).toHaveLength(1);
    expect(result.lines[0].level).toBeGreaterThanOrEqual(40); // warn
    expect(result.after).toEqual(result.before);
  });

  it('answers in English when the caller asks for it', async () => {
    const result = await send(JSON.stringify({ query: nested(13) }), { lang: 'en' });
    expect(result.json.errors[0].message).toMatch(/nested too deeply/);
  });

  it('accepts the same queries within the limits', async () => {
    const deepest = await t.gql(nested(12));
    expect(deepest.errors).toBeUndefined();
    const bigPage = await t.gql('{ agencies(limit: 100) { nodes { id name parent { name } } } }');
    expect(bigPage.errors).toBeUndefined();
  });

  it('expired tokens are refused with TOKEN_EXPIRED after logout', async () => {
    const token = await t.login('quantri');
    await t.gql('mutation { logout { ok } }', {}, { token });
    const result = await send(JSON.stringify({ query: '{ me { fullName } }' }), { token });
    expect(result.status).toBe(401);
    expect(result.json.errors[0].extensions.code).toBe('TOKEN_EXPIRED');
    expect(result.lines).toHaveLength(1);
  });
});
