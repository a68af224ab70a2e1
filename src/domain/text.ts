/**
 * Text a person types, made fit to store and to count: one rule for every field of every form (a request's content,
 * address and name, a rating's comment, a worker's note), on the app and on the server alike.
 *
 * - Normalised to NFC, so that é typed as e + ◌́ and as é is one text, stored once.
 * - Invisible characters go: format characters (Unicode category Cf: zero-width spaces, byte-order marks,
 *   right-to-left overrides and isolates, soft hyphens), control characters other than a line break or a tab, and
 *   the letters that draw nothing (Hangul fillers, the blank braille pattern). A zero-width joiner between two
 *   emoji stays: it makes 👨‍👩‍👧 one picture.
 * - Refused, since no cleaning can tell what was meant: a lone surrogate (half of an emoji, which no database stores
 *   faithfully) and a pile of combining marks on one letter ("Zalgo" text that spills over the lines around it).
 * - Counted as a person sees them: one per grapheme (字, é, 👍🏽, 👨‍👩‍👧 and 🇨🇳 are one each); a minimum counts
 *   only what is not blank.
 */

/** The most combining marks in a row a real letter carries (Vietnamese has two, Thai three). */
const MAX_MARKS_IN_A_ROW = 4;

const INVISIBLE = /[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** What may stand between an emoji and the joiner after it: the emoji presentation selector, a skin tone. */
function isEmojiTail(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code === 0xfe0f || (code >= 0x1f3fb && code <= 0x1f3ff);
}
const MARK = /\p{M}/u;
const ZWJ = '\u200D';

export interface TextOptions {
  /** Keeps line breaks (a request's content, a note); otherwise they become spaces (an address, a name). */
  multiline?: boolean;
}

/** True when the text holds half of a surrogate pair: a string no database stores faithfully. */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/**
 * A text as it is stored: NFC, invisible characters gone, line breaks as `\n` (or spaces), trimmed. '' when
 * `value` is absent or not text. Check `unreadableText` first: a lone surrogate is not repaired here.
 */
export function cleanText(value: unknown, { multiline = false }: TextOptions = {}): string {
  if (typeof value !== 'string') return '';
  const normalized = value.normalize('NFC').replace(/\r\n?/g, '\n');
  // Most texts hold nothing to drop or turn: no walk through their characters (line breaks and tabs are Cc).
  if (!INVISIBLE.test(normalized)) return normalized.trim();
  const chars = [...normalized];
  const kept: string[] = [];
  // The emoji a joiner follows, skipping its presentation selector or skin tone (👁️‍🗨️, 👩🏽‍💻).
  let lastBase = '';
  chars.forEach((char, i) => {
    if (char === '\n' || char === '\t') kept.push(multiline ? char : ' ');
    else if (char === ZWJ) {
      // Part of the picture between two emoji (👨‍👩‍👧, 🏳️‍🌈); invisible anywhere else.
      if (PICTOGRAPH.test(lastBase) && PICTOGRAPH.test(chars[i + 1] ?? '')) kept.push(char);
    } else if (!INVISIBLE.test(char)) kept.push(char);
    if (!isEmojiTail(char)) lastBase = char;
  });
  return kept.join('').trim();
}

/** Why no cleaning makes this text fit to store, in Chinese; null when it is fine (or is not text at all). */
export function unreadableText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (hasLoneSurrogate(value)) return '含有无法识别的字符，请删除后重新输入';
  const normalized = value.normalize('NFC');
  if (!MARK.test(normalized)) return null;
  let marks = 0;
  for (const char of normalized) {
    marks = MARK.test(char) ? marks + 1 : 0;
    if (marks > MAX_MARKS_IN_A_ROW) return '含有叠加过多的符号，请删除后重新输入';
  }
  return null;
}

const graphemes =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter('zh', { granularity: 'grapheme' })
    : null;

/** Where Intl.Segmenter is missing (older mini-program engines): marks, joiners and what they join extend a letter. */
function countWithoutSegmenter(text: string): number {
  let count = 0;
  let joined = false;
  let flagHalf = false;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const regional = code >= 0x1f1e6 && code <= 0x1f1ff;
    const extending = MARK.test(char) || isEmojiTail(char) || char === ZWJ || joined;
    if (regional && flagHalf) flagHalf = false;
    else if (!extending) {
      count++;
      flagHalf = regional;
    }
    joined = char === ZWJ;
  }
  return count;
}

/** Characters as a person counts them: 字, é, 👍🏽, 👨‍👩‍👧 and 🇨🇳 are one each. */
export function characterCount(text: string): number {
  if (!graphemes) return countWithoutSegmenter(text);
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** Characters a person sees, blanks left out: what a minimum length counts. */
export function visibleCount(text: string): number {
  return characterCount(text.replace(/\s+/g, ''));
}

/**
 * Characters that are one grapheme each, whatever stands beside them: printable ASCII, CJK punctuation (not its
 * tone marks, U+302A–302F, which join the letter before), CJK ideographs and full-width ASCII. Most requests are
 * written in nothing else.
 */
const ONE_GRAPHEME_EACH = /^[\u0021-\u007E\u3001-\u3029\u3030-\u303F\u4E00-\u9FFF\uFF01-\uFF5E]*$/;

/** visibleCount(text) < min, counting only as far as `min` (Intl.Segmenter takes microseconds a character). */
function fewerVisibleThan(text: string, min: number): boolean {
  if (min <= 0) return false;
  const visible = text.replace(/\s+/g, '');
  if (visible.length < min || ONE_GRAPHEME_EACH.test(visible)) return visible.length < min;
  if (!graphemes) return countWithoutSegmenter(visible) < min;
  let count = 0;
  for (const _ of graphemes.segment(visible)) if (++count >= min) return false;
  return true;
}

export interface TextRules extends TextOptions {
  /** The fewest characters that are not blank; a required field has 1. */
  min?: number;
  max?: number;
  /** The message when shorter than `min`; `至少 N 个字` (or `请填写`) when left out. */
  tooShort?: string;
  /** The message when longer than `max`; `最多 N 个字` when left out. */
  tooLong?: string;
}

/**
 * A text field of a form: its cleaned text, and what is wrong with it (unreadable, too short, too long) as the
 * field's message, or null. A value that is not text reads as '' (the caller says when that is a wrong type).
 */
export function readText(value: unknown, rules: TextRules): { text: string; error: string | null } {
  const unreadable = unreadableText(value);
  if (unreadable) return { text: '', error: unreadable };
  const text = cleanText(value, rules);
  const { min = 0, max } = rules;
  if (fewerVisibleThan(text, min)) {
    return { text, error: rules.tooShort ?? (min === 1 ? '请填写' : `至少 ${min} 个字`) };
  }
  // A character is one UTF-16 unit or more: a text no longer than `max` units needs no counting.
  if (max !== undefined && text.length > max && characterCount(text) > max) {
    return { text, error: rules.tooLong ?? `最多 ${max} 个字` };
  }
  return { text, error: null };
}
