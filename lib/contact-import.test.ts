import { describe, expect, it } from 'vitest';
import { mappingFromHeaders, mappingProblems, readContactsFile, readRow } from './contact-import';
import { parseCountry } from './countries';

describe('reading a contacts file', () => {
  it('recognises English and Russian headers, and asks when a column is unknown', () => {
    expect(
      mappingFromHeaders([
        'Full name',
        'E-mail',
        'Organization',
        'Acronym',
        'Country',
        'Position',
        'Language',
        'Phone',
        'Notes',
      ]),
    ).toMatchObject({
      mapping: ['name', 'email', 'organisation', 'acronym', 'country', 'title', 'language', 'phone', 'notes'],
      complete: true,
    });
    expect(
      mappingFromHeaders([
        'ФИО',
        'Электронная почта',
        'Организация',
        'Аббревиатура',
        'Страна',
        'Должность',
        'Язык',
        'Телефон',
        'Примечание',
      ]).complete,
    ).toBe(true);
    expect(mappingFromHeaders(['Имя', 'Почта', 'Комната'])).toEqual({
      mapping: ['name', 'email', null],
      unknownHeaders: ['Комната'],
      complete: false,
    });
    expect(mappingProblems(['name', 'name'])).toEqual([
      'Choose which column holds the email.',
      'Only one column can be “Full name”.',
    ]);
  });

  it('reads a row: trimmed, lower-cased email, country by ISO code or English or Russian name, formula guard off', () => {
    const mapping = mappingFromHeaders([
      'Full name',
      'Email',
      'Country',
      'Language',
      'Phone',
      'Tags',
      'Organisation',
      'Acronym',
    ]).mapping;
    expect(
      readRow(
        [
          '  Aidana Jumaeva ',
          '  AIDANA.JUMAEVA26@MFA-TJ.EXAMPLE.ORG ',
          'Таджикистан',
          'EN',
          "'+992 37 000",
          'Focal point; expert, focal point',
          'Ministry',
          'MFA TJ',
        ],
        mapping,
      ),
    ).toEqual({
      ok: true,
      contact: {
        name: 'Aidana Jumaeva',
        nameLatin: null,
        email: 'aidana.jumaeva26@mfa-tj.example.org',
        organisation: { name: 'Ministry', acronym: 'MFA TJ' },
        country: 'TJ',
        title: null,
        courtesyTitle: null,
        grammaticalGender: null,
        language: 'en',
        phone: '+992 37 000',
        tags: ['focal point', 'expert'],
        notes: null,
        source: null,
      },
    });
    expect(readRow(['', 'no.name@gov.example.org'], mapping)).toEqual({ ok: false, reason: 'Missing name' });
    expect(readRow(['Sardor Nematov', 'sardor.nematov@'], mapping)).toEqual({
      ok: false,
      reason: 'Invalid email “sardor.nematov@”',
    });
    expect(readRow(['Ahmad Zia', 'ahmad.zia@example.org', 'Atlantis'], mapping)).toEqual({
      ok: false,
      reason: 'Unknown country “Atlantis”',
    });
    expect(readRow(['Ahmad Zia', 'ahmad.zia@example.org', '', 'tj'], mapping)).toEqual({
      ok: false,
      reason: 'Unknown language “tj” (use en or ru)',
    });
  });

  it('reads courtesy titles and grammatical genders, and refuses ones it does not know', () => {
    const { mapping } = mappingFromHeaders(['Name', 'Email', 'Courtesy title', 'Grammatical gender']);
    expect(mapping).toEqual(['name', 'email', 'courtesyTitle', 'grammaticalGender']);
    expect(readRow(['Асель Омарова', 'asel@example.org', 'ms', 'ж'], mapping)).toMatchObject({
      ok: true,
      contact: { courtesyTitle: 'Ms.', grammaticalGender: 'feminine' },
    });
    expect(readRow(['Rashid Meredov', 'rashid@example.org', 'H.E.', ''], mapping)).toMatchObject({
      ok: true,
      contact: { courtesyTitle: 'H.E.', grammaticalGender: null },
    });
    expect(readRow(['Kim Lee', 'kim@example.org', 'Sir', ''], mapping)).toEqual({
      ok: false,
      reason: 'Unknown courtesy title “Sir” (use Mr., Ms., Dr., Prof. or H.E.)',
    });
    expect(readRow(['Kim Lee', 'kim@example.org', '', 'x'], mapping)).toEqual({
      ok: false,
      reason: 'Unknown grammatical gender “x” (use masculine or feminine)',
    });
  });

  it('maps the ways spreadsheets write countries', () => {
    expect(['KZ', 'kz', 'Kazakhstan', 'kazakhstan ', 'Казахстан', 'Республика Казахстан'].map(parseCountry)).toEqual(
      Array(6).fill('KZ'),
    );
    expect(['Kyrgyz Republic', 'Киргизия', 'Кыргызстан', 'KG'].map(parseCountry)).toEqual(Array(4).fill('KG'));
    expect(parseCountry('Atlantis')).toBeNull();
    expect(parseCountry('XX')).toBeNull();
  });

  it('refuses files that are empty, binary or have no rows', () => {
    expect(readContactsFile(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(readContactsFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({
      ok: false,
      problem: 'binary',
    });
    expect(readContactsFile(new TextEncoder().encode('Full name,Email\n'))).toEqual({ ok: false, problem: 'noRows' });
  });
});
