import { describe, expect, it } from 'vitest';
import { draftSummary, joinList, participantsSentence, slugFor, type SummaryFacts } from './draft';

describe('participantsSentence', () => {
  it.each([
    [1, 'en', '1 participant took part'],
    [19, 'en', '19 participants took part'],
    [20, 'en', 'Twenty participants took part'],
    [99, 'en', 'More than ninety participants took part'],
    [100, 'en', 'One hundred participants took part'],
    [104, 'en', 'More than one hundred participants took part'],
    [200, 'en', 'Two hundred participants took part'],
    [1, 'ru', 'В мероприятии принял участие 1 человек'],
    [3, 'ru', 'В мероприятии приняли участие 3 человека'],
    [19, 'ru', 'В мероприятии приняли участие 19 человек'],
    [20, 'ru', 'В мероприятии приняли участие двадцать человек'],
    [21, 'ru', 'В мероприятии приняли участие более двадцати человек'],
    [99, 'ru', 'В мероприятии приняли участие более девяноста человек'],
    [100, 'ru', 'В мероприятии приняли участие сто человек'],
    [104, 'ru', 'В мероприятии приняли участие более ста человек'],
    [200, 'ru', 'В мероприятии приняли участие двести человек'],
  ] as const)('%i (%s) → %s', (count, locale, expected) => {
    expect(participantsSentence(count, locale)).toBe(expected);
  });
});

describe('the draft', () => {
  const facts: SummaryFacts = {
    meeting: {
      titleEn: 'First meeting of the Council',
      titleRu: 'Первое заседание Совета',
      startsAt: new Date('2024-05-13T20:30:00Z'),
      timeZone: 'Asia/Tashkent',
      cityEn: 'Tashkent',
      cityRu: 'Ташкент',
    },
    council: {
      nameEn: 'Council',
      nameRu: 'Совет',
      mandateEn: 'The Council exists to help.',
      mandateRu: 'Совет помогает.',
    },
    organisers: [{ nameEn: 'United Nations Regional Centre', nameRu: 'Региональный центр ООН', acronym: 'UNRCCA' }],
    coOrganisers: [
      { nameEn: 'Office of Counter-Terrorism', nameRu: 'Контртеррористическое управление', acronym: 'UNOCT' },
      { nameEn: 'Ministry of Foreign Affairs', nameRu: null, acronym: null },
    ],
    participantCount: 21,
    countries: ['UZ', 'KZ'],
    organisationTypes: ['government', 'civil_society'],
    unEntities: [
      { nameEn: 'Office of Counter-Terrorism', nameRu: 'Контртеррористическое управление', acronym: 'UNOCT' },
    ],
    regionalOrganisations: [],
    agenda: [
      {
        kind: 'opening',
        titleEn: 'Opening',
        titleRu: 'Открытие',
        descriptionEn: '',
        descriptionRu: '',
        speakers: ['Kaha Imnadze'],
      },
      { kind: 'break', titleEn: 'Lunch', titleRu: 'Обед', descriptionEn: '', descriptionRu: '', speakers: [] },
      {
        kind: 'briefing',
        titleEn: 'Briefing for diplomats',
        titleRu: 'Брифинг для дипломатов',
        descriptionEn: '',
        descriptionRu: '',
        speakers: [],
      },
    ],
  };

  it('says when (the venue’s calendar date), where, who organised it, how many from where, and what was on the agenda', () => {
    const draft = draftSummary(facts);
    // 20:30 UTC on 13 May is 14 May in Tashkent.
    expect(draft.leadEn).toBe(
      'On 14 May 2024, United Nations Regional Centre (UNRCCA), together with Office of Counter-Terrorism (UNOCT) and Ministry of Foreign Affairs, held the first meeting of the Council in Tashkent.',
    );
    expect(draft.leadRu).toBe(
      '14 мая 2024 г. в городе Ташкент состоялось мероприятие «Первое заседание Совета». Организатор — Региональный центр ООН (UNRCCA); соорганизаторы — Контртеррористическое управление (UNOCT) и Ministry of Foreign Affairs.',
    );
    expect(draft.bodyEn).toContain(
      'More than twenty participants took part. They came from Uzbekistan and Kazakhstan. They represented state institutions and civil society.',
    );
    expect(draft.bodyRu).toContain('более двадцати человек');
    expect(draft.bodyRu).toContain('Узбекистан и Казахстан');
    expect(draft.bodyEn).toContain('- Opening (speakers: Kaha Imnadze)');
    expect(draft.bodyEn).not.toContain('Lunch');
    expect(draft.bodyEn).toContain('## Side meetings and briefings\n\n- Briefing for diplomats');
    expect(draft.slug).toBe('first-meeting-of-the-council-2024-05-14');
  });

  it('makes slugs of Latin letters, digits and hyphens, at most about 90 characters', () => {
    expect(slugFor('Заседание «Совета» — итоги!', '2024-05-14')).toBe('zasedanie-soveta-itogi-2024-05-14');
    expect(slugFor('a '.repeat(200), '2024-05-14').length).toBeLessThanOrEqual(91);
    expect(slugFor('!!!', '2024-05-14')).toBe('2024-05-14');
  });

  it('joins lists as a sentence does', () => {
    expect(joinList(['A'], 'en')).toBe('A');
    expect(joinList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(joinList(['А', 'Б'], 'ru')).toBe('А и Б');
  });
});
