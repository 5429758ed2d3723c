import glossary from '@/messages/glossary.json';

// The terminology check behind messages/glossary.json: what a Russian text delegates read must never say. Used by
// the translation test (every message in ru.json) and by the email tests (every rendered default email).

type Forbidden = { ru: string; pattern: string; note?: string };
type Glossary = {
  terms: { en: string; ru: string; forbidden?: Forbidden[] }[];
  greeting: { forbidden: Forbidden[] };
  address: { ru: string[]; lowercase: string };
};

const GLOSSARY: Glossary = glossary;

const FORBIDDEN = [
  ...GLOSSARY.terms.flatMap((term) =>
    (term.forbidden ?? []).map((f) => ({ ...f, use: term.ru, regex: new RegExp(f.pattern, 'giu') })),
  ),
  ...GLOSSARY.greeting.forbidden.map((f) => ({ ...f, use: null, regex: new RegExp(f.pattern, 'giu') })),
];
const LOWERCASE_ADDRESS = new RegExp(GLOSSARY.address.lowercase, 'gu');

/**
 * Every way a Russian text goes against the glossary: a forbidden variant («лист ожидания», «Киргизия», «встреча» or
 * «мероприятие» for a meeting, «Уважаемый(ая)»), and — for a text that addresses its reader — «вы»/«ваш» in lower
 * case. Each problem quotes what was found.
 */
export function glossaryProblems(text: string, { addressesReader }: { addressesReader: boolean }): string[] {
  const problems = FORBIDDEN.flatMap((f) =>
    [...text.matchAll(f.regex)].map(
      ([found]) => `«${found}»: not «${f.ru}»${f.use ? `, write «${f.use}»` : ''}${f.note ? ` (${f.note})` : ''}`,
    ),
  );
  if (addressesReader)
    for (const [found] of text.matchAll(LOWERCASE_ADDRESS))
      problems.push(`«${found}»: addressing the reader, write «${found[0]!.toUpperCase()}${found.slice(1)}»`);
  return problems;
}
