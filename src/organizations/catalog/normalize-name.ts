// Names of bodies reach us typed by hand, scanned, or extracted from .docx: the same name
// shows up with "Uỷ"/"Ủy", "Hoà"/"Hòa", NFD, stray dashes and spacing. These functions give
// comparable forms; the canonical display form stays the catalog's own name.

// Old-style tone placement (tone on the first vowel of "oa", "oe", "uy") is the catalog's
// form; new-style ("oà", "uỷ") is mapped onto it. Only in open syllables: "hoàn" is the same
// in both styles.
// prettier-ignore
const TONE_INDEX: Record<string, number> = {
  à: 0, á: 1, ả: 2, ã: 3, ạ: 4,
  è: 0, é: 1, ẻ: 2, ẽ: 3, ẹ: 4,
  ỳ: 0, ý: 1, ỷ: 2, ỹ: 3, ỵ: 4,
};
const TONED_O = ['ò', 'ó', 'ỏ', 'õ', 'ọ'];
const TONED_U = ['ù', 'ú', 'ủ', 'ũ', 'ụ'];
// prettier-ignore
const BASE_OF: Record<string, string> = {
  à: 'a', á: 'a', ả: 'a', ã: 'a', ạ: 'a',
  è: 'e', é: 'e', ẻ: 'e', ẽ: 'e', ẹ: 'e',
};

const NEW_STYLE_OA = /(?<!q)o([àáảãạèéẻẽẹ])(?!\p{L})/gu;
const NEW_STYLE_UY = /(?<!q)u([ỳýỷỹỵ])(?!\p{L})/gu;
const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D-]/g;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4]/g;
// Everything that is not a letter, a digit, a space, "-" or "'" separates words.
const OTHER_PUNCTUATION = /[^\p{L}\p{N}\s'-]/gu;

export function unifyTonePlacement(lower: string): string {
  return lower
    .replace(NEW_STYLE_OA, (_m, v: string) => TONED_O[TONE_INDEX[v]] + BASE_OF[v])
    .replace(NEW_STYLE_UY, (_m, v: string) => TONED_U[TONE_INDEX[v]] + 'y');
}

/** NFC, lower case, one tone placement, one dash and apostrophe, "&" read as "và", single spaces. */
export function normalizeName(input: string): string {
  const lower = input.normalize('NFC').toLowerCase();
  return unifyTonePlacement(lower)
    .replace(APOSTROPHES, "'")
    .replace(/&/g, ' và ')
    .replace(DASHES, '-')
    .replace(OTHER_PUNCTUATION, ' ')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s-]+|[\s-]+$/g, '');
}

/** Removes tone and vowel marks; đ → d. Expects lower case. */
export function foldDiacritics(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/** The words of a name, diacritics kept, without dashes or apostrophes ("đạ m'rông" → ["đạ", "mrông"]). */
export function nameTokens(input: string): string[] {
  return normalizeName(input)
    .replace(/'/g, '')
    .split(/[\s-]+/)
    .filter((t) => t.length > 0);
}

/** Comparison key with diacritics: words joined by single spaces. */
export function nameKey(input: string): string {
  return nameTokens(input).join(' ');
}

/** Comparison key without diacritics or case: "Uỷ ban nhân dân" and "UY BAN NHAN DAN" agree. */
export function foldedKey(input: string): string {
  return foldDiacritics(nameKey(input));
}
