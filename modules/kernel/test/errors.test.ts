import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors/app-error.js';
import { type Bilingual, ERROR_CATALOG, type ErrorCode, messagesFor } from '../src/errors/catalog.js';

const CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('AppError', () => {
  it.each<[string, () => AppError, ErrorCode, Bilingual, Record<string, unknown>]>([
    [
      'NOT_FOUND names the entity in each language',
      () => AppError.notFound({ vi: 'Cơ quan', en: 'Agency' }, 'a1'),
      'NOT_FOUND',
      { vi: 'Không tìm thấy Cơ quan.', en: 'Agency not found.' },
      { id: 'a1' },
    ],
    [
      'BAD_USER_INPUT gives the reason and the field',
      () => AppError.badInput('code', { vi: 'mã đã tồn tại', en: 'the code already exists' }),
      'BAD_USER_INPUT',
      { vi: 'Dữ liệu không hợp lệ: mã đã tồn tại', en: 'Invalid input: the code already exists' },
      { field: 'code' },
    ],
    [
      'CONFLICT keeps its details',
      () => AppError.conflict({ vi: 'mã trùng', en: 'duplicate code' }, { field: 'code' }),
      'CONFLICT',
      { vi: 'Xung đột dữ liệu: mã trùng', en: 'Conflict: duplicate code' },
      { field: 'code' },
    ],
    [
      'FORBIDDEN says what was refused',
      () => AppError.forbidden('update', 'Staff'),
      'FORBIDDEN',
      ERROR_CATALOG.FORBIDDEN,
      { action: 'update', subject: 'Staff' },
    ],
    ['FORBIDDEN without specifics', () => AppError.forbidden(), 'FORBIDDEN', ERROR_CATALOG.FORBIDDEN, {}],
    [
      'a plain param is used in both languages',
      () => new AppError('PAYLOAD_TOO_LARGE', { limit: 1_000_000 }),
      'PAYLOAD_TOO_LARGE',
      { vi: 'Yêu cầu quá lớn (tối đa 1000000 byte).', en: 'The request is too large (at most 1000000 bytes).' },
      {},
    ],
    [
      'params mix plain and bilingual values',
      () => new AppError('QUERY_TOO_DEEP', { depth: 13, max: { vi: 'mười hai', en: 'twelve' } }),
      'QUERY_TOO_DEEP',
      { vi: 'Truy vấn lồng quá sâu (13 cấp, tối đa mười hai).', en: 'The query is nested too deeply (13 levels, at most twelve).' },
      {},
    ],
    [
      'a missing param stays visible rather than vanishing',
      () => new AppError('NOT_FOUND'),
      'NOT_FOUND',
      { vi: 'Không tìm thấy {entity}.', en: '{entity} not found.' },
      {},
    ],
    [
      'replacement patterns in a param are text',
      () => AppError.badInput('x', { vi: "$& $1 $$ $'", en: "$& $1 $$ $'" }),
      'BAD_USER_INPUT',
      { vi: "Dữ liệu không hợp lệ: $& $1 $$ $'", en: "Invalid input: $& $1 $$ $'" },
      { field: 'x' },
    ],
  ])('%s', (_name, make, code, messages, details) => {
    const error = make();
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'AppError', code, messages, details, message: messages.en });
  });
});

describe('the error catalog', () => {
  it.each(CODES)('%s has a message in both languages with the same placeholders', (code) => {
    const { vi, en } = ERROR_CATALOG[code];
    expect(vi.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(vi).not.toBe(en);
    expect(placeholders(vi)).toEqual(placeholders(en));
  });

  it('fills every placeholder of every message, in each language from its side of a bilingual param', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODES), fc.string({ unit: fc.constantFrom('x', 'y', 'ă', '$', '{', '}') }), (code, text) => {
        const names = placeholders(ERROR_CATALOG[code].en);
        const params = Object.fromEntries(names.map((name) => [name, { vi: `vi:${text}`, en: `en:${text}` }]));
        const messages = messagesFor(code, params);
        for (const lang of ['vi', 'en'] as const) {
          const other = lang === 'vi' ? 'en' : 'vi';
          expect(messages[lang].split(`${lang}:${text}`).length - 1).toBe(names.length);
          if (names.length) expect(messages[lang]).not.toContain(`${other}:${text}`);
        }
      }),
    );
  });
});
