import { describe, expect, it } from 'vitest';
import { glossaryProblems } from '@/lib/glossary';
import en from './en.json';
import identical from './intentionally-identical.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

/** Every way two message files fail to be complete translations of each other. */
export function translationProblems(english: Tree, russian: Tree, allowedIdentical: string[]): string[] {
  const a = flatten(english);
  const b = flatten(russian);
  return [
    ...Object.keys(a)
      .filter((k) => !(k in b))
      .map((k) => `${k}: missing in Russian`),
    ...Object.keys(b)
      .filter((k) => !(k in a))
      .map((k) => `${k}: missing in English`),
    ...Object.keys(a)
      .filter((k) => k in b && !b[k]!.trim())
      .map((k) => `${k}: empty in Russian`),
    ...Object.keys(a)
      .filter((k) => a[k] === b[k] && !allowedIdentical.includes(k))
      .map((k) => `${k}: Russian is a copy of the English (“${a[k]}”)`),
  ];
}

// The namespaces that speak to a delegate (their pages, their emails, the privacy notice): «Вы», «Ваш» capitalised.
const ADDRESSING_READER = ['Invitation', 'InvitationEmail', 'Registration', 'RegistrationEmail', 'Privacy'];

/** Every Russian message that goes against messages/glossary.json, with its key. */
export function russianGlossaryProblems(russian: Tree): string[] {
  return Object.entries(flatten(russian)).flatMap(([key, text]) =>
    glossaryProblems(text, { addressesReader: ADDRESSING_READER.includes(key.split('.')[0]!) }).map(
      (problem) => `${key}: ${problem}`,
    ),
  );
}

describe('messages', () => {
  it('have every key in English and Russian, translated', () => {
    expect(translationProblems(en, ru, identical.keys)).toEqual([]);
  });

  it('are checked: a missing key, an untranslated copy and an empty value are each caught', () => {
    const english = { Home: { title: 'Home', lead: 'Welcome' }, Site: { name: 'Council Desk' } };
    const russian = { Home: { title: 'Home', extra: 'Лишнее' }, Site: { name: ' ' } };
    expect(translationProblems(english, russian, ['Site.name'])).toEqual([
      'Home.lead: missing in Russian',
      'Home.extra: missing in English',
      'Site.name: empty in Russian',
      'Home.title: Russian is a copy of the English (“Home”)',
    ]);
  });

  it('keep to the glossary in Russian', () => {
    expect(russianGlossaryProblems(ru)).toEqual([]);
  });

  it('are held to the glossary: a wrong term, a bracketed ending and a lower-case «вы» are each caught', () => {
    const russian = {
      RegistrationEmail: {
        waitlisted: 'Уважаемый(ая) {name}! Вы в листе ожидания на встречу, вы получите письмо.',
        offered: 'Место на мероприятии освободилось.',
      },
      Meeting: { kind: { side_event: 'Параллельное мероприятие' }, note: 'вы видите страницу совещания' },
      Home: { country: 'Киргизия' },
    };
    expect(russianGlossaryProblems(russian)).toEqual([
      'RegistrationEmail.waitlisted: «встречу»: not «встреча», write «совещание»',
      'RegistrationEmail.waitlisted: «листе ожидания»: not «лист ожидания», write «список ожидания»',
      'RegistrationEmail.waitlisted: «Уважаемый(ая)»: not «Уважаемый(ая)» (no bracketed endings: greet neutrally until contacts carry a courtesy title and grammatical gender)',
      'RegistrationEmail.waitlisted: «вы»: addressing the reader, write «Вы»',
      'RegistrationEmail.offered: «мероприятии»: not «мероприятие», write «совещание» (only «параллельное мероприятие» (side event) is an event; a meeting is «совещание»)',
      'Home.country: «Киргизия»: not «Киргизия», write «Кыргызстан»',
    ]);
  });
});
