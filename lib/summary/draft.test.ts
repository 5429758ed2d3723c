import { describe, expect, it } from 'vitest';
import {
  type FactOrganisation,
  draftSummary,
  inCityRu,
  joinList,
  participantsSentence,
  slugFor,
  speakerNames,
  type SummaryFacts,
  takesDefiniteArticle,
} from './draft';
import { renderMarkdown } from './markdown';

describe('participantsSentence', () => {
  it.each([
    [1, 'en', '1 participant took part'],
    [19, 'en', '19 participants took part'],
    [20, 'en', 'Twenty participants took part'],
    [99, 'en', 'More than ninety participants took part'],
    [100, 'en', 'One hundred participants took part'],
    [104, 'en', 'More than one hundred participants took part'],
    [200, 'en', 'Two hundred participants took part'],
    [1, 'ru', 'В совещании принял участие 1 человек'],
    [3, 'ru', 'В совещании приняли участие 3 человека'],
    [19, 'ru', 'В совещании приняли участие 19 человек'],
    [20, 'ru', 'В совещании приняли участие двадцать человек'],
    [21, 'ru', 'В совещании приняли участие более двадцати человек'],
    [99, 'ru', 'В совещании приняли участие более девяноста человек'],
    [100, 'ru', 'В совещании приняли участие сто человек'],
    [104, 'ru', 'В совещании приняли участие более ста человек'],
    [200, 'ru', 'В совещании приняли участие двести человек'],
  ] as const)('%i (%s) → %s', (count, locale, expected) => {
    expect(participantsSentence(count, locale)).toBe(expected);
  });

  it('says the count is of registrations where nobody was checked in', () => {
    expect(participantsSentence(104, 'en', 'registered')).toBe('More than one hundred participants registered');
    expect(participantsSentence(1, 'ru', 'registered')).toBe('Для участия в совещании зарегистрировался 1 человек');
    expect(participantsSentence(104, 'ru', 'registered')).toBe(
      'Для участия в совещании зарегистрировались более ста человек',
    );
  });
});

const org = (nameEn: string, nameRu: string | null, acronym: string | null, acronymRu: string | null) =>
  ({ nameEn, nameRu, acronym, acronymRu }) satisfies FactOrganisation;

const UNRCCA = org(
  'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
  'Региональный центр ООН по превентивной дипломатии для Центральной Азии',
  'UNRCCA',
  'РЦПДЦА',
);
const UNOCT = org(
  'United Nations Office of Counter-Terrorism',
  'Контртеррористическое управление ООН',
  'UNOCT',
  'КТУ ООН',
);
const MFA = org('Ministry of Foreign Affairs', null, null, null);
const OSCE = org('Organization for Security and Co-operation in Europe', 'ОБСЕ', 'OSCE', 'ОБСЕ');

