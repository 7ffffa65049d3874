import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { AppError } from '../errors/app-error.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/**
 * Paging arguments accepted by every list: cursor style (`first`/`after`) for infinite
 * scrolling, offset style (`offset`/`limit`) for numbered pages. Give one style or the other.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size (cursor style), 1–${MAX_PAGE_SIZE}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Items to skip (offset style).' })
  offset?: number;

  @Field(() => Int, { nullable: true, description: `Page size (offset style), 1–${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.` })
  limit?: number;
}

/** A resolved page window. */
export interface Window {
  offset: number;
  limit: number;
}

const CURSOR_PREFIX = 'o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** The offset a cursor stands for; only cursors `encodeCursor` produced are accepted. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(offset) || offset < 0 || encodeCursor(offset) !== cursor) {
    throw AppError.badInput('after', { vi: 'con trỏ phân trang không hợp lệ', en: 'invalid page cursor' });
  }
  return offset;
}

/** Turns either paging style into an offset/limit window, validating bounds. */
export function pageWindow(args: PageArgs): Window {
  const limit = args.first ?? args.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw AppError.badInput(args.first !== undefined ? 'first' : 'limit', {
      vi: `kích thước trang phải từ 1 đến ${MAX_PAGE_SIZE}`,
      en: `page size must be between 1 and ${MAX_PAGE_SIZE}`,
    });
  }
  const offset = args.after !== undefined && args.after !== null ? decodeCursor(args.after) + 1 : (args.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0) {
    throw AppError.badInput('offset', { vi: 'vị trí bắt đầu phải ≥ 0', en: 'offset must be ≥ 0' });
  }
  return { offset, limit };
}

/** The plain shape every connection resolver returns. */
export interface ConnectionResult<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds a connection from one page of rows and the total count.
 *
 * @example
 * const window = pageWindow(args);
 * return toConnection(rows, total, window);
 */
export function toConnection<T>(nodes: T[], totalCount: number, window: Window): ConnectionResult<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(window.offset + i), node }));
  return {
    nodes,
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: window.offset + nodes.length < totalCount,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

type Class<T> = new (...args: any[]) => T;

/**
 * Declares the GraphQL connection and edge types for a node type.
 *
 * @example
 * @ObjectType() export class AgencyConnection extends Connection(Agency, 'Agency') {}
 */
export function Connection<T extends object>(nodeType: Class<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  class ConnectionBase {
    @Field(() => [nodeType], { description: 'The items of this page.' })
    nodes!: T[];

    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole filtered list.' })
    totalCount!: number;
  }
  return ConnectionBase;
}

