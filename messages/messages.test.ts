import { describe, expect, it } from 'vitest';
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
});
