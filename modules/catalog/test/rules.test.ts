/**
 * The catalog's domain rules as plain functions: national code format, content validation
 * (every problem at once, the abolished district level refused), the completeness check,
 * local limits against statutory ones across units, e-form schemas and data, version diffs.
 */
import fc from 'fast-check';
import { AppError } from '@motcua/kernel/contract';
import { TimeLimitUnit } from '@motcua/workflow/contract';
import { describe, expect, it } from 'vitest';
import { formDataErrors, formSchemaProblems } from '../src/forms/form.js';
import { limitWithin, workingDaysWithin, effectiveLimit } from '../src/offerings/limits.js';
import { validProcedureCode } from '../src/procedures/code.js';
import { missingParts } from '../src/procedures/completeness.js';
import { emptyContent, type ProcedureContent } from '../src/procedures/content.js';
import { diffContent } from '../src/procedures/diff.js';
import { normalizeContent, readContent } from '../src/procedures/validate.js';
import { completeContent } from './support.js';

const { WORKING_DAYS, WORKING_HOURS, CALENDAR_DAYS, SAME_DAY } = TimeLimitUnit;

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a throw');
}

describe('national procedure code', () => {
  it.each(['1.001445', '2.000635', '1.010385', ' 1.001193 '])('accepts %j', (code) => {
    expect(validProcedureCode(code)).toBe(code.trim());
  });

  it.each(['1.1445', '1001445', '1.0014451', 'a.001445', '1,001445', '12.001445', '', '1.00144 5'])('refuses %j with a bilingual BAD_USER_INPUT', (code) => {
    const error = thrown(() => validProcedureCode(code));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.field).toBe('code');
    expect(error.messages.vi).toMatch(/mã thủ tục/);
  });

  it('accepts exactly one digit, a dot and six digits (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999_999 }), (a, b) => {
      const code = `${a}.${String(b).padStart(6, '0')}`;
      expect(validProcedureCode(code)).toBe(code);
    }));
    fc.assert(fc.property(fc.string(), (text) => {
      if (/^\s*\d\.\d{6}\s*$/.test(text)) return;
      expect(() => validProcedureCode(text)).toThrow(AppError);
    }));
  });
});

describe('content validation', () => {
  it('normalises complete content and keeps it', () => {
    const content = normalizeContent(completeContent());
    expect(content.name).toBe('Đăng ký khai sinh thử nghiệm');
    expect(content.cases[0].components[2].fromSharedDatabase).toBe(true);
  });

  it('reports every problem at once, with paths', () => {
    const raw = completeContent('', {
      sectorCode: 'KHONG-CO', levels: ['XA', 'HUYEN'],
      channels: [{ channel: 'DIRECT', limit: { value: 0, unit: 'WORKING_DAYS' }, fees: [{ name: 'Lệ phí', amount: -5 }] }, { channel: 'DIRECT', limit: { value: 2, unit: 'SAME_DAY' } }],
      cases: [{ code: 'A', name: 'x', components: [{ code: 'C1', name: 'a' }, { code: 'C1', name: 'b' }], form: { schema: { type: 'object', properties: { a: { type: 'strnig' } } } } }],
    });
    const { problems } = readContent(raw);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining([
      'name', 'sectorCode', 'levels', 'channels[0].limit.value', 'channels[0].fees[0].amount', 'channels[1].limit.value', 'channels',
      'cases[0].components', 'cases[0].form.schema',
    ]));
    const error = thrown(() => normalizeContent(raw));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect((error.details.problems as unknown[]).length).toBe(problems.length);
    expect(error.messages.vi).toMatch(/cấp huyện/);
  });

  it('refuses the district level on new content (abolished 01/07/2025)', () => {
    const { problems } = readContent(completeContent(undefined, { levels: ['HUYEN'] }));
    expect(problems).toEqual([expect.objectContaining({ path: 'levels', en: expect.stringMatching(/district/) })]);
  });
});

describe('completeness check before publishing', () => {
  it('reports every missing mandatory part at once', () => {
    expect(missingParts(emptyContent('', '')).map((m) => m.part)).toEqual([
      'name', 'sector', 'levels', 'steps', 'channels', 'components', 'applicantTypes', 'agencies', 'results',
    ]);
  });

  it('passes complete content', () => {
    expect(missingParts(normalizeContent(completeContent()))).toEqual([]);
  });

  it.each<[string, Partial<ProcedureContent>]>([
    ['steps', { steps: '  ' }],
    ['components', { cases: [{ code: 'A', name: 'Trường hợp', components: [], form: null }] }],
    ['applicantTypes', { applicantTypes: [] }],
    ['agencies', { implementingAgencies: [] }],
  ])('names the one missing part: %s', (part, change) => {
    const content = { ...normalizeContent(completeContent()), ...change };
    expect(missingParts(content).map((m) => m.part)).toEqual([part]);
  });
});

