import type { Locale } from './datetime';

// The one list of countries: every picker, form check, import, page, CSV, chart, email and document reads it.
// The 193 Member States and the two observer States of the United Nations under their UN short names (UNTERM) in
// English and Russian, and, for a delegate's nationality only, the other current ISO 3166-1 entries under their UN
// (M49) names. Written out rather than taken from Intl.DisplayNames: Intl knows withdrawn codes (SU, DD, YU…) and
// territories beside States, and names them as CLDR does («Киргизия»), not as the UN does («Кыргызстан»).
// UN Russian writes «е» for «ё» («Соединенное Королевство»).

type Entry = readonly [code: string, en: string, ru: string];

const MEMBER_STATES: readonly Entry[] = [
  ['AF', 'Afghanistan', 'Афганистан'],
  ['AL', 'Albania', 'Албания'],
  ['DZ', 'Algeria', 'Алжир'],
  ['AD', 'Andorra', 'Андорра'],
  ['AO', 'Angola', 'Ангола'],
  ['AG', 'Antigua and Barbuda', 'Антигуа и Барбуда'],
  ['AR', 'Argentina', 'Аргентина'],
  ['AM', 'Armenia', 'Армения'],
  ['AU', 'Australia', 'Австралия'],
  ['AT', 'Austria', 'Австрия'],
  ['AZ', 'Azerbaijan', 'Азербайджан'],
  ['BS', 'Bahamas', 'Багамские Острова'],
  ['BH', 'Bahrain', 'Бахрейн'],
  ['BD', 'Bangladesh', 'Бангладеш'],
  ['BB', 'Barbados', 'Барбадос'],
  ['BY', 'Belarus', 'Беларусь'],
  ['BE', 'Belgium', 'Бельгия'],
  ['BZ', 'Belize', 'Белиз'],
  ['BJ', 'Benin', 'Бенин'],
  ['BT', 'Bhutan', 'Бутан'],
  ['BO', 'Bolivia (Plurinational State of)', 'Боливия (Многонациональное Государство)'],
  ['BA', 'Bosnia and Herzegovina', 'Босния и Герцеговина'],
  ['BW', 'Botswana', 'Ботсвана'],
  ['BR', 'Brazil', 'Бразилия'],
  ['BN', 'Brunei Darussalam', 'Бруней-Даруссалам'],
  ['BG', 'Bulgaria', 'Болгария'],
  ['BF', 'Burkina Faso', 'Буркина-Фасо'],
  ['BI', 'Burundi', 'Бурунди'],
  ['CV', 'Cabo Verde', 'Кабо-Верде'],
  ['KH', 'Cambodia', 'Камбоджа'],
  ['CM', 'Cameroon', 'Камерун'],
  ['CA', 'Canada', 'Канада'],
  ['CF', 'Central African Republic', 'Центральноафриканская Республика'],
  ['TD', 'Chad', 'Чад'],
  ['CL', 'Chile', 'Чили'],
  ['CN', 'China', 'Китай'],
  ['CO', 'Colombia', 'Колумбия'],
  ['KM', 'Comoros', 'Коморские Острова'],
  ['CG', 'Congo', 'Конго'],
  ['CR', 'Costa Rica', 'Коста-Рика'],
  ['CI', "Côte d'Ivoire", "Кот-д'Ивуар"],
  ['HR', 'Croatia', 'Хорватия'],
  ['CU', 'Cuba', 'Куба'],
  ['CY', 'Cyprus', 'Кипр'],
  ['CZ', 'Czechia', 'Чехия'],
  ['KP', "Democratic People's Republic of Korea", 'Корейская Народно-Демократическая Республика'],
  ['CD', 'Democratic Republic of the Congo', 'Демократическая Республика Конго'],
  ['DK', 'Denmark', 'Дания'],
  ['DJ', 'Djibouti', 'Джибути'],
  ['DM', 'Dominica', 'Доминика'],
  ['DO', 'Dominican Republic', 'Доминиканская Республика'],
  ['EC', 'Ecuador', 'Эквадор'],
  ['EG', 'Egypt', 'Египет'],
  ['SV', 'El Salvador', 'Сальвадор'],
  ['GQ', 'Equatorial Guinea', 'Экваториальная Гвинея'],
  ['ER', 'Eritrea', 'Эритрея'],
  ['EE', 'Estonia', 'Эстония'],
  ['SZ', 'Eswatini', 'Эсватини'],
  ['ET', 'Ethiopia', 'Эфиопия'],
  ['FJ', 'Fiji', 'Фиджи'],
  ['FI', 'Finland', 'Финляндия'],
  ['FR', 'France', 'Франция'],
  ['GA', 'Gabon', 'Габон'],
  ['GM', 'Gambia', 'Гамбия'],
  ['GE', 'Georgia', 'Грузия'],
  ['DE', 'Germany', 'Германия'],
  ['GH', 'Ghana', 'Гана'],
  ['GR', 'Greece', 'Греция'],
  ['GD', 'Grenada', 'Гренада'],
  ['GT', 'Guatemala', 'Гватемала'],
  ['GN', 'Guinea', 'Гвинея'],
  ['GW', 'Guinea-Bissau', 'Гвинея-Бисау'],
  ['GY', 'Guyana', 'Гайана'],
  ['HT', 'Haiti', 'Гаити'],
  ['HN', 'Honduras', 'Гондурас'],
  ['HU', 'Hungary', 'Венгрия'],
  ['IS', 'Iceland', 'Исландия'],
  ['IN', 'India', 'Индия'],
  ['ID', 'Indonesia', 'Индонезия'],
  ['IR', 'Iran (Islamic Republic of)', 'Иран (Исламская Республика)'],
  ['IQ', 'Iraq', 'Ирак'],
  ['IE', 'Ireland', 'Ирландия'],
  ['IL', 'Israel', 'Израиль'],
  ['IT', 'Italy', 'Италия'],
  ['JM', 'Jamaica', 'Ямайка'],
  ['JP', 'Japan', 'Япония'],
  ['JO', 'Jordan', 'Иордания'],
  ['KZ', 'Kazakhstan', 'Казахстан'],
  ['KE', 'Kenya', 'Кения'],
  ['KI', 'Kiribati', 'Кирибати'],
  ['KW', 'Kuwait', 'Кувейт'],
  ['KG', 'Kyrgyzstan', 'Кыргызстан'],
  ['LA', "Lao People's Democratic Republic", 'Лаосская Народно-Демократическая Республика'],
  ['LV', 'Latvia', 'Латвия'],
  ['LB', 'Lebanon', 'Ливан'],
  ['LS', 'Lesotho', 'Лесото'],
  ['LR', 'Liberia', 'Либерия'],
  ['LY', 'Libya', 'Ливия'],
  ['LI', 'Liechtenstein', 'Лихтенштейн'],
  ['LT', 'Lithuania', 'Литва'],
  ['LU', 'Luxembourg', 'Люксембург'],
  ['MG', 'Madagascar', 'Мадагаскар'],
  ['MW', 'Malawi', 'Малави'],
  ['MY', 'Malaysia', 'Малайзия'],
  ['MV', 'Maldives', 'Мальдивские Острова'],
  ['ML', 'Mali', 'Мали'],
  ['MT', 'Malta', 'Мальта'],
  ['MH', 'Marshall Islands', 'Маршалловы Острова'],
  ['MR', 'Mauritania', 'Мавритания'],
  ['MU', 'Mauritius', 'Маврикий'],
  ['MX', 'Mexico', 'Мексика'],
  ['FM', 'Micronesia (Federated States of)', 'Микронезия (Федеративные Штаты)'],
  ['MC', 'Monaco', 'Монако'],
  ['MN', 'Mongolia', 'Монголия'],
  ['ME', 'Montenegro', 'Черногория'],
  ['MA', 'Morocco', 'Марокко'],
  ['MZ', 'Mozambique', 'Мозамбик'],
  ['MM', 'Myanmar', 'Мьянма'],
  ['NA', 'Namibia', 'Намибия'],
  ['NR', 'Nauru', 'Науру'],
  ['NP', 'Nepal', 'Непал'],
  ['NL', 'Netherlands (Kingdom of the)', 'Нидерланды (Королевство)'],
  ['NZ', 'New Zealand', 'Новая Зеландия'],
  ['NI', 'Nicaragua', 'Никарагуа'],
  ['NE', 'Niger', 'Нигер'],
  ['NG', 'Nigeria', 'Нигерия'],
  ['MK', 'North Macedonia', 'Северная Македония'],
  ['NO', 'Norway', 'Норвегия'],
  ['OM', 'Oman', 'Оман'],
  ['PK', 'Pakistan', 'Пакистан'],
  ['PW', 'Palau', 'Палау'],
  ['PA', 'Panama', 'Панама'],
  ['PG', 'Papua New Guinea', 'Папуа — Новая Гвинея'],
  ['PY', 'Paraguay', 'Парагвай'],
  ['PE', 'Peru', 'Перу'],
  ['PH', 'Philippines', 'Филиппины'],
  ['PL', 'Poland', 'Польша'],
  ['PT', 'Portugal', 'Португалия'],
  ['QA', 'Qatar', 'Катар'],
  ['KR', 'Republic of Korea', 'Республика Корея'],
  ['MD', 'Republic of Moldova', 'Республика Молдова'],
  ['RO', 'Romania', 'Румыния'],
  ['RU', 'Russian Federation', 'Российская Федерация'],
  ['RW', 'Rwanda', 'Руанда'],
  ['KN', 'Saint Kitts and Nevis', 'Сент-Китс и Невис'],
  ['LC', 'Saint Lucia', 'Сент-Люсия'],
  ['VC', 'Saint Vincent and the Grenadines', 'Сент-Винсент и Гренадины'],
  ['WS', 'Samoa', 'Самоа'],
  ['SM', 'San Marino', 'Сан-Марино'],
  ['ST', 'Sao Tome and Principe', 'Сан-Томе и Принсипи'],
  ['SA', 'Saudi Arabia', 'Саудовская Аравия'],
  ['SN', 'Senegal', 'Сенегал'],
  ['RS', 'Serbia', 'Сербия'],
  ['SC', 'Seychelles', 'Сейшельские Острова'],
  ['SL', 'Sierra Leone', 'Сьерра-Леоне'],
  ['SG', 'Singapore', 'Сингапур'],
  ['SK', 'Slovakia', 'Словакия'],
  ['SI', 'Slovenia', 'Словения'],
  ['SB', 'Solomon Islands', 'Соломоновы Острова'],
  ['SO', 'Somalia', 'Сомали'],
  ['ZA', 'South Africa', 'Южная Африка'],
  ['SS', 'South Sudan', 'Южный Судан'],
  ['ES', 'Spain', 'Испания'],
  ['LK', 'Sri Lanka', 'Шри-Ланка'],
  ['SD', 'Sudan', 'Судан'],
  ['SR', 'Suriname', 'Суринам'],
  ['SE', 'Sweden', 'Швеция'],
  ['CH', 'Switzerland', 'Швейцария'],
  ['SY', 'Syrian Arab Republic', 'Сирийская Арабская Республика'],
  ['TJ', 'Tajikistan', 'Таджикистан'],
  ['TH', 'Thailand', 'Таиланд'],
  ['TL', 'Timor-Leste', 'Тимор-Лешти'],
  ['TG', 'Togo', 'Того'],
  ['TO', 'Tonga', 'Тонга'],
  ['TT', 'Trinidad and Tobago', 'Тринидад и Тобаго'],
  ['TN', 'Tunisia', 'Тунис'],
  ['TR', 'Türkiye', 'Турция'],
  ['TM', 'Turkmenistan', 'Туркменистан'],
  ['TV', 'Tuvalu', 'Тувалу'],
  ['UG', 'Uganda', 'Уганда'],
  ['UA', 'Ukraine', 'Украина'],
  ['AE', 'United Arab Emirates', 'Объединенные Арабские Эмираты'],
  [
    'GB',
    'United Kingdom of Great Britain and Northern Ireland',
    'Соединенное Королевство Великобритании и Северной Ирландии',
  ],
  ['TZ', 'United Republic of Tanzania', 'Объединенная Республика Танзания'],
  ['US', 'United States of America', 'Соединенные Штаты Америки'],
  ['UY', 'Uruguay', 'Уругвай'],
  ['UZ', 'Uzbekistan', 'Узбекистан'],
  ['VU', 'Vanuatu', 'Вануату'],
  ['VE', 'Venezuela (Bolivarian Republic of)', 'Венесуэла (Боливарианская Республика)'],
  ['VN', 'Viet Nam', 'Вьетнам'],
  ['YE', 'Yemen', 'Йемен'],
  ['ZM', 'Zambia', 'Замбия'],
  ['ZW', 'Zimbabwe', 'Зимбабве'],
];

