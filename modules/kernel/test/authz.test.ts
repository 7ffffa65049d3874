import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessibleWhere, type AbilityBuilderFor, type AppAbility, asSubject, newAbilityBuilder } from '../src/authz/ability.js';
import { abilityFactory, ALL_PERMISSIONS } from '../src/authz/build-ability.js';
import { ensureCan, requirePrincipal } from '../src/authz/guards.js';
import { GLOBAL_SCOPE, type GrantScope, withinScope } from '../src/authz/scope.js';
import type { Principal } from '../src/context/request-context.js';
import { AppError } from '../src/errors/app-error.js';
import { defineModule } from '../src/module/define-module.js';

function abilityOf(define: (builder: AbilityBuilderFor) => void): AppAbility {
  const builder = newAbilityBuilder();
  define(builder);
  return builder.build();
}

const STAFF_UNIT = { id: 'unit.id', path: 'unit.path' };
const own = (unitId: string): GrantScope => ({ global: false, unitId, unitPath: `/r/${unitId}/`, includeSubtree: false });
const subtree = (unitPath: string): GrantScope => ({ global: false, unitId: 'u', unitPath, includeSubtree: true });

describe('withinScope', () => {
  it.each<[string, GrantScope, Record<string, unknown>]>([
    ['global: no condition', GLOBAL_SCOPE, {}],
    ['one unit: its id', own('u1'), { 'unit.id': 'u1' }],
    ['a subtree: a path prefix', subtree('/r/a/'), { 'unit.path': { $regex: '^/r/a/' } }],
    ['regex characters in a path are literal', subtree('/r.a+(b)/'), { 'unit.path': { $regex: '^/r\\.a\\+\\(b\\)/' } }],
  ])('%s', (_name, scope, condition) => {
    expect(withinScope(scope, STAFF_UNIT)).toEqual(condition);
  });

  it.each<[string, GrantScope]>([
    ['a unit scope without its unit', { global: false, unitId: null, unitPath: null, includeSubtree: false }],
    ['a subtree scope without its path', { global: false, unitId: 'u1', unitPath: null, includeSubtree: true }],
  ])('refuses to build a condition for %s (it would match rows without a unit)', (_name, scope) => {
    expect(() => withinScope(scope, STAFF_UNIT)).toThrow(/needs its unit/);
  });

  it.each<[string, GrantScope, string, string, boolean]>([
    ['the unit itself', subtree('/r/a/'), 'x', '/r/a/', true],
    ['a unit below', subtree('/r/a/'), 'x', '/r/a/b/c/', true],
    ['the parent', subtree('/r/a/'), 'x', '/r/', false],
    ['a sibling whose id starts alike', subtree('/r/a/'), 'x', '/r/ab/', false],
    ['a path matching only if "." were a wildcard', subtree('/r.a/'), 'x', '/rxa/b/', false],
    ['own scope: the unit', own('u1'), 'u1', '/r/u1/', true],
    ['own scope: a unit below', own('u1'), 'u2', '/r/u1/u2/', false],
    ['global: anything', GLOBAL_SCOPE, 'u9', '/z/', true],
  ])('lets CASL allow %s → %s', (_name, scope, unitId, path, allowed) => {
    const ability = abilityOf(({ can }) => can('read', 'Staff', withinScope(scope, STAFF_UNIT)));
    expect(ability.can('read', asSubject('Staff', { unit: { id: unitId, path } }))).toBe(allowed);
  });
});