describe('local limit against the statutory limit', () => {
  it.each([
    [{ value: 3, unit: WORKING_DAYS }, { value: 5, unit: WORKING_DAYS }, true],
    [{ value: 5, unit: WORKING_DAYS }, { value: 5, unit: WORKING_DAYS }, true],
    [{ value: 6, unit: WORKING_DAYS }, { value: 5, unit: WORKING_DAYS }, false],
    [{ value: 16, unit: WORKING_HOURS }, { value: 2, unit: WORKING_DAYS }, true],
    [{ value: 17, unit: WORKING_HOURS }, { value: 2, unit: WORKING_DAYS }, false],
    [{ value: 20, unit: WORKING_DAYS }, { value: 30, unit: CALENDAR_DAYS }, true],
    [{ value: 22, unit: WORKING_DAYS }, { value: 30, unit: CALENDAR_DAYS }, false],
    [{ value: 5, unit: CALENDAR_DAYS }, { value: 5, unit: WORKING_DAYS }, true],
    [{ value: 6, unit: CALENDAR_DAYS }, { value: 5, unit: WORKING_DAYS }, false],
    [{ value: 1, unit: SAME_DAY }, { value: 1, unit: WORKING_DAYS }, true],
    [{ value: 1, unit: SAME_DAY }, { value: 1, unit: SAME_DAY }, true],
    [{ value: 4, unit: WORKING_HOURS }, { value: 1, unit: SAME_DAY }, false],
  ])('%j within %j: %s', (local, statutory, expected) => {
    expect(limitWithin(local, statutory)).toBe(expected);
    expect(effectiveLimit(statutory, local)).toEqual(expected ? local : statutory);
  });

  it('counts the working days certainly inside N calendar days', () => {
    expect([0, 1, 2, 3, 5, 7, 8, 10, 14, 30].map(workingDaysWithin)).toEqual([0, 0, 0, 1, 3, 5, 5, 6, 10, 20]);
  });

  it('never accepts a local limit that could run past the statutory one (property)', () => {
    const unit = fc.constantFrom(WORKING_DAYS, WORKING_HOURS, CALENDAR_DAYS);
    const limit = fc.record({ value: fc.integer({ min: 1, max: 400 }), unit });
    fc.assert(fc.property(limit, limit, (local, statutory) => {
      if (!limitWithin(local, statutory)) return;
      // Worst case for the citizen: the local limit at its longest, the statutory one at its shortest (in working hours).
      const longest = local.unit === WORKING_HOURS ? local.value : local.value * 8;
      const shortest = statutory.unit === WORKING_HOURS ? statutory.value : statutory.unit === WORKING_DAYS ? statutory.value * 8 : workingDaysWithin(statutory.value) * 8;
      if (local.unit === statutory.unit) expect(local.value).toBeLessThanOrEqual(statutory.value);
      else expect(longest).toBeLessThanOrEqual(shortest);
    }));
  });

  it('is monotonic: a shorter local limit of the same unit is accepted whenever a longer one is (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 400 }),
      (shorter, extra, statutory) => {
        const s = { value: statutory, unit: CALENDAR_DAYS };
        if (limitWithin({ value: shorter + extra, unit: WORKING_DAYS }, s)) expect(limitWithin({ value: shorter, unit: WORKING_DAYS }, s)).toBe(true);
      }));
  });
});

describe('e-forms (JSON Schema draft 2020-12, ajv)', () => {
  const schema = completeContent().cases[0].form.schema;

  it('accepts a usable object schema and refuses broken ones, each with a reason', () => {
    expect(formSchemaProblems(schema)).toEqual([]);
    expect(formSchemaProblems({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' })[0].en).toMatch(/2020-12/);
    expect(formSchemaProblems({ type: 'array' })[0].en).toMatch(/object/);
    expect(formSchemaProblems({ type: 'object', properties: { a: { type: 'strnig' } } })).not.toEqual([]);
    expect(formSchemaProblems({ type: 'object', properties: { a: { type: 'string', widget: 'x' } } })[0].en).toMatch(/cannot be used/);
    expect(formSchemaProblems('nope')).toHaveLength(1);
  });

  it('validates data with field errors in both languages', () => {
    expect(formDataErrors(schema, { hoTenTre: 'Nguyễn Văn A', ngaySinh: '2026-11-20', gioiTinh: 'Nam' })).toEqual([]);
    const errors = formDataErrors(schema, { hoTenTre: '', ngaySinh: '20/11/2026', gioiTinh: 'X', thua: 1 });
    expect(errors).toEqual(expect.arrayContaining([
      { field: '/hoTenTre', messages: { vi: 'phải có ít nhất 1 ký tự', en: 'must have at least 1 characters' } },
      { field: '/ngaySinh', messages: { vi: 'không đúng định dạng date', en: 'is not a valid date' } },
      { field: '/gioiTinh', messages: expect.objectContaining({ vi: 'phải là một trong: Nam, Nữ' }) },
      { field: '/thua', messages: expect.objectContaining({ en: 'field "thua" is not part of the form' }) },
    ]));
    expect(formDataErrors(schema, {})).toEqual(expect.arrayContaining([{ field: '/ngaySinh', messages: { vi: 'trường này là bắt buộc', en: 'this field is required' } }]));
  });
});

describe('version diff', () => {
  it('matches lists by identity and reports what changed', () => {
    const a = normalizeContent(completeContent());
    const b = structuredClone(a);
    b.name = 'Tên mới';
    b.channels.reverse();
    b.channels.find((c) => c.channel === 'ONLINE')!.limit.value = 3;
    b.cases[0].components = b.cases[0].components.filter((c) => c.code !== 'GCS');
    b.results.push({ name: 'Bản điện tử', code: null, paper: false });
    expect(diffContent(a, b)).toEqual([
      { path: 'name', kind: 'CHANGED', before: '"Đăng ký khai sinh thử nghiệm"', after: '"Tên mới"' },
      { path: 'results[Bản điện tử]', kind: 'ADDED', before: null, after: expect.stringContaining('Bản điện tử') },
      { path: 'channels[ONLINE].limit.value', kind: 'CHANGED', before: '5', after: '3' },
      { path: 'cases[DUNG-HAN].components[GCS]', kind: 'REMOVED', before: expect.stringContaining('Giấy chứng sinh'), after: null },
    ]);
    expect(diffContent(a, structuredClone(a))).toEqual([]);
  });
});
