import { describe, expect, it } from 'vitest';
import {
  CENTRAL_ASIA,
  COUNTRIES,
  countryName,
  countryOptions,
  isCountryCode,
  isNationalityCode,
  parseCountry,
  territoryOptions,
  WITHDRAWN_CODES,
} from './countries';

const states = COUNTRIES.filter((c) => c.kind !== 'territory');

describe('the country list', () => {
  it('holds the 193 Member States and the two observer States of the United Nations', () => {
    expect(COUNTRIES.filter((c) => c.kind === 'member')).toHaveLength(193);
    expect(COUNTRIES.filter((c) => c.kind === 'observer').map((c) => [c.code, c.en, c.ru])).toEqual([
      ['VA', 'Holy See', 'Святой Престол'],
      ['PS', 'State of Palestine', 'Государство Палестина'],
    ]);
    expect(countryOptions('en')).toHaveLength(195);
    expect(countryOptions('ru')).toHaveLength(195);
  });

  it('holds the other current ISO 3166-1 entries as territories: 249 codes in all, each once', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(249);
    expect(COUNTRIES.every((c) => /^[A-Z]{2}$/.test(c.code))).toBe(true);
    expect(territoryOptions('en').map((c) => c.code)).toEqual(
      expect.arrayContaining(['HK', 'MO', 'PR', 'GL', 'AQ', 'TW', 'EH']),
    );
  });

  it('names no country twice in either language', () => {
    for (const locale of ['en', 'ru'] as const) {
      const names = COUNTRIES.map((c) => c[locale]);
      expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    }
  });

  it('uses the UN short names, in Russian with «е» for «ё»', () => {
    const names = (code: string) => [countryName(code, 'en'), countryName(code, 'ru')];
    expect(names('KZ')).toEqual(['Kazakhstan', 'Казахстан']);
    expect(names('KG')).toEqual(['Kyrgyzstan', 'Кыргызстан']);
    expect(names('TJ')).toEqual(['Tajikistan', 'Таджикистан']);
    expect(names('TM')).toEqual(['Turkmenistan', 'Туркменистан']);
    expect(names('UZ')).toEqual(['Uzbekistan', 'Узбекистан']);
    expect(names('RU')).toEqual(['Russian Federation', 'Российская Федерация']);
    expect(names('MD')).toEqual(['Republic of Moldova', 'Республика Молдова']);
    expect(names('IR')).toEqual(['Iran (Islamic Republic of)', 'Иран (Исламская Республика)']);
    expect(names('GB')).toEqual([
      'United Kingdom of Great Britain and Northern Ireland',
      'Соединенное Королевство Великобритании и Северной Ирландии',
    ]);
    expect(names('HK')).toEqual([
      'China, Hong Kong Special Administrative Region',
      'Китай, Специальный административный район Гонконг',
    ]);
    expect(names('TR')[0]).toBe('Türkiye');
    expect(names('CI')[0]).toBe("Côte d'Ivoire");
    expect(names('VN')[0]).toBe('Viet Nam');
    expect(COUNTRIES.filter((c) => /ё/i.test(c.ru))).toEqual([]);
  });

  it('lists the five Central Asian States first, then the others in each language’s order', () => {
    for (const locale of ['en', 'ru'] as const) {
      const options = countryOptions(locale);
      expect(options.slice(0, 5).map((c) => c.code)).toEqual([...CENTRAL_ASIA]);
      const rest = options.slice(5).map((c) => c.name);
      expect(rest).toEqual([...rest].sort(new Intl.Collator(locale).compare));
      expect(rest).not.toContain(countryName('KG', locale));
    }
    expect(
      countryOptions('ru')
        .slice(0, 5)
        .map((c) => c.name),
    ).toEqual(['Казахстан', 'Кыргызстан', 'Таджикистан', 'Туркменистан', 'Узбекистан']);
    // Collation, not code points: «Ангола» after «Австрия», "Åland Islands" among the A's.
    expect(countryOptions('ru')[5]!.name).toBe('Австралия');
    expect(territoryOptions('en')[0]!.name).toBe('Åland Islands');
  });

  it('takes only the 195 States for a country, and territories too for a nationality', () => {
    expect(states.every((c) => isCountryCode(c.code) && isNationalityCode(c.code))).toBe(true);
    expect(['HK', 'PR', 'TW', 'AQ'].map(isCountryCode)).toEqual([false, false, false, false]);
    expect(['HK', 'PR', 'TW', 'AQ'].map(isNationalityCode)).toEqual([true, true, true, true]);
    for (const code of [...Object.keys(WITHDRAWN_CODES), 'XK', 'EU', 'UN', 'QO', 'ZZ', 'ru', '']) {
      expect(isCountryCode(code), code).toBe(false);
      expect(isNationalityCode(code), code).toBe(false);
    }
  });

  it('maps every withdrawn code to a current one, and names it by that one', () => {
    for (const [old, current] of Object.entries(WITHDRAWN_CODES)) expect(isNationalityCode(current), old).toBe(true);
    expect(WITHDRAWN_CODES).toMatchObject({ SU: 'RU', DD: 'DE', UK: 'GB', YU: 'RS', CS: 'RS', ZR: 'CD' });
    expect(countryName('SU', 'en')).toBe('Russian Federation');
    expect(countryName('XK', 'en')).toBe('XK');
  });
});

describe('parseCountry (the contact import)', () => {
  it('maps withdrawn codes and older names to the current State', () => {
    expect(
      ['SU', 'su', 'RU', 'Russia', 'Россия', 'Russian Federation', 'российская федерация', 'USSR'].map(parseCountry),
    ).toEqual(Array(8).fill('RU'));
    expect(['UK', 'GB', 'United Kingdom', 'Великобритания'].map(parseCountry)).toEqual(Array(4).fill('GB'));
    expect(['DD', 'YU', 'CS', 'ZR', 'TP'].map(parseCountry)).toEqual(['DE', 'RS', 'RS', 'CD', 'TL']);
  });

  it('reads the UN names and the forms spreadsheets use, whatever the case, accents or «ё»', () => {
    expect(states.every((c) => parseCountry(c.en) === c.code && parseCountry(c.ru) === c.code)).toBe(true);
    expect(['Cote d’Ivoire', 'Ivory Coast', "côte d'ivoire"].map(parseCountry)).toEqual(Array(3).fill('CI'));
    expect(['Turkey', 'Turkiye', 'Moldova', 'Молдавия', 'Vietnam', 'Киргизия'].map(parseCountry)).toEqual([
      'TR',
      'TR',
      'MD',
      'MD',
      'VN',
      'KG',
    ]);
    expect(parseCountry('Соединённое Королевство Великобритании и Северной Ирландии')).toBe('GB');
  });

  it('refuses territories and what is no country: a contact’s country is a State', () => {
    expect(
      ['HK', 'Hong Kong', 'Puerto Rico', 'AC', 'Ascension Island', 'Atlantis', 'XX', 'XK'].map(parseCountry),
    ).toEqual(Array(8).fill(null));
  });
});
