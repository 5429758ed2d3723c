import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { SkipLink } from '@/components/skip-link';
import type { Locale } from '@/lib/datetime';
import { localePath } from '@/lib/i18n/routing';
import { feedPath, newsPath } from '@/lib/summary/public';

/**
 * The public meeting and news pages' own document: cached HTML, the same for every reader, with no client-side
 * JavaScript of ours and no message catalogue sent to the browser. One header for both, so a reader can go from a
 * meeting to the news and back: the secretariat (the public home), all meetings, news, and `other`, the same page in
 * the other language. The news pages are narrower (running text) and name their feed. (The feed's <link> is in each
 * news page's metadata: alternates.types.)
 */
export async function PublicFrame({
  section,
  locale,
  secretariat,
  other,
  children,
}: {
  section: 'meetings' | 'news';
  locale: Locale;
  /** Who publishes the pages: the council's secretariat, named in `locale`. */
  secretariat: string;
  other: string;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'MeetingPage' });
  const news = await getTranslations({ locale, namespace: 'News' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const otherLocale = locale === 'ru' ? 'en' : 'ru';
  const width = section === 'news' ? 'max-w-3xl' : 'max-w-4xl';
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <SkipLink label={t('skipToContent')} />
        <header className="border-b border-slate-200 bg-brand-50 print:border-0 print:bg-white">
          <div className={`mx-auto flex ${width} flex-wrap items-center justify-between gap-3 px-4 py-3`}>
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
                title={section === 'news' ? news('otherLanguageLabel') : t('otherLanguageLabel')}
                className="font-medium"
              >
                {t('otherLanguage')}
              </a>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className={`mx-auto w-full ${width} flex-1 px-4 py-8`}>
          {children}
        </main>
        <footer className="border-t border-slate-200 px-4 py-4 text-center text-sm text-slate-700 print:hidden">
          {site('footer')}
          {section === 'news' && (
            <>
              {' '}
              · <a href={feedPath(locale)}>{news('feed')}</a>
            </>
          )}
        </footer>
      </body>
    </html>
  );
}
