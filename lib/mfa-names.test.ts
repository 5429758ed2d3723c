import { describe, expect, it } from 'vitest';
import { CENTRAL_ASIA } from './countries';
import { ministryAddressee } from './mfa-names';

describe('ministry addressees', () => {
  it('names the five Central Asian ministries in English and in the Russian dative', () => {
    expect(ministryAddressee('KZ')).toEqual({
      en: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
      ru: 'Министерству иностранных дел Республики Казахстан',
      checked: true,
    });
    expect(ministryAddressee('KG').ru).toBe('Министерству иностранных дел Кыргызской Республики');
    expect(ministryAddressee('TM').ru).toBe('Министерству иностранных дел Туркменистана');
    for (const code of CENTRAL_ASIA) {
      const { ru, checked } = ministryAddressee(code);
      expect(checked).toBe(true);
      expect(ru).toMatch(/^Министерству /);
    }
  });

  it('falls back to the short name, marked unchecked, for a State not in the table', () => {
    expect(ministryAddressee('FR')).toEqual({
      en: 'Ministry of Foreign Affairs of France',
      ru: 'Министерству иностранных дел (Франция)',
      checked: false,
    });
  });
});
