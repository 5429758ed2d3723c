import type { Locale } from './datetime';

const names = {
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
  ru: new Intl.DisplayNames(['ru'], { type: 'region' }),
};

/** "Uzbekistan" / «Узбекистан» for an ISO 3166-1 alpha-2 code. */
export function countryName(code: string, locale: Locale): string {
  return names[locale].of(code) ?? code;
}

const CENTRAL_ASIA = ['KZ', 'KG', 'TJ', 'TM', 'UZ'];

const optionsByLocale = new Map<Locale, { code: string; name: string }[]>();

/** Every ISO 3166-1 country, the five Central Asian states first, for pickers (built once per language). */
export function countryOptions(locale: Locale): { code: string; name: string }[] {
  let options = optionsByLocale.get(locale);
  if (!options) optionsByLocale.set(locale, (options = buildCountryOptions(locale)));
  return options;
}

function buildCountryOptions(locale: Locale): { code: string; name: string }[] {
  const codes = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));
  const strict = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const known = codes.filter(isCountryCode).map((code) => ({ code, name: strict.of(code)! }));
  const first = CENTRAL_ASIA.map((code) => known.find((c) => c.code === code)!);
  const rest = known.filter((c) => !CENTRAL_ASIA.includes(c.code)).sort((a, b) => a.name.localeCompare(b.name, locale));
  return [...first, ...rest];
}

const strictEnglish = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Whether `code` is an ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !/^(X.|Q[M-Z]|AA|ZZ|EU|EZ|UN)$/.test(code) && strictEnglish.of(code) !== undefined;
}

// Names spreadsheets use that Intl does not give: official long forms and older names.
const COUNTRY_ALIASES: Record<string, string> = {
  'kyrgyz republic': 'KG',
  'republic of kazakhstan': 'KZ',
  'republic of uzbekistan': 'UZ',
  'republic of tajikistan': 'TJ',
  кыргызстан: 'KG',
  'кыргызская республика': 'KG',
  'киргизская республика': 'KG',
  'республика казахстан': 'KZ',
  'республика узбекистан': 'UZ',
  'республика таджикистан': 'TJ',
  'российская федерация': 'RU',
  'russian federation': 'RU',
  usa: 'US',
  сша: 'US',
  uk: 'GB',
  афганистан: 'AF',
};

const normaliseCountryName = (name: string) => name.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

let countryLookup: Map<string, string> | undefined;

function lookupTable(): Map<string, string> {
  if (countryLookup) return countryLookup;
  const table = new Map<string, string>(Object.entries(COUNTRY_ALIASES));
  for (const locale of ['en', 'ru'] as const) {
    for (const { code, name } of countryOptions(locale)) table.set(normaliseCountryName(name), code);
  }
  countryLookup = table;
  return table;
}

/** An ISO code for a country as a spreadsheet writes it: "KZ", "kz", "Kazakhstan ", «Казахстан», "Kyrgyz Republic". */
export function parseCountry(written: string): string | null {
  const trimmed = written.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && isCountryCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return lookupTable().get(normaliseCountryName(trimmed)) ?? null;
}
