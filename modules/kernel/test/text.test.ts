import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLike, foldVietnamese } from '../src/text/fold.js';

/** Every Vietnamese letter, upper and lower case, precomposed (NFC). */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // huyền, sắc, hỏi, ngã, nặng
const LOWER = [...VOWELS.flatMap((v) => TONES.map((tone) => `${v}${tone}`.normalize('NFC'))), ...'bcdđghklmnpqrstvx'];
const LETTERS = [...LOWER, ...LOWER.map((letter) => letter.toUpperCase())];
const vietnamese = fc.array(fc.oneof(fc.constantFrom(...LETTERS), fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0'), fc.constantFrom(...'0123456789')), { maxLength: 40 }).map((chars) => chars.join(''));

describe('foldVietnamese', () => {
  it.each([
    ['Giấy phép lái xe', 'giay phep lai xe'],
    ['Đà Nẵng', 'da nang'],
    ['  Sở Tư pháp  Đà Nẵng ', 'so tu phap da nang'],
    ['ĐƯỜNG\tTrường Sa\nHoàng  Sa', 'duong truong sa hoang sa'],
    ['Ủy ban nhân dân tỉnh Quảng Ngãi', 'uy ban nhan dan tinh quang ngai'],
    ['Cấp lại Căn cước công dân', 'cap lai can cuoc cong dan'],
    ['Ơ ơ Ư ư Ă ă Â â Ê ê Ô ô Đ đ', 'o o u u a a a a e e o o d d'],
    ['Số 12/2024/NĐ-CP', 'so 12/2024/nd-cp'],
    ['\u00a0Hà\u00a0Nội\u00a0', 'ha noi'], // no-break spaces from copy-paste
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (text, folded) => {
    expect(foldVietnamese(text)).toBe(folded);
  });

  it('folds NFC (precomposed) and NFD (decomposed) input alike', () => {
    expect(foldVietnamese('Giấy phép lái xe'.normalize('NFD'))).toBe('giay phep lai xe');
    fc.assert(
      fc.property(vietnamese, (text) => {
        expect(foldVietnamese(text.normalize('NFD'))).toBe(foldVietnamese(text.normalize('NFC')));
      }),
    );
  });

  it('leaves only unaccented lower-case letters, digits and single spaces, and is idempotent', () => {
    fc.assert(
      fc.property(vietnamese, (text) => {
        const folded = foldVietnamese(text);
        expect(folded).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
        expect(foldVietnamese(folded)).toBe(folded);
      }),
    );
  });

  it('matches a folded query inside folded text whatever the accents typed', () => {
    fc.assert(
      fc.property(vietnamese, vietnamese, vietnamese, (before, word, after) => {
        const haystack = foldVietnamese(`${before} ${word} ${after}`);
        expect(haystack.includes(foldVietnamese(word.toLowerCase().normalize('NFD')))).toBe(true);
      }),
    );
  });
});

describe('escapeLike', () => {
  /** What `LIKE pattern escape '\'` matches, as a RegExp (SQL semantics). */
  function likeRegex(pattern: string): RegExp {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\') source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      else if (c === '%') source += '.*';
      else if (c === '_') source += '.';
      else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return new RegExp(`^${source}$`, 's');
  }

  it.each([
    ['plain', 'plain'],
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['C:\\path', 'C:\\\\path'],
    ['%_\\', '\\%\\_\\\\'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeLike(text)).toBe(escaped);
  });

  it('makes a pattern that matches the text literally and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', 'Đ') }), fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', 'Đ') }), (text, other) => {
        const pattern = likeRegex(escapeLike(text));
        expect(pattern.test(text)).toBe(true);
        expect(pattern.test(other)).toBe(other === text);
      }),
    );
  });

  it('is safe inside a contains-search pattern', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (before, text, after) => {
        expect(likeRegex(`%${escapeLike(text)}%`).test(`${before}${text}${after}`)).toBe(true);
      }),
    );
  });
});
