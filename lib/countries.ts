import type { Locale } from './datetime';

const names = { en: new Intl.DisplayNames(['en'], { type: 'region' }), ru: new Intl.DisplayNames(['ru'], { type: 'region' }) };

/** "Uzbekistan" / «Узбекистан» for an ISO 3166-1 alpha-2 code. */
export function countryName(code: string, locale: Locale): string {
  return names[locale].of(code) ?? code;
}
