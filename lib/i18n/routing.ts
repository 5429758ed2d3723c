import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['en', 'ru'],
  defaultLocale: 'en',
  // English without a prefix, Russian under /ru.
  localePrefix: 'as-needed',
  // The language is chosen by the link (invitation emails carry the recipient's language) and the switcher on every
  // page, not guessed from the browser: a URL always shows the same page to everyone.
  localeDetection: false,
});

export type AppLocale = (typeof routing.locales)[number];

/**
 * A path in `locale`, prefixed as the routing above says (`/ru/news`, `/news`). next-intl's `getPathname`
 * (lib/i18n/navigation.ts) does the same inside Next; this one is for code that also runs outside it — the mail
 * worker and the scripts load db/ and lib/ under `--conditions=react-server`, where next-intl/navigation cannot load.
 */
export function localePath(locale: AppLocale, path: string): string {
  if (locale === routing.defaultLocale && routing.localePrefix === 'as-needed') return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}