describe('accessibleWhere', () => {
  it.each<[string, (builder: AbilityBuilderFor) => void, Record<string, unknown> | null]>([
    ['no rule: nothing (skip the query)', () => undefined, null],
    ['a rule for another subject: nothing', ({ can }) => can('read', 'Agency'), null],
    ['a rule for another action: nothing', ({ can }) => can('update', 'Staff'), null],
    ['manage all: everything', ({ can }) => can('manage', 'all'), {}],
    ['an unconditional rule: everything', ({ can }) => can('read', 'Staff'), {}],
    ['equality', ({ can }) => can('read', 'Staff', { status: 'ACTIVE' }), { status: { $eq: 'ACTIVE' } }],
    ['$in', ({ can }) => can('read', 'Staff', { kind: { $in: ['STAFF', 'CITIZEN'] } }), { kind: { $in: ['STAFF', 'CITIZEN'] } }],
    ['$ne', ({ can }) => can('read', 'Staff', { status: { $ne: 'DISABLED' } }), { status: { $ne: 'DISABLED' } }],
    ['a dotted field becomes a relation', ({ can }) => can('read', 'Staff', { 'unit.id': 'u1' }), { unit: { id: { $eq: 'u1' } } }],
    ['several fields: all of them', ({ can }) => can('read', 'Staff', { status: 'ACTIVE', 'unit.id': 'u1' }), { $and: [{ status: { $eq: 'ACTIVE' } }, { unit: { id: { $eq: 'u1' } } }] }],
    ['a subtree scope: LIKE its path prefix', ({ can }) => can('read', 'Staff', withinScope(subtree('/r/a/'), STAFF_UNIT)), { unit: { path: { $like: '/r/a/%' } } }],
    ['an escaped "." stays a literal dot', ({ can }) => can('read', 'Staff', withinScope(subtree('/r.a/'), STAFF_UNIT)), { unit: { path: { $like: '/r.a/%' } } }],
    [
      'two rules: either',
      ({ can }) => {
        can('read', 'Staff', { 'unit.id': 'u1' });
        can('read', 'Staff', withinScope(subtree('/r/b/'), STAFF_UNIT));
      },
      { $or: [{ unit: { path: { $like: '/r/b/%' } } }, { unit: { id: { $eq: 'u1' } } }] },
    ],
    [
      'a later cannot: and not',
      ({ can, cannot }) => {
        can('read', 'Staff', { 'unit.id': 'u1' });
        cannot('read', 'Staff', { status: 'DISABLED' });
      },
      { $and: [{ unit: { id: { $eq: 'u1' } } }, { $not: { status: { $eq: 'DISABLED' } } }] },
    ],
    [
      'manage all except a condition',
      ({ can, cannot }) => {
        can('manage', 'all');
        cannot('read', 'Staff', { secret: true });
      },
      { $not: { secret: { $eq: true } } },
    ],
    [
      'an unconditional cannot: nothing',
      ({ can, cannot }) => {
        can('read', 'Staff', { 'unit.id': 'u1' });
        cannot('read', 'Staff');
      },
      null,
    ],
  ])('%s', (_name, rules, where) => {
    expect(accessibleWhere(abilityOf(rules), 'read', 'Staff')).toEqual(where);
  });

  it.each<[string, Record<string, unknown>]>([
    ['$elemMatch', { tags: { $elemMatch: { $eq: 'x' } } }],
    ['$exists', { deletedAt: { $exists: false } }],
    ['$all', { tags: { $all: ['a', 'b'] } }],
    ['$size', { tags: { $size: 2 } }],
    ['an unanchored regex', { name: { $regex: 'abc' } }],
    ['a regex with a quantifier', { path: { $regex: '^/r/.*' } }],
    ['a regex with an unescaped dot', { path: { $regex: '^/r.a/' } }],
    ['a regex with a class escape', { path: { $regex: '^/r/\\d' } }],
    ['a regex with alternation', { path: { $regex: '^/a/|^/b/' } }],
    ['a regex with "_", a LIKE wildcard', { code: { $regex: '^A_B' } }],
    ['a regex with "%", a LIKE wildcard', { code: { $regex: '^A\\%' } }],
    ['a regex with a backslash, the LIKE escape', { code: { $regex: '^A\\\\B' } }],
    ['a case-insensitive regex', { path: { $regex: '^/r/a/', $options: 'i' } }],
    ['a multi-line regex', { path: { $regex: '^/r/a/', $options: 'm' } }],
  ])('throws rather than guess on %s', (_name, condition) => {
    expect(() => accessibleWhere(abilityOf(({ can }) => can('read', 'Staff', condition)), 'read', 'Staff')).toThrow(/cannot be turned into SQL/);
    expect(() => accessibleWhere(abilityOf(({ can, cannot }) => (can('read', 'Staff'), cannot('read', 'Staff', condition))), 'read', 'Staff')).toThrow(
      /cannot be turned into SQL/,
    );
  });

  describe('agrees with CASL on every row, or refuses (SQL semantics, NULL included)', () => {
    type Row = { status: string | null; level: number | null; path: string | null };
    type Where = Record<string, unknown>;
    type Truth = boolean | null; // SQL's three-valued logic

    const and3 = (values: Truth[]): Truth => (values.includes(false) ? false : values.includes(null) ? null : true);
    const or3 = (values: Truth[]): Truth => (values.includes(true) ? true : values.includes(null) ? null : false);
    const not3 = (value: Truth): Truth => (value === null ? null : !value);
    const like = (value: string, pattern: string) =>
      new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 's').test(value);

    /** Evaluates a MikroORM filter on a row the way SQL would. */
    function evaluate(where: Where, row: Row): Truth {
      return and3(
        Object.entries(where).map(([key, value]): Truth => {
          if (key === '$and') return and3((value as Where[]).map((w) => evaluate(w, row)));
          if (key === '$or') return or3((value as Where[]).map((w) => evaluate(w, row)));
          if (key === '$not') return not3(evaluate(value as Where, row));
          const x = row[key as keyof Row];
          return and3(
            Object.entries(value as Where).map(([op, v]): Truth => {
              if (x === null) return null;
              if (op === '$eq') return x === v;
              if (op === '$ne') return x !== v;
              if (op === '$in') return (v as unknown[]).includes(x);
              if (op === '$gt') return (x as number) > (v as number);
              if (op === '$lte') return (x as number) <= (v as number);
              if (op === '$like') return like(String(x), v as string);
              throw new Error(`no SQL model for ${op}`);
            }),
          );
        }),
      );
    }

    const PATHS = ['/r/', '/r/a/', '/r/a/b/', '/r/ab/', '/r.a/', '/rxa/', '/s/'];
    const conditions: fc.Arbitrary<Where> = fc.oneof(
      fc.constantFrom('ACTIVE', 'DISABLED').map((status) => ({ status })),
      fc.constantFrom('ACTIVE', 'DISABLED').map((status) => ({ status: { $ne: status } })),
      fc.subarray([1, 2, 3]).map((levels) => ({ level: { $in: levels } })),
      fc.integer({ min: 0, max: 3 }).map((level) => ({ level: { $gt: level } })),
      fc.integer({ min: 0, max: 3 }).map((level) => ({ level: { $lte: level } })),
      fc.constantFrom(...PATHS).map((path) => withinScope(subtree(path), { id: 'unitId', path: 'path' })),
      fc.constantFrom('^/r/a', '^/r.a', '^/r/\\w', '^/r/a|^/s').map((regex) => ({ path: { $regex: regex } })), // hand-written regexes
    );
    const rules = fc.array(
      fc.record({ inverted: fc.boolean(), conditions: fc.option(fc.array(conditions, { minLength: 1, maxLength: 2 }), { nil: undefined }) }),
      { maxLength: 4 },
    );
    const rowsOf = (nullable: boolean): fc.Arbitrary<Row> => {
      const maybe = <T>(values: fc.Arbitrary<T>) => (nullable ? fc.option(values, { nil: null }) : values);
      return fc.record({ status: maybe(fc.constantFrom('ACTIVE', 'DISABLED')), level: maybe(fc.integer({ min: 0, max: 4 })), path: maybe(fc.constantFrom(...PATHS)) });
    };

    /** Builds the ability from generated rules and compares the SQL filter with CASL on one row. */
    function check(list: { inverted: boolean; conditions?: Where[] }[], row: Row, exact: boolean): void {
      const ability = abilityOf(({ can, cannot }) => {
        for (const rule of list) {
          const conditions = rule.conditions && Object.assign({}, ...rule.conditions);
          if (rule.inverted) cannot('read', 'Row', conditions);
          else can('read', 'Row', conditions);
        }
      });
      let where: Where | null;
      try {
        where = accessibleWhere<Row>(ability, 'read', 'Row') as Where | null;
      } catch (error) {
        expect(String(error)).toMatch(/cannot be turned into SQL/); // refusing is safe: the caller gets an error, not rows
        return;
      }
      const inSql = where !== null && evaluate(where, row) === true;
      const byCasl = ability.can('read', asSubject('Row', row));
      if (exact) expect(inSql).toBe(byCasl);
      else if (inSql) expect(byCasl).toBe(true);
    }

    it('selects exactly the rows CASL allows when no column is NULL', () => {
      fc.assert(fc.property(rules, rowsOf(false), (list, row) => check(list, row, true)), { numRuns: 500 });
    });

    it('never selects a row CASL denies, NULLs included (it may select fewer)', () => {
      fc.assert(fc.property(rules, rowsOf(true), (list, row) => check(list, row, false)), { numRuns: 500 });
    });
  });
});

