import { AbilityBuilder, createMongoAbility, type MongoAbility, subject as caslSubject } from '@casl/ability';
import { rulesToAST } from '@casl/ability/extra';
import type { FilterQuery } from '@mikro-orm/core';

/**
 * What a principal may do, as CASL rules. Actions are verbs (`read`, `create`, `update`,
 * `delete`, `manage`, plus domain verbs such as `readPersonalData`); subjects are the
 * GraphQL type names (`Agency`, `Staff`, …) or `all`.
 */
export type AppAbility = MongoAbility<[string, string | object]>;
export type AbilityBuilderFor = AbilityBuilder<AppAbility>;

export function newAbilityBuilder(): AbilityBuilderFor {
  return new AbilityBuilder<AppAbility>(createMongoAbility);
}

/** An ability that allows nothing, e.g. for anonymous callers. */
export function emptyAbility(): AppAbility {
  return createMongoAbility([]);
}

/** Tags a plain row with its subject type so CASL can check conditions against it. */
export function asSubject<T extends object>(type: string, row: T): T {
  return caslSubject(type, row) as T;
}

type AstNode = { operator: string; field?: string; value: unknown };

const OPERATORS: Record<string, string> = {
  eq: '$eq', ne: '$ne', in: '$in', nin: '$nin', lt: '$lt', lte: '$lte', gt: '$gt', gte: '$gte',
};
/**
 * A regex we can turn into `LIKE 'prefix%'`: `^` then literal characters only, i.e. letters,
 * digits, `/`, `-`, whitespace, or punctuation escaped with a backslash (what `withinScope`
 * produces). Not LIKE's wildcards `%` and `_` or its escape `\`, an unescaped `.`, classes such
 * as `\d`, or flags: those would make the SQL match rows the rule does not.
 */
const PREFIX_REGEX = /^\^((?:[A-Za-z0-9/\s-]|\\[^A-Za-z0-9_%\\])*)$/;

function nest(field: string, value: unknown): Record<string, unknown> {
  return field.split('.').reduceRight<Record<string, unknown>>((acc, key) => ({ [key]: acc }), value as never);
}

function toWhere(node: AstNode): Record<string, unknown> {
  if (node.field === undefined) {
    const children = (node.value as AstNode[]).map(toWhere);
    if (node.operator === 'and') return children.length ? { $and: children } : {};
    if (node.operator === 'or') return { $or: children };
    if (node.operator === 'not') return { $not: children.length === 1 ? children[0] : { $and: children } };
  } else if (node.operator === 'regex') {
    const regex = node.value instanceof RegExp ? node.value : new RegExp(String(node.value));
    const prefix = regex.flags === '' ? PREFIX_REGEX.exec(regex.source) : null;
    if (prefix) return nest(node.field, { $like: `${prefix[1].replace(/\\(.)/g, '$1')}%` });
  } else if (OPERATORS[node.operator]) {
    return nest(node.field, { [OPERATORS[node.operator]]: node.value });
  }
  // $elemMatch, $all, $size, $exists, free regexes: fail closed rather than guess.
  throw new Error(`CASL operator "${node.operator}" cannot be turned into SQL`);
}

/**
 * The SQL where-clause (as a MikroORM filter) selecting exactly the rows of `subjectType`
 * that the ability allows for `action`. Returns `null` when nothing is allowed (skip the
 * query) and `{}` when everything is.
 *
 * @example
 * const where = accessibleWhere(ctx.ability, 'read', 'Staff');
 * if (!where) return emptyConnection();
 * qb.where({ $and: [where, filters] });
 */
export function accessibleWhere<T>(ability: AppAbility, action: string, subjectType: string): FilterQuery<T> | null {
  const ast = rulesToAST(ability, action, subjectType) as AstNode | null;
  return ast === null ? null : (toWhere(ast) as FilterQuery<T>);
}
