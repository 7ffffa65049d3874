import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuid, uuid7 } from '../src/ids/uuid7.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MAX_MS = 2 ** 48 - 1; // the 48-bit timestamp field
const anyTime = fc.integer({ min: 0, max: MAX_MS });
const timestampOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuid7', () => {
  it('is a lower-case UUID of version 7 and the RFC 9562 variant, carrying its time in the first 48 bits', () => {
    fc.assert(
      fc.property(anyTime, (ms) => {
        const id = uuid7(ms);
        expect(id).toMatch(UUID_V7);
        expect(timestampOf(id)).toBe(ms);
        expect(isUuid(id)).toBe(true);
      }),
    );
  });

  it('sorts as a string in the order of creation times', () => {
    fc.assert(
      fc.property(fc.array(anyTime, { minLength: 2, maxLength: 20 }), (times) => {
        const distinct = [...new Set(times)].sort((a, b) => a - b);
        const ids = distinct.map((ms) => uuid7(ms));
        expect([...ids].sort()).toEqual(ids);
      }),
    );
  });

  it('sorts after an id made one millisecond earlier, whatever the random bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_MS }), (ms) => {
        expect(uuid7(ms - 1) < uuid7(ms)).toBe(true);
      }),
    );
  });

  it('is unique within one millisecond', () => {
    const ids = Array.from({ length: 5_000 }, () => uuid7(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses the current time by default', () => {
    const before = Date.now();
    const ms = timestampOf(uuid7());
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });

  it.each([-1, 2 ** 48])('refuses a time that does not fit 48 bits (%d)', (ms) => {
    expect(() => uuid7(ms)).toThrow(RangeError);
  });
});

describe('isUuid', () => {
  it.each([
    ['0193b3a2-8f3a-7c21-9b0e-2f6a1d4c5e7f', true],
    ['0193B3A2-8F3A-7C21-9B0E-2F6A1D4C5E7F', true], // any case
    ['f47ac10b-58cc-4372-a567-0e02b2c3d479', true], // any version
    ['0193b3a28f3a7c219b0e2f6a1d4c5e7f', false],
    ['0193b3a2-8f3a-7c21-9b0e-2f6a1d4c5e7', false],
    ['0193b3a2-8f3a-7c21-9b0e-2f6a1d4c5e7f0', false],
    ['0193b3a2-8f3a-7c21-9b0e-2f6a1d4c5e7g', false],
    [' 0193b3a2-8f3a-7c21-9b0e-2f6a1d4c5e7f', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