describe('abilityFactory', () => {
  const principal = (grants: Principal['grants']): Principal => ({
    kind: 'STAFF', fullName: 'Nguyễn Văn A', userId: 'user-1', username: 'a', agencyId: 'u1', sessionId: null, grants,
  });
  const module = defineModule({
    name: 'm',
    entities: [],
    resolvers: [],
    permissions: [{ key: 'staff.read', label: { vi: 'Xem cán bộ', en: 'View staff' }, rule: ({ can, grant }) => can('read', 'Staff', withinScope(grant.scope, STAFF_UNIT)) }],
    baseRules: ({ can, principal: who }) => {
      can('read', 'Agency');
      if (who) can('read', 'Profile', { userId: who.userId });
    },
  });
  const abilityFor = abilityFactory([module]);
  const staffIn = (path: string) => asSubject('Staff', { unit: { id: 'x', path } });

  it('gives anonymous callers the base rules only', () => {
    const ability = abilityFor(null);
    expect(ability.can('read', 'Agency')).toBe(true);
    expect(ability.can('read', 'Profile')).toBe(false);
    expect(ability.can('read', 'Staff')).toBe(false);
  });

  it('turns each grant into its permission rule, in the grant scope', () => {
    const ability = abilityFor(principal([{ permission: 'staff.read', scope: subtree('/r/a/') }]));
    expect([ability.can('read', staffIn('/r/a/b/')), ability.can('read', staffIn('/r/b/'))]).toEqual([true, false]);
    expect(ability.can('read', asSubject('Profile', { userId: 'user-1' }))).toBe(true);
    expect(ability.can('update', staffIn('/r/a/'))).toBe(false);
  });

  it(`makes "${ALL_PERMISSIONS}" manage everything, and ignores unknown permissions`, () => {
    expect(abilityFor(principal([{ permission: ALL_PERMISSIONS, scope: GLOBAL_SCOPE }])).can('delete', 'Anything')).toBe(true);
    expect(abilityFor(principal([{ permission: 'no.such.permission', scope: GLOBAL_SCOPE }])).can('read', 'Staff')).toBe(false);
  });

  it('refuses a permission declared twice', () => {
    expect(() => abilityFactory([module, { ...module, name: 'copy' }])).toThrow('permission staff.read is declared twice');
  });
});