const OBSERVER_STATES: readonly Entry[] = [
  ['VA', 'Holy See', 'Святой Престол'],
  ['PS', 'State of Palestine', 'Государство Палестина'],
];

/** The rest of ISO 3166-1: offered for nationality only, never as a country of a contact, body or meeting. */
const TERRITORIES: readonly Entry[] = [
  ['AX', 'Åland Islands', 'Аландские острова'],
  ['AS', 'American Samoa', 'Американское Самоа'],
  ['AI', 'Anguilla', 'Ангилья'],
  ['AQ', 'Antarctica', 'Антарктика'],
  ['AW', 'Aruba', 'Аруба'],
  ['BM', 'Bermuda', 'Бермудские острова'],
  ['BQ', 'Bonaire, Sint Eustatius and Saba', 'Бонайре, Синт-Эстатиус и Саба'],
  ['BV', 'Bouvet Island', 'Остров Буве'],
  ['IO', 'British Indian Ocean Territory', 'Британская территория в Индийском океане'],
  ['VG', 'British Virgin Islands', 'Британские Виргинские острова'],
  ['KY', 'Cayman Islands', 'Каймановы острова'],
  ['HK', 'China, Hong Kong Special Administrative Region', 'Китай, Специальный административный район Гонконг'],
  ['MO', 'China, Macao Special Administrative Region', 'Китай, Специальный административный район Макао'],
  ['CX', 'Christmas Island', 'Остров Рождества'],
  ['CC', 'Cocos (Keeling) Islands', 'Кокосовые (Килинг) острова'],
  ['CK', 'Cook Islands', 'Острова Кука'],
  ['CW', 'Curaçao', 'Кюрасао'],
  ['FK', 'Falkland Islands (Malvinas)', 'Фолклендские (Мальвинские) острова'],
  ['FO', 'Faroe Islands', 'Фарерские острова'],
  ['GF', 'French Guiana', 'Французская Гвиана'],
  ['PF', 'French Polynesia', 'Французская Полинезия'],
  ['TF', 'French Southern Territories', 'Французские Южные территории'],
  ['GI', 'Gibraltar', 'Гибралтар'],
  ['GL', 'Greenland', 'Гренландия'],
  ['GP', 'Guadeloupe', 'Гваделупа'],
  ['GU', 'Guam', 'Гуам'],
  ['GG', 'Guernsey', 'Гернси'],
  ['HM', 'Heard Island and McDonald Islands', 'Остров Херд и острова Макдональд'],
  ['IM', 'Isle of Man', 'Остров Мэн'],
  ['JE', 'Jersey', 'Джерси'],
  ['MQ', 'Martinique', 'Мартиника'],
  ['YT', 'Mayotte', 'Майотта'],
  ['MS', 'Montserrat', 'Монтсеррат'],
  ['NC', 'New Caledonia', 'Новая Каледония'],
  ['NU', 'Niue', 'Ниуэ'],
  ['NF', 'Norfolk Island', 'Остров Норфолк'],
  ['MP', 'Northern Mariana Islands', 'Северные Марианские острова'],
  ['PN', 'Pitcairn', 'Питкэрн'],
  ['PR', 'Puerto Rico', 'Пуэрто-Рико'],
  ['RE', 'Réunion', 'Реюньон'],
  ['BL', 'Saint Barthélemy', 'Сен-Бартелеми'],
  ['SH', 'Saint Helena', 'Остров Святой Елены'],
  ['MF', 'Saint Martin (French Part)', 'Сен-Мартен (французская часть)'],
  ['PM', 'Saint Pierre and Miquelon', 'Сен-Пьер и Микелон'],
  ['SX', 'Sint Maarten (Dutch part)', 'Синт-Мартен (нидерландская часть)'],
  ['GS', 'South Georgia and the South Sandwich Islands', 'Южная Джорджия и Южные Сандвичевы острова'],
  ['SJ', 'Svalbard and Jan Mayen Islands', 'Острова Шпицберген и Ян-Майен'],
  ['TW', 'Taiwan, Province of China', 'Тайвань, провинция Китая'],
  ['TK', 'Tokelau', 'Токелау'],
  ['TC', 'Turks and Caicos Islands', 'Острова Теркс и Кайкос'],
  ['UM', 'United States Minor Outlying Islands', 'Внешние малые острова Соединенных Штатов'],
  ['VI', 'United States Virgin Islands', 'Виргинские острова Соединенных Штатов'],
  ['WF', 'Wallis and Futuna Islands', 'Острова Уоллис и Футуна'],
  ['EH', 'Western Sahara', 'Западная Сахара'],
];

