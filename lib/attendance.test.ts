import { describe, expect, it } from 'vitest';
import { attendanceParagraph, joinNames, type Represented } from './attendance';

const state = (en: string, ru: string): Represented => ({ group: 'member_states', name: { en, ru } });

describe('the attendance paragraph', () => {
  const represented: Represented[] = [
    state('Uzbekistan', 'Узбекистан'),
    state('Kazakhstan', 'Казахстан'),
    state('Turkmenistan', 'Туркменистан'),
    state('Kyrgyzstan', 'Кыргызстан'),
    state('Tajikistan', 'Таджикистан'),
    // Twice (two delegates): named once.
    state('Kazakhstan', 'Казахстан'),
    { group: 'un_system', name: { en: 'UNDP', ru: 'ПРООН' } },
    { group: 'un_system', name: { en: 'UNODC', ru: 'ЮНОДК' } },
    { group: 'intergovernmental', name: { en: 'OSCE', ru: 'ОБСЕ' } },
    { group: 'other', name: { en: 'Water Partnership', ru: 'Водное партнерство' } },
  ];

  it('reads as UN reports write it in English', () => {
    expect(attendanceParagraph(represented, 'en')).toBe(
      'The meeting was attended by representatives of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and ' +
        'Uzbekistan, the following United Nations entities: UNDP and UNODC, and the following organisations: OSCE ' +
        'and Water Partnership.',
    );
  });

  it('reads as UN reports write it in Russian, names in the nominative after each colon, А–Я', () => {
    expect(attendanceParagraph(represented, 'ru')).toBe(
      'В работе совещания приняли участие представители следующих государств: Казахстан, Кыргызстан, ' +
        'Таджикистан, Туркменистан и Узбекистан; подразделений системы Организации Объединенных Наций: ПРООН и ' +
        'ЮНОДК; и организаций: Водное партнерство и ОБСЕ.',
    );
  });

  it('leaves out what nobody represented', () => {
    const states = represented.filter((r) => r.group === 'member_states');
    expect(attendanceParagraph(states, 'en')).toBe(
      'The meeting was attended by representatives of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.',
    );
    expect(attendanceParagraph(represented.slice(6), 'ru')).toBe(
      'В работе совещания приняли участие представители следующих подразделений системы Организации Объединенных ' +
        'Наций: ПРООН и ЮНОДК; и организаций: Водное партнерство и ОБСЕ.',
    );
    expect(attendanceParagraph([], 'en')).toBe('No attendance has been recorded for the meeting.');
  });

  it('joins names as a sentence does', () => {
    expect(joinNames(['A'], 'en')).toBe('A');
    expect(joinNames(['A', 'B'], 'ru')).toBe('A и B');
  });
});
