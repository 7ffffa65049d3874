import 'reflect-metadata';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { allocateDossierCode } from '@motcua/dossiers';
import { formatDossierCode, localDay, parseDossierCode } from '@motcua/dossiers/contract';

describe('dossier code: format and parse (pure)', () => {
  it('formats the real Thanh Hóa example', () => expect(formatDossierCode('000.00.06.H56', '2023-10-27', 361)).toBe('000.00.06.H56-231027-0361'));

  it.each([
    ['2026-03-01T16:59:59Z', '2026-03-01'],
    ['2026-03-01T17:00:00Z', '2026-03-02'], // midnight in Hà Nội (UTC+7)
    ['2025-12-31T17:30:00Z', '2026-01-01'],
  ])('the day of %s in Asia/Ho_Chi_Minh is %s', (instant, day) => expect(localDay(new Date(instant))).toBe(day));

  it.each([
    ['000.00.06.H56-231027-0361', { unitCode: '000.00.06.H56', yymmdd: '231027', sequence: 361 }],
    ['H15.50.05.13-260304-091234', { unitCode: 'H15.50.05.13', yymmdd: '260304', sequence: 91234 }],
    ['G22-260101-1800001', { unitCode: 'G22', yymmdd: '260101', sequence: 1800001 }],
  ])('accepts the foreign code %s', (code, parts) => expect(parseDossierCode(code)).toEqual(parts));

  it.each(['', 'H56-231027-361', 'H56-2310271-0361', 'H56-231027-12345678', 'a-b-231027-0001', '-231027-0001', 'H56-231027-0361 '])(
    'rejects %j',
    (code) => expect(parseDossierCode(code)).toBeNull(),
  );

  it('refuses a unit code that would break parsing, and a fifth-digit sequence', () => {
    expect(() => formatDossierCode('H-56', '2026-01-01', 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => formatDossierCode('H56', '2026-01-01', 10_000)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('parses every code it formats back to its parts', () => {
    const unit = fc.stringMatching(/^[A-Z0-9.]{1,20}$/);
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(unit, day, fc.integer({ min: 1, max: 9999 }), (unitCode, d, sequence) => {
      expect(parseDossierCode(formatDossierCode(unitCode, d, sequence))).toEqual({ unitCode, yymmdd: d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10), sequence });
    }));
  });
});

describe('dossier code: allocation in the database', () => {
  const UNIT = '000.00.06.H56';
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t?.close());

  const allocate = (unit: string, at: Date) => t.app.orm.em.fork().transactional((tx) => allocateDossierCode(tx, unit, at));

  it('gives 200 concurrent receptions at one unit 200 distinct consecutive codes', async () => {
    const at = new Date('2026-03-02T03:00:00Z');
    const codes = await Promise.all(Array.from({ length: 200 }, () => allocate(UNIT, at)));
    expect(new Set(codes).size).toBe(200);
    expect(codes.map((code) => parseDossierCode(code)!.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(codes.every((code) => code.startsWith(`${UNIT}-260302-`))).toBe(true);
  });

  it('starts again at 0001 on the next day in Hà Nội, and counts each unit apart', async () => {
    expect(await allocate(UNIT, new Date('2026-03-02T16:59:00Z'))).toBe(`${UNIT}-260302-0201`);
    expect(await allocate(UNIT, new Date('2026-03-02T17:00:00Z'))).toBe(`${UNIT}-260303-0001`);
    expect(await allocate('000.00.07.H56', new Date('2026-03-02T17:00:00Z'))).toBe('000.00.07.H56-260303-0001');
  });

  it('gives a rolled-back reception’s number to the next one, so codes stay consecutive', async () => {
    const at = new Date('2026-03-04T02:00:00Z');
    await expect(
      t.app.orm.em.fork().transactional(async (tx) => {
        await allocateDossierCode(tx, UNIT, at);
        throw new Error('reception failed after the code was drawn');
      }),
    ).rejects.toThrow('reception failed');
    expect(await allocate(UNIT, at)).toBe(`${UNIT}-260304-0001`);
  });

  it('refuses a bad unit code without touching the counter', async () => {
    const before = await t.count('dossiers_code_counter');
    await expect(allocate('H 56', new Date())).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await t.count('dossiers_code_counter')).toEqual(before);
  });
});