export type CountryKind = 'member' | 'observer' | 'territory';
export type Country = { code: string; en: string; ru: string; kind: CountryKind };

const entries = (list: readonly Entry[], kind: CountryKind): Country[] =>
  list.map(([code, en, ru]) => ({ code, en, ru, kind }));

/** Every entry: the 195 States, then the territories. */
export const COUNTRIES: readonly Country[] = [
  ...entries(MEMBER_STATES, 'member'),
  ...entries(OBSERVER_STATES, 'observer'),
  ...entries(TERRITORIES, 'territory'),
];

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));

/**
 * Codes that ISO 3166-1 withdrew (SU, DD, YU…) or reserves for parts of an entry (UK, EA, AC…), which older data
 * and spreadsheets still carry, and the current code each stands for. drizzle/0011_un_country_codes.sql applied this
 * table to the stored data (its test holds the two together); the importer applies it to what it reads.
 */
export const WITHDRAWN_CODES: Readonly<Record<string, string>> = {
  AC: 'SH', // Ascension Island
  AN: 'CW', // Netherlands Antilles (as Intl names it today)
  BU: 'MM', // Burma
  CP: 'FR', // Clipperton Island
  CQ: 'GG', // Sark
  CS: 'RS', // Serbia and Montenegro
  DD: 'DE', // German Democratic Republic
  DG: 'IO', // Diego Garcia
  DY: 'BJ', // Dahomey
  EA: 'ES', // Ceuta and Melilla
  FX: 'FR', // Metropolitan France
  HV: 'BF', // Upper Volta
  IC: 'ES', // Canary Islands
  NH: 'VU', // New Hebrides
  RH: 'ZW', // Southern Rhodesia
  SU: 'RU', // USSR
  TA: 'SH', // Tristan da Cunha
  TP: 'TL', // East Timor
  UK: 'GB', // United Kingdom
  VD: 'VN', // Democratic Republic of Viet-Nam
  YD: 'YE', // Democratic Yemen
  YU: 'RS', // Yugoslavia
  ZR: 'CD', // Zaire
};

