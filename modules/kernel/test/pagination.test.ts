import 'reflect-metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors/app-error.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, MAX_PAGE_SIZE, type PageArgs, pageWindow, toConnection, type Window } from '../src/pagination/connection.js';

/** The code and field of the AppError `run` throws. */
function rejection(run: () => unknown): { code: string; field: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.details.field };
    throw error;
  }
  throw new Error('expected a rejection');
}

const raw = (text: string) => Buffer.from(text).toString('base64url');
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
/** The rows [0, total) a database would return for a window. */
const pageOf = (total: number, window: Window) => range(window.offset, Math.min(total, window.offset + window.limit));

describe('pageWindow', () => {
  it.each<[PageArgs, Window]>([
    [{}, { offset: 0, limit: DEFAULT_PAGE_SIZE }],
    [{ first: 1 }, { offset: 0, limit: 1 }],
    [{ first: MAX_PAGE_SIZE }, { offset: 0, limit: MAX_PAGE_SIZE }],
    [{ limit: 50, offset: 100 }, { offset: 100, limit: 50 }],
    [{ first: 10, after: encodeCursor(0) }, { offset: 1, limit: 10 }],
    [{ first: 10, after: encodeCursor(41) }, { offset: 42, limit: 10 }],
  ])('%j → %j', (args, window) => {
    expect(pageWindow(args)).toEqual(window);
  });

  it.each<[PageArgs, string]>([
    [{ first: 0 }, 'first'],
    [{ first: MAX_PAGE_SIZE + 1 }, 'first'],
    [{ first: -5 }, 'first'],
    [{ first: 2.5 }, 'first'],
    [{ limit: 0 }, 'limit'],
    [{ limit: MAX_PAGE_SIZE + 1 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ offset: 1.5 }, 'offset'],
    [{ first: 10, after: 'not-a-cursor' }, 'after'],
  ])('%j is refused as bad input on %s', (args, field) => {
    expect(rejection(() => pageWindow(args))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('accepts exactly the page sizes 1…MAX_PAGE_SIZE, in either style', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: 1_000 }), fc.nat(), fc.boolean(), (size, offset, cursorStyle) => {
        const args = cursorStyle ? { first: size } : { limit: size, offset };
        if (size >= 1 && size <= MAX_PAGE_SIZE) expect(pageWindow(args)).toEqual({ offset: cursorStyle ? 0 : offset, limit: size });
        else expect(rejection(() => pageWindow(args))).toEqual({ code: 'BAD_USER_INPUT', field: cursorStyle ? 'first' : 'limit' });
      }),
    );
  });
});

describe('cursors', () => {
  it('round-trip every non-negative integer offset', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (offset) => {
        const cursor = encodeCursor(offset);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // safe in URLs as is
        expect(decodeCursor(cursor)).toBe(offset);
      }),
    );
  });

  it.each([
    ['empty', ''],
    ['not base64 of a cursor', '!!!'],
    ['another prefix', raw('x:5')],
    ['no number', raw('o:')],
    ['negative', raw('o:-1')],
    ['fraction', raw('o:1.5')],
    ['exponent', raw('o:1e3')],
    ['hexadecimal', raw('o:0x10')],
    ['padded', raw('o: 7')],
    ['leading zero', raw('o:07')],
    ['beyond safe integers', raw(`o:${'9'.repeat(20)}`)],
    ['trailing garbage', `${encodeCursor(5)}!!`],
  ])('refuses a cursor that encodeCursor never makes (%s)', (_name, cursor) => {
    expect(rejection(() => decodeCursor(cursor))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('toConnection', () => {
  const windows = fc.record({ total: fc.nat(500), offset: fc.nat(600), limit: fc.integer({ min: 1, max: MAX_PAGE_SIZE }) });

  it('describes where a page sits in the whole list', () => {
    fc.assert(
      fc.property(windows, ({ total, offset, limit }) => {
        const nodes = pageOf(total, { offset, limit });
        const { edges, pageInfo, totalCount } = toConnection(nodes, total, { offset, limit });
        expect(totalCount).toBe(total);
        expect(pageInfo.hasNextPage).toBe(offset + nodes.length < total);
        expect(pageInfo.hasPreviousPage).toBe(offset > 0);
        expect(edges.map((edge) => edge.node)).toEqual(nodes);
        expect(edges.map((edge) => decodeCursor(edge.cursor))).toEqual(nodes); // each cursor is its item's position
        expect(pageInfo.startCursor).toBe(nodes.length ? encodeCursor(offset) : null);
        expect(pageInfo.endCursor).toBe(nodes.length ? encodeCursor(offset + nodes.length - 1) : null);
      }),
    );
  });

  it('following endCursor from the first page visits every item exactly once', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.integer({ min: 1, max: MAX_PAGE_SIZE }), (total, first) => {
        const seen: number[] = [];
        let after: string | undefined;
        for (let page = 0; page <= total; page++) {
          const window = pageWindow({ first, after });
          const connection = toConnection(pageOf(total, window), total, window);
          seen.push(...connection.nodes);
          if (!connection.pageInfo.hasNextPage) break;
          after = connection.pageInfo.endCursor!;
        }
        expect(seen).toEqual(range(0, total));
      }),
    );
  });
});
