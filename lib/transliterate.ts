// Names in the directory arrive in Cyrillic (Russian, Kazakh, Kyrgyz, Tajik, Uzbek) and in several Latin
// spellings of the same name (Jumaeva / Zhumaeva, Khodjaev / Xodjayev). Search compares "search keys": both sides
// are transliterated to Latin and then folded, so the spellings meet in one form.

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Kazakh, Kyrgyz, Tajik and Uzbek letters.
  ә: 'a',
  ғ: 'gh',
  қ: 'q',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ҳ: 'h',
  ӣ: 'i',
  ӯ: 'u',
  ҷ: 'j',
  ў: 'o',
  // Ukrainian and Belarusian letters that turn up in names.
  є: 'ye',
  ї: 'yi',
  ґ: 'g',
};

/** A readable Latin form of a Cyrillic text (Russian passport style); Latin text is returned unchanged. */
export function toLatin(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) {
      out += char;
    } else if (char !== lower && latin) {
      out += latin[0]!.toUpperCase() + latin.slice(1);
    } else {
      out += latin;
    }
  }
  return out;
}

/** Whether the text has any Cyrillic letters. */
export function hasCyrillic(text: string): boolean {
  return /[\u0400-\u04FF]/.test(text);
}

// Applied in order to lower-case Latin text: spellings of one sound become one letter.
const FOLDS: [RegExp, string][] = [
  [/dzh|dj|zh|ž/g, 'j'],
  // Uzbek Latin writes kh as x (Xodjayev); elsewhere x stays (ISSX, Alexander).
  [/kh|x(?=[aeiouy])|ḫ/g, 'h'],
  [/gh|ğ/g, 'g'],
  [/ts/g, 'c'],
  [/ch|ç|č/g, 'c'],
  [/sh|ş|š/g, 's'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/y([aeiou])/g, '$1'],
  [/iy|yi|ii/g, 'i'],
  [/y/g, 'i'],
  [/ck/g, 'k'],
  [/(.)\1+/g, '$1'],
];

/** The form both sides of a search are compared in: Latin, lower-case, spellings folded, apostrophes dropped. */
export function searchKey(text: string): string {
  let key = toLatin(text.normalize('NFC'))
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ʼ’'`ʻ‘"]/g, '');
  for (const [pattern, replacement] of FOLDS) key = key.replace(pattern, replacement);
  return key.replace(/\s+/g, ' ').trim();
}