export const CENTRAL_ASIA = ['KZ', 'KG', 'TJ', 'TM', 'UZ'] as const;

/** «Кыргызстан» / "Kyrgyzstan" for a code; a withdrawn code by its successor's name; an unknown code as itself. */
export function countryName(code: string, locale: Locale): string {
  return (byCode.get(code) ?? byCode.get(WITHDRAWN_CODES[code] ?? ''))?.[locale] ?? code;
}

/** One of the 195 States: what a contact's, organisation's, registration's, nominating or host country takes. */
export function isCountryCode(code: string): boolean {
  const country = byCode.get(code);
  return country !== undefined && country.kind !== 'territory';
}

/** A State or another current ISO 3166-1 entry: what a delegate's nationality takes. */
export function isNationalityCode(code: string): boolean {
  return byCode.has(code);
}

export type CountryOption = { code: string; name: string };

const collated = (list: readonly Country[], locale: Locale): CountryOption[] => {
  const { compare } = new Intl.Collator(locale);
  return list.map((c) => ({ code: c.code, name: c[locale] })).sort((a, b) => compare(a.name, b.name));
};

const statesByLocale = new Map<Locale, CountryOption[]>();
const territoriesByLocale = new Map<Locale, CountryOption[]>();

/** The 195 States for pickers: the five Central Asian States first, then the rest in the language's order. */
export function countryOptions(locale: Locale): CountryOption[] {
  let options = statesByLocale.get(locale);
  if (!options) {
    const states = collated(
      COUNTRIES.filter((c) => c.kind !== 'territory'),
      locale,
    );
    const first = CENTRAL_ASIA.map((code) => states.find((c) => c.code === code)!);
    options = [...first, ...states.filter((c) => !first.includes(c))];
    statesByLocale.set(locale, options);
  }
  return options;
}

