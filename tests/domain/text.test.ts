import {
  characterCount,
  cleanText,
  hasLoneSurrogate,
  readText,
  unreadableText,
  visibleCount,
} from '../../src/domain/text';

const ZWSP = '\u200B';
const RLO = '\u202E';
const PDF = '\u202C';
const FAMILY = '👨\u200D👩\u200D👧';

describe('cleanText', () => {
  it.each([
    ['trims blanks', '  路灯坏了  ', '路灯坏了'],
    ['normalises to NFC', 'cafe\u0301', 'caf\u00e9'],
    [
      'drops zero-width spaces, joiners and non-joiners between letters',
      `路${ZWSP}灯\u200C坏\u200D了`,
      '路灯坏了',
    ],
    ['drops right-to-left overrides and isolates', `${RLO}张三${PDF}\u2066李\u2069`, '张三李'],
    ['drops byte-order marks and soft hyphens', '\uFEFF路\u00AD灯', '路灯'],
    ['drops control characters', 'a\u0007b\u001bc\u0085d', 'abcd'],
    ['drops letters that draw nothing', '\u3164\u115F路\u2800灯\uFFA0', '路灯'],
    ['keeps a text made only of invisibles as empty', ZWSP.repeat(12), ''],
    [
      'turns line breaks and tabs into spaces on one line',
      '新华路\r\n12号\t3栋',
      '新华路 12号 3栋',
    ],
    [
      'keeps emoji joined by a zero-width joiner',
      `家${FAMILY}🏳️\u200D🌈👩🏽\u200D💻`,
      `家${FAMILY}🏳️\u200D🌈👩🏽\u200D💻`,
    ],
    ['answers empty for what is not text', 42, ''],
  ])('%s', (_what, raw, stored) => {
    expect(cleanText(raw)).toBe(stored);
  });

  it('keeps line breaks in a multi-line field, as \\n', () => {
    expect(cleanText(' 第一行\r\n第二行\r第三行\t完 ', { multiline: true })).toBe(
      '第一行\n第二行\n第三行\t完',
    );
  });
});

describe('unreadableText', () => {
  it.each([
    ['a lone low surrogate', 'ab\udc00cd', true],
    ['a lone high surrogate at the end', 'abc\ud83d', true],
    ['a high surrogate before a letter', '\ud83dx', true],
    ['a whole emoji', '好👍🏽', false],
    ['Vietnamese with two marks on a letter', 'Tiếng Việt', false],
    ['a letter under five marks', `x${'\u0301'.repeat(5)}`, true],
    ['a letter under four marks', `x${'\u0301'.repeat(4)}`, false],
    ['not text at all', 7, false],
  ])('%s: %s', (_what, raw, refused) => {
    expect(unreadableText(raw) !== null).toBe(refused);
  });

  it('tells a lone surrogate apart from a pair', () => {
    expect(hasLoneSurrogate('\ud83d\ude00')).toBe(false);
    expect(hasLoneSurrogate('\ude00\ud83d')).toBe(true);
  });
});

describe('characterCount and visibleCount', () => {
  it.each([
    ['Chinese characters', '路灯坏了', 4],
    ['a letter and its accent, composed or not', 'e\u0301', 1],
    ['an emoji with a skin tone', '👍🏽', 1],
    ['a family joined by zero-width joiners', FAMILY, 1],
    ['a flag of two regional indicators', '🇨🇳🇨🇳', 2],
    ['spaces, which a maximum counts', 'a b', 3],
  ])('%s', (_what, text, count) => {
    expect(characterCount(text)).toBe(count);
  });

  it('counts the same without Intl.Segmenter, as older mini-program engines lack it', () => {
    const { Segmenter } = Intl;
    jest.isolateModules(() => {
      Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true });
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fallback: typeof import('../../src/domain/text') = require('../../src/domain/text');
        for (const text of ['路灯坏了', 'e\u0301', '👍🏽', FAMILY, '🇨🇳🇨🇳', 'a b']) {
          expect(fallback.characterCount(text)).toBe(characterCount(text));
        }
      } finally {
        Object.defineProperty(Intl, 'Segmenter', { value: Segmenter, configurable: true });
      }
    });
  });

  it('leaves blanks out of what a person sees', () => {
    expect(visibleCount(' 路 灯\u3000坏\n了 ')).toBe(4);
  });
});

describe('readText', () => {
  const content = { min: 10, max: 20, multiline: true, tooShort: '至少 10 个字' };

  it('answers the cleaned text when it is fine', () => {
    expect(readText(`  ${RLO}小区门口的路灯坏了三天了  `, content)).toEqual({
      text: '小区门口的路灯坏了三天了',
      error: null,
    });
  });

  it.each([
    ['twelve zero-width spaces', ZWSP.repeat(12), '至少 10 个字'],
    ['ten letters spread with blanks', '路 灯 坏 了', '至少 10 个字'],
    ['a lone surrogate', `小区门口的路灯坏了三天了\udc00`, '含有无法识别的字符，请删除后重新输入'],
    ['more than the maximum', '路'.repeat(21), '最多 20 个字'],
  ])('refuses %s', (_what, raw, error) => {
    expect(readText(raw, content).error).toBe(error);
  });

  it('counts ten emoji families as ten characters, not as their code units', () => {
    expect(readText(FAMILY.repeat(10), content).error).toBeNull();
    expect(readText(FAMILY.repeat(21), content).error).toBe('最多 20 个字');
  });

  it('counts a minimum as visibleCount does, whatever the letters (random texts)', () => {
    // Letters the quick count takes one each, and now and then one that joins its neighbour into one grapheme.
    const quick = ['路', 'a', '。', '！', '〜', ' ', '\n'];
    const joining = ['\u302A', '\u0301', '\uFF9E', '\u1100', '\u1161', '👍', '🏽', '\u200D', '🇨'];
    joining.push('🇳', ZWSP, '\r\n', '\u0E31');
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n);
    };
    const letter = () =>
      random(8) === 0 ? joining[random(joining.length)] : quick[random(quick.length)];
    for (let i = 0; i < 3000; i++) {
      const raw = Array.from({ length: random(12) }, letter).join('');
      const min = 1 + random(8);
      const tooShort = visibleCount(cleanText(raw, { multiline: true })) < min;
      expect([raw, readText(raw, { min, multiline: true, tooShort: 'short' }).error]).toEqual([
        raw,
        unreadableText(raw) ?? (tooShort ? 'short' : null),
      ]);
    }
  });

  it('says 请填写 for a required field left blank, and accepts an optional one', () => {
    expect(readText(' ', { min: 1 }).error).toBe('请填写');
    expect(readText(undefined, { max: 5 })).toEqual({ text: '', error: null });
  });
});
