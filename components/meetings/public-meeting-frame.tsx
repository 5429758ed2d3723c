import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { SkipLink } from '@/components/skip-link';
import type { Locale } from '@/lib/datetime';
import { localePath } from '@/lib/i18n/routing';
import { newsPath } from '@/lib/summary/public';

/**
 * The public meeting pages' own document, like the news pages' (components/news/news-frame.tsx): cached HTML, the
 * same for every reader, with no message catalogue sent to the browser. `other` is the same page in the other
 * language.
 */
export async function PublicMeetingFrame({
  locale,
  secretariat,
  other,
  children,
}: {
  locale: Locale;
  secretariat: string;
  other: string;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'MeetingPage' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const otherLocale = locale === 'ru' ? 'en' : 'ru';
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <SkipLink label={t('skipToContent')} />
        <header className="border-b border-slate-200 bg-brand-50 print:border-0 print:bg-white">
          <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <p className="font-semibold">
              <a href={localePath(locale, '/')} className="text-brand-900 no-underline hover:underline">
                {secretariat}
              </a>
            </p>
            <nav aria-label={t('navigation')} className="flex flex-wrap items-center gap-4 print:hidden">
              <a href={localePath(locale, '/')} className="font-medium">
                {t('allMeetings')}
              </a>
              <a href={newsPath(locale)} className="font-medium">
                {t('news')}
              </a>
              <a
                href={other}
                lang={otherLocale}
                hrefLang={otherLocale}
                title={t('otherLanguageLabel')}
                className="font-medium"
              >
                {t('otherLanguage')}
              </a>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-slate-200 px-4 py-4 text-center text-sm text-slate-700 print:hidden">
          {site('footer')}
        </footer>
      </body>
    </html>
  );
}