describe('the draft', () => {
  const facts: SummaryFacts = {
    meeting: {
      titleEn: 'First meeting of the Council',
      titleRu: 'Первое заседание Совета',
      startsAt: new Date('2024-05-13T20:30:00Z'),
      timeZone: 'Asia/Tashkent',
      cityEn: 'Tashkent',
      cityRu: 'Ташкент',
      cityRuLocative: null,
    },
    council: {
      nameEn: 'Council',
      nameRu: 'Совет',
      mandateEn: 'The Council exists to help.',
      mandateRu: 'Совет помогает.',
    },
    organisers: [UNRCCA],
    coOrganisers: [UNOCT, MFA],
    participantCount: 21,
    participantBasis: 'attended',
    countries: ['UZ', 'KZ'],
    organisationTypes: ['government', 'civil_society'],
    unEntities: [UNOCT],
    regionalOrganisations: [OSCE],
    agenda: [
      {
        kind: 'opening',
        titleEn: 'Opening',
        titleRu: 'Открытие',
        descriptionEn: '',
        descriptionRu: '',
        speakers: [{ en: 'Kaha Imnadze', ru: 'Каха Имнадзе' }],
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

  it('says where, who organised it, how many from where, and what was on the agenda', () => {
    const draft = draftSummary(facts);
    expect(draft.leadEn).toBe(
      'The United Nations Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA) held the first meeting of the Council in Tashkent, in partnership with the United Nations Office of Counter-Terrorism (UNOCT) and the Ministry of Foreign Affairs.',
    );
    expect(draft.leadRu).toBe(
      'В Ташкенте состоялось первое заседание Совета. Организатор — Региональный центр ООН по превентивной дипломатии для Центральной Азии (РЦПДЦА); соорганизаторы — Контртеррористическое управление ООН (КТУ ООН) и Ministry of Foreign Affairs.',
    );
    expect(draft.bodyEn).toContain(
      'More than twenty participants took part. They came from Uzbekistan and Kazakhstan. They represented state institutions and civil society.',
    );
    expect(draft.bodyEn).toContain(
      'The United Nations system was also represented by the United Nations Office of Counter-Terrorism (UNOCT). The regional organisations represented were the Organization for Security and Co-operation in Europe (OSCE).',
    );
    expect(draft.bodyRu).toContain('В совещании приняли участие более двадцати человек');
    expect(draft.bodyRu).toContain('Узбекистан и Казахстан');
    expect(draft.bodyRu).toContain(
      'Систему ООН также представляли Контртеррористическое управление ООН (КТУ ООН). В совещании участвовали региональные организации: ОБСЕ.',
    );
    expect(draft.bodyEn).toContain('- Opening (speakers: Kaha Imnadze)');
    expect(draft.bodyRu).toContain('- Открытие (выступающие: Каха Имнадзе)');
    expect(draft.bodyEn).not.toContain('Lunch');
    expect(draft.bodyEn).toContain('## Side meetings and briefings\n\n- Briefing for diplomats');
    expect(draft.slug).toBe('first-meeting-of-the-council-2024-05-14');
  });

  it('leaves the date to the dateline: the lead does not state it again', () => {
    // The published item opens «ТАШКЕНТ, 14 мая 2024 г. — » (components/news/news-article.tsx), then the lead.
    const draft = draftSummary(facts);
    for (const lead of [draft.leadEn, draft.leadRu]) {
      expect(lead).not.toMatch(/2024|\b14\b|May|мая/);
    }
  });

  it('says «в Ташкенте»: the meeting’s own locative, else the capital’s, else «в городе …»', () => {
    expect(inCityRu('Ташкент', null)).toBe('в Ташкенте');
    expect(inCityRu('Астана', null)).toBe('в Астане');
    expect(inCityRu('Бишкек', '')).toBe('в Бишкеке');
    expect(inCityRu('Душанбе', null)).toBe('в Душанбе');
    expect(inCityRu('Ашхабад', null)).toBe('в Ашхабаде');
    expect(inCityRu('Самарканд', null)).toBe('в городе Самарканд');
    expect(inCityRu('Самарканд', 'Самарканде')).toBe('в Самарканде');
    expect(inCityRu('Вена', 'в Вене')).toBe('в Вене');
    expect(inCityRu('Владивосток', 'Во Владивостоке')).toBe('во Владивостоке');
    expect(inCityRu(null, null)).toBeNull();

    const draft = draftSummary({
      ...facts,
      meeting: { ...facts.meeting, cityEn: 'Samarkand', cityRu: 'Самарканд', cityRuLocative: 'Самарканде' },
    });
    expect(draft.leadRu).toMatch(/^В Самарканде состоялось первое заседание Совета\./);
    expect(draftSummary(facts).leadRu).not.toContain('в городе');
  });

  it('puts "the" before institutions named by a common noun, not before proper names', () => {
    for (const name of [
      'United Nations Office on Drugs and Crime',
      'Ministry of Foreign Affairs of the Republic of Uzbekistan',
      'Institute for Strategic and Regional Studies under the President of the Republic of Uzbekistan',
      'State Security Service of the Republic of Uzbekistan',
      "Family and Women's Committee",
      'Organization for Security and Co-operation in Europe',
      'Counter-Terrorism Committee Executive Directorate',
      'Shanghai Cooperation Organisation',
      'Conference on Interaction and Confidence Building Measures in Asia',
      'Commonwealth of Independent States',
      'Aga Khan Foundation',
      'European Union',
    ])
      expect(takesDefiniteArticle(name), name).toBe(true);
    for (const name of ['UNICEF', 'Saferworld', 'Nazarbayev University', 'Human Rights Watch', 'The Asia Foundation'])
      expect(takesDefiniteArticle(name), name).toBe(false);

    const draft = draftSummary({ ...facts, coOrganisers: [org('The Asia Foundation', null, null, null)] });
    expect(draft.leadEn).toContain('in partnership with the Asia Foundation.');
    const unicef = draftSummary({ ...facts, organisers: [org('UNICEF', 'ЮНИСЕФ', null, null)], coOrganisers: [] });
    expect(unicef.leadEn).toBe('UNICEF held the first meeting of the Council in Tashkent.');
  });

  it('names the organiser and two partners in the first sentence, and the other co-organisers in a second', () => {
    const others = [
      org('State Security Service of the Republic of Uzbekistan', 'Служба государственной безопасности', 'SSS', 'СГБ'),
      org("Family and Women's Committee", 'Комитет по делам семьи и женщин', null, null),
      OSCE,
    ];
    const draft = draftSummary({ ...facts, coOrganisers: [UNOCT, MFA, ...others] });
    const [first, second, ...rest] = draft.leadEn.split(/(?<=\.) (?=[A-Z])/);
    expect(first).toBe(
      'The United Nations Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA) held the first meeting of the Council in Tashkent, in partnership with the United Nations Office of Counter-Terrorism (UNOCT) and the Ministry of Foreign Affairs.',
    );
    expect(second).toBe(
      "The State Security Service of the Republic of Uzbekistan (SSS), the Family and Women's Committee and the Organization for Security and Co-operation in Europe (OSCE) also co-organised the meeting.",
    );
    expect(rest).toEqual([]);
    expect(draft.leadRu).toBe(
      'В Ташкенте состоялось первое заседание Совета. Организатор — Региональный центр ООН по превентивной дипломатии для Центральной Азии (РЦПДЦА); соорганизаторы — Контртеррористическое управление ООН (КТУ ООН) и Ministry of Foreign Affairs. Среди соорганизаторов также Служба государственной безопасности (СГБ), Комитет по делам семьи и женщин и ОБСЕ.',
    );

    const noOrganiser = draftSummary({ ...facts, organisers: [], coOrganisers: [UNOCT] });
    expect(noOrganiser.leadEn).toBe(
      'The first meeting of the Council took place in Tashkent. The United Nations Office of Counter-Terrorism (UNOCT) co-organised the meeting.',
    );
    expect(noOrganiser.leadRu).toBe(
      'В Ташкенте состоялось первое заседание Совета. Соорганизаторы — Контртеррористическое управление ООН (КТУ ООН).',
    );
  });

  it('writes the Russian draft with Russian acronyms, falling back to the English one only where none is on file', () => {
    const draft = draftSummary(facts);
    const russian = `${draft.headlineRu} ${draft.leadRu} ${draft.bodyRu}`;
    for (const latin of ['UNRCCA', 'UNOCT', 'OSCE']) expect(russian).not.toContain(latin);
    expect(russian).toContain('(РЦПДЦА)');
  });

  const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it.each([
    'Anna_Maria *Bold* Smith',
    '__init__ and **strong**',
    '[link](https://example.org)',
    '![pixel](x.png)',
    '<b onmouseover=alert(1)>Kaha</b>',
    '# Heading',
    '1. First',
    '- Dash',
    '+ Plus',
    '> Quote',
    'a\\*b',
    '`code`',
    '~~struck~~',
    'A & B &amp; C',
    'a | b',
    'https://example.org, www.example.org and kaha@example.org',
  ])('pastes %j into the Markdown body as text: it renders exactly as written', (text) => {
    const draft = draftSummary({
      ...facts,
      countries: [],
      organisationTypes: [],
      council: { ...facts.council, mandateEn: text },
      unEntities: [org(text, text, null, null)],
      regionalOrganisations: [],
      agenda: [
        {
          kind: 'opening',
          titleEn: text,
          titleRu: text,
          descriptionEn: text,
          descriptionRu: text,
          speakers: [{ en: text, ru: text }],
        },
      ],
    });
    const html = renderMarkdown(draft.bodyEn);
    const shown = escapeHtml(text);
    expect(html).toContain(`<h2>About the Council</h2>\n<p>${shown}</p>`);
    expect(html).toContain(`<ul>\n<li>${shown} (speakers: ${shown}). ${shown}</li>\n</ul>`);
    expect(html).toContain(`represented by ${takesDefiniteArticle(text) ? 'the ' : ''}${shown}.</p>`);
    expect(renderMarkdown(draft.bodyRu)).toContain(`<li>${shown} (выступающие: ${shown}). ${shown}</li>`);
  });

  it('keeps a speaker whose name is all markup: never "(speakers: )"', () => {
    const draft = draftSummary({
      ...facts,
      agenda: [{ ...facts.agenda[0]!, speakers: [{ en: '<Kaha>', ru: '<Каха>' }] }],
    });
    expect(renderMarkdown(draft.bodyEn)).toContain('<li>Opening (speakers: &lt;Kaha&gt;)</li>');
    expect(renderMarkdown(draft.bodyRu)).toContain('<li>Открытие (выступающие: &lt;Каха&gt;)</li>');
  });

  it('makes slugs of Latin letters, digits and hyphens, at most about 90 characters', () => {
    expect(slugFor('Заседание «Совета» — итоги!', '2024-05-14')).toBe('zasedanie-soveta-itogi-2024-05-14');
    expect(slugFor('a '.repeat(200), '2024-05-14').length).toBeLessThanOrEqual(91);
    expect(slugFor('!!!', '2024-05-14')).toBe('2024-05-14');
  });

  it('puts "the" before the countries United Nations English names with it', () => {
    const draft = draftSummary({ ...facts, countries: ['UZ', 'US', 'RU', 'SD', 'SS', 'IR', 'MH'] });
    expect(draft.bodyEn).toContain(
      'They came from Uzbekistan, the United States of America, the Russian Federation, the Sudan, South Sudan, Iran (Islamic Republic of) and the Marshall Islands.',
    );
    expect(draft.bodyRu).toContain('Узбекистан, Соединенные Штаты Америки, Российская Федерация');
  });

  it('joins lists as a sentence does', () => {
    expect(joinList(['A'], 'en')).toBe('A');
    expect(joinList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(joinList(['А', 'Б'], 'ru')).toBe('А и Б');
  });
});

describe('speakerNames', () => {
  it('names speakers in Russian as they write themselves, and in English in Latin script', () => {
    // Registered as «Асель Омарова» (her own spelling), listed in the directory in Latin script.
    expect(
      speakerNames({
        name: 'Asel Omarova',
        nameLatin: null,
        displayName: 'Асель Омарова',
        passportName: 'OMAROVA ASEL',
      }),
    ).toEqual({ en: 'Asel Omarova', ru: 'Асель Омарова' });
    // A corrected spelling on the latest registration wins over the directory's.
    expect(
      speakerNames({
        name: 'Асель Омаров',
        nameLatin: 'Asel Omarova',
        displayName: 'Асель Омарова',
        passportName: null,
      }),
    ).toEqual({ en: 'Asel Omarova', ru: 'Асель Омарова' });
    // Cyrillic only: the passport spelling, else a transliteration.
    expect(
      speakerNames({ name: 'Бахтиёр Рахимов', nameLatin: null, displayName: null, passportName: 'BAKHTIYOR RAKHIMOV' })
        .en,
    ).toBe('BAKHTIYOR RAKHIMOV');
    expect(speakerNames({ name: 'Бахтиёр Рахимов', nameLatin: null, displayName: null, passportName: null })).toEqual({
      en: 'Bakhtiyor Rakhimov',
      ru: 'Бахтиёр Рахимов',
    });
    // Latin only: the same in both drafts (no Russian spelling is on file).
    expect(speakerNames({ name: 'Kaha Imnadze', nameLatin: null, displayName: null, passportName: null })).toEqual({
      en: 'Kaha Imnadze',
      ru: 'Kaha Imnadze',
    });
  });
});