/** The other ISO 3166-1 entries, in the language's order: offered after the States for nationality. */
export function territoryOptions(locale: Locale): CountryOption[] {
  let options = territoriesByLocale.get(locale);
  if (!options) {
    options = collated(
      COUNTRIES.filter((c) => c.kind === 'territory'),
      locale,
    );
    territoriesByLocale.set(locale, options);
  }
  return options;
}

// Names spreadsheets use besides the UN's: official long forms, common short forms and older names.
const COUNTRY_ALIASES: Record<string, string> = {
  'kyrgyz republic': 'KG',
  'republic of kazakhstan': 'KZ',
  'republic of uzbekistan': 'UZ',
  'republic of tajikistan': 'TJ',
  киргизия: 'KG',
  'кыргызская республика': 'KG',
  'киргизская республика': 'KG',
  'республика казахстан': 'KZ',
  'республика узбекистан': 'UZ',
  'республика таджикистан': 'TJ',
  russia: 'RU',
  россия: 'RU',
  'soviet union': 'RU',
  ussr: 'RU',
  ссср: 'RU',
  moldova: 'MD',
  молдова: 'MD',
  молдавия: 'MD',
  iran: 'IR',
  иран: 'IR',
  usa: 'US',
  'united states': 'US',
  сша: 'US',
  uk: 'GB',
  'united kingdom': 'GB',
  'great britain': 'GB',
  великобритания: 'GB',
  vietnam: 'VN',
  turkey: 'TR',
  'czech republic': 'CZ',
  'south korea': 'KR',
  'north korea': 'KP',
  laos: 'LA',
  syria: 'SY',
  tanzania: 'TZ',
  bolivia: 'BO',
  venezuela: 'VE',
  netherlands: 'NL',
  'ivory coast': 'CI',
  'cape verde': 'CV',
  swaziland: 'SZ',
  macedonia: 'MK',
  'east timor': 'TL',
  'vatican city': 'VA',
  palestine: 'PS',
  yugoslavia: 'RS',
  'serbia and montenegro': 'RS',
  афганистан: 'AF',
};

