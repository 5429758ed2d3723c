import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing, type AppLocale } from './routing';

/**
 * The locale of a public page from its [locale] segment, or a 404. Every page and layout under [locale] calls this:
 * layouts and pages render in parallel, so a check in the layout alone does not protect the page (e.g. from
 * /favicon.ico, which the proxy leaves alone and the router hands to [locale]).
 */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<AppLocale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
