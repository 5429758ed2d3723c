import type { Locale } from '@/lib/datetime';

// How an organisation is named in each language. Russian texts use the Russian name and acronym; where staff left
// one empty, the English one stands in (a Latin acronym in a Russian text is better than none), and the staff
// pages flag the gap (`missingRussian`).

export type NamedOrganisation = {
  nameEn: string;
  nameRu: string | null;
  acronym: string | null;
  acronymRu: string | null;
};

const filled = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The organisation's full name in `locale`. */
export function organisationName(org: NamedOrganisation, locale: Locale): string {
  return (locale === 'ru' && filled(org.nameRu)) || org.nameEn;
}

/** The organisation's acronym in `locale`; null when it has none in either language. */
export function organisationAcronym(org: NamedOrganisation, locale: Locale): string | null {
  return (locale === 'ru' && filled(org.acronymRu)) || filled(org.acronym);
}

/** The short label lists and sentences use: the acronym in `locale`, else the full name. */
export function organisationLabel(org: NamedOrganisation, locale: Locale): string {
  return organisationAcronym(org, locale) ?? organisationName(org, locale);
}

/** What Russian texts would borrow from English: no Russian name, or an English acronym without a Russian one. */
export function missingRussian(org: NamedOrganisation): { name: boolean; acronym: boolean } {
  return { name: !filled(org.nameRu), acronym: Boolean(filled(org.acronym)) && !filled(org.acronymRu) };
}