// Case, spacing, «ё», apostrophes and accents aside ("Cote d’Ivoire" is "Côte d'Ivoire").
const normaliseCountryName = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();

const stateCode = (code: string): string | null => {
  const current = WITHDRAWN_CODES[code] ?? code;
  return isCountryCode(current) ? current : null;
};

let countryLookup: Map<string, string> | undefined;

function lookupTable(): Map<string, string> {
  if (countryLookup) return countryLookup;
  const table = new Map<string, string>();
  // The names CLDR gives (the pickers' names until the UN list), so files written from them still import.
  for (const locale of ['en', 'ru'] as const) {
    const cldr = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of [...byCode.keys(), ...Object.keys(WITHDRAWN_CODES)]) {
      const name = cldr.of(code);
      const state = stateCode(code);
      if (name && state) table.set(normaliseCountryName(name), state);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) table.set(normaliseCountryName(alias), code);
  for (const c of COUNTRIES) {
    if (c.kind === 'territory') continue;
    table.set(normaliseCountryName(c.en), c.code);
    table.set(normaliseCountryName(c.ru), c.code);
  }
  countryLookup = table;
  return table;
}

/**
 * The State a spreadsheet names, as a current code: "KZ", "kz", "Kazakhstan ", «Казахстан», "Kyrgyz Republic",
 * "SU" → "RU". Null for anything else, territories included (a contact's country is a State).
 */
export function parseCountry(written: string): string | null {
  const trimmed = written.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const state = stateCode(trimmed.toUpperCase());
    if (state) return state;
  }
  return lookupTable().get(normaliseCountryName(trimmed)) ?? null;
}
