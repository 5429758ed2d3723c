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
