import { countryName } from './countries';

// How a note verbale names a State's ministry of foreign affairs: English, and Russian in the dative («Министерству
// иностранных дел Республики Казахстан»). The Russian needs the State's formal name in the genitive, which cannot be
// derived from lib/countries.ts' short names: the States a Central Asian secretariat writes to are listed here; for the
// others the prefill is the short name, marked to be checked (staff correct it on the delegation).

type MfaName = { en: string; ru: string };

const MFA: Readonly<Record<string, MfaName>> = {
  KZ: {
    en: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
    ru: 'Министерству иностранных дел Республики Казахстан',
  },
  KG: {
    en: 'Ministry of Foreign Affairs of the Kyrgyz Republic',
    ru: 'Министерству иностранных дел Кыргызской Республики',
  },
  TJ: {
    en: 'Ministry of Foreign Affairs of the Republic of Tajikistan',
    ru: 'Министерству иностранных дел Республики Таджикистан',
  },
  TM: { en: 'Ministry of Foreign Affairs of Turkmenistan', ru: 'Министерству иностранных дел Туркменистана' },
  UZ: {
    en: 'Ministry of Foreign Affairs of the Republic of Uzbekistan',
    ru: 'Министерству иностранных дел Республики Узбекистан',
  },
  RU: {
    en: 'Ministry of Foreign Affairs of the Russian Federation',
    ru: 'Министерству иностранных дел Российской Федерации',
  },
  CN: {
    en: "Ministry of Foreign Affairs of the People's Republic of China",
    ru: 'Министерству иностранных дел Китайской Народной Республики',
  },
  AZ: {
    en: 'Ministry of Foreign Affairs of the Republic of Azerbaijan',
    ru: 'Министерству иностранных дел Азербайджанской Республики',
  },
  IR: {
    en: 'Ministry of Foreign Affairs of the Islamic Republic of Iran',
    ru: 'Министерству иностранных дел Исламской Республики Иран',
  },
  PK: {
    en: 'Ministry of Foreign Affairs of the Islamic Republic of Pakistan',
    ru: 'Министерству иностранных дел Исламской Республики Пакистан',
  },
  IN: {
    en: 'Ministry of External Affairs of the Republic of India',
    ru: 'Министерству иностранных дел Республики Индия',
  },
  TR: {
    en: 'Ministry of Foreign Affairs of the Republic of Türkiye',
    ru: 'Министерству иностранных дел Турецкой Республики',
  },
  MN: { en: 'Ministry of Foreign Affairs of Mongolia', ru: 'Министерству иностранных дел Монголии' },
  JP: { en: 'Ministry of Foreign Affairs of Japan', ru: 'Министерству иностранных дел Японии' },
  US: {
    en: 'Department of State of the United States of America',
    ru: 'Государственному департаменту Соединенных Штатов Америки',
  },
};

/** The addressee of a note verbale to the State's foreign ministry; `checked: false` where the Russian is a guess. */
export function ministryAddressee(countryCode: string): MfaName & { checked: boolean } {
  const known = MFA[countryCode];
  if (known) return { ...known, checked: true };
  return {
    en: `Ministry of Foreign Affairs of ${countryName(countryCode, 'en')}`,
    ru: `Министерству иностранных дел (${countryName(countryCode, 'ru')})`,
    checked: false,
  };
}