describe('guards', () => {
  const codeOf = (run: () => unknown) => {
    try {
      run();
      return 'ALLOWED';
    } catch (error) {
      if (error instanceof AppError) return `${error.code} ${JSON.stringify(error.details)}`;
      throw error;
    }
  };
  const someone: Principal = { kind: 'STAFF', fullName: 'B', userId: 'b', username: 'b', agencyId: null, sessionId: null, grants: [] };
  const ability = abilityOf(({ can }) => can('update', 'Staff', withinScope(own('u1'), STAFF_UNIT)));

  it.each<[string, Principal | null, string, object | undefined, string]>([
    ['anonymous', null, 'update', { unit: { id: 'u1' } }, 'UNAUTHENTICATED {}'],
    ['a row in scope', someone, 'update', { unit: { id: 'u1' } }, 'ALLOWED'],
    ['a row out of scope', someone, 'update', { unit: { id: 'u2' } }, 'FORBIDDEN {"action":"update","subject":"Staff"}'],
    ['the type, when some row is allowed', someone, 'update', undefined, 'ALLOWED'],
    ['another action', someone, 'delete', undefined, 'FORBIDDEN {"action":"delete","subject":"Staff"}'],
  ])('ensureCan: %s → %s', (_name, who, action, row, outcome) => {
    expect(codeOf(() => ensureCan({ principal: who, ability }, action, 'Staff', row))).toBe(outcome);
  });

  it('requirePrincipal returns the caller or refuses anonymous ones', () => {
    expect(requirePrincipal({ principal: someone })).toBe(someone);
    expect(codeOf(() => requirePrincipal({ principal: null }))).toBe('UNAUTHENTICATED {}');
  });
});
