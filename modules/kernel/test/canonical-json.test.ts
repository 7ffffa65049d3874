import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH } from '../src/audit/audit-log.js';

/** A deterministic generator of numbers in [0, 1) from a seed (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The same value with every object's keys inserted in a random order. */
function shuffleKeys(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, next));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => [key, shuffleKeys(item, next)] as const);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return Object.fromEntries(entries);
}

const objectsWithManyKeys = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 2 }));

describe('canonicalJson', () => {
  it('does not depend on the order of object keys', () => {
    fc.assert(
      fc.property(objectsWithManyKeys, fc.integer(), (value, seed) => {
        expect(canonicalJson(shuffleKeys(value, random(seed)))).toBe(canonicalJson(value));
      }),
    );
  });

  it('is valid JSON of the same data, and canonical (a fixed point)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it.each<[string, unknown, string]>([
    ['sorts keys at every level', { b: 1, a: { d: [{ y: 1, x: 2 }], c: null } }, '{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}'],
    ['sorts by code unit, not numerically', { 10: 'a', 9: 'b', B: 'c', a: 'd' }, '{"10":"a","9":"b","B":"c","a":"d"}'],
    ['drops undefined properties like JSON.stringify', { a: undefined, b: 1 }, '{"b":1}'],
    ['writes undefined in arrays as null', [undefined, 1], '[null,1]'],
    ['writes a Date as its ISO string', { at: new Date('2026-01-05T01:00:00Z') }, '{"at":"2026-01-05T01:00:00.000Z"}'],
    ['honours toJSON', { v: { toJSON: () => ({ z: 1, a: 2 }) } }, '{"v":{"a":2,"z":1}}'],
    ['keeps Vietnamese text as is', { tên: 'Đà Nẵng' }, '{"tên":"Đà Nẵng"}'],
    ['writes non-finite numbers as null', [Number.NaN, Number.POSITIVE_INFINITY], '[null,null]'],
    ['writes top-level undefined as null', undefined, 'null'],
  ])('%s', (_rule, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('auditHash', () => {
  type Row = Parameters<typeof auditHash>[0];
  const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
  const rows: fc.Arbitrary<Row> = fc.record({
    seq: fc.integer({ min: 1, max: 1_000_000 }),
    at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    actorId: fc.option(fc.uuid(), { nil: null }),
    action: fc.string({ minLength: 1 }),
    entityType: fc.string({ minLength: 1 }),
    entityId: fc.option(fc.string(), { nil: null }),
    data: fc.jsonValue(),
    prevHash: fc.oneof(fc.constant(GENESIS_HASH), hex64),
  });
  /** For each hashed field, a generator of values to put there instead. */
  const REPLACEMENTS: { [K in keyof Row]-?: fc.Arbitrary<Row[K]> } = {
    seq: fc.integer({ min: 1, max: 1_000_000 }),
    at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    actorId: fc.option(fc.uuid(), { nil: null }),
    action: fc.string(),
    entityType: fc.string(),
    entityId: fc.option(fc.string(), { nil: null }),
    data: fc.jsonValue(),
    prevHash: hex64,
  };

  it('is 64 lower-case hex digits and deterministic', () => {
    fc.assert(
      fc.property(rows, (row) => {
        expect(auditHash(row)).toMatch(/^[0-9a-f]{64}$/);
        expect(auditHash({ ...row })).toBe(auditHash(row));
      }),
    );
  });

  it.each(Object.keys(REPLACEMENTS) as (keyof Row)[])('changes when %s changes', (field) => {
    fc.assert(
      fc.property(rows, REPLACEMENTS[field] as fc.Arbitrary<unknown>, (row, value) => {
        fc.pre(canonicalJson(value) !== canonicalJson(row[field] ?? null));
        expect(auditHash({ ...row, [field]: value })).not.toBe(auditHash(row));
      }),
    );
  });

  it('does not change with the key order of its data (PostgreSQL jsonb reorders keys)', () => {
    fc.assert(
      fc.property(rows, objectsWithManyKeys, fc.integer(), (row, data, seed) => {
        expect(auditHash({ ...row, data: shuffleKeys(data, random(seed)) })).toBe(auditHash({ ...row, data }));
      }),
    );
  });

  it('tells apart a value moved from one field to its neighbour', () => {
    const row: Row = { seq: 1, at: 0, actorId: null, action: 'a', entityType: 'b', entityId: null, data: null, prevHash: GENESIS_HASH };
    expect(auditHash({ ...row, action: 'b', entityType: 'a' })).not.toBe(auditHash(row));
    expect(auditHash({ ...row, action: 'ab', entityType: '' })).not.toBe(auditHash({ ...row, action: 'a', entityType: 'b' }));
  });
});
