import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { SkipLink } from '@/components/skip-link';
import type { Locale } from '@/lib/datetime';
import { feedPath, newsPath } from '@/lib/summary/public';

/**
 * The public news pages' own document: no client-side JavaScript of ours and no message catalogue sent to the
 * browser, so the cached HTML is small. `other` is the same page in the other language. (The feed's <link> is in
 * each page's metadata: alternates.types.)
 */
export async function NewsFrame({
  locale,
  secretariat,
  other,
  children,
}: {
  locale: Locale;
  /** Who publishes the news: the council's secretariat, named in `locale`. */
  secretariat: string;
  other: string;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'News' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const otherLocale = locale === 'ru' ? 'en' : 'ru';
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <SkipLink label={t('skipToContent')} />
        <header className="border-b border-slate-200 bg-brand-50 print:border-0 print:bg-white">
          <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <p className="font-semibold text-brand-900">
              <a href={newsPath(locale)} className="text-brand-900 no-underline hover:underline">
                {secretariat} · {t('title')}
              </a>
            </p>
            <a
              href={other}
              lang={otherLocale}
              hrefLang={otherLocale}
              title={t('otherLanguageLabel')}
              className="font-medium print:hidden"
            >
              {t('otherLanguage')}
            </a>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-slate-200 px-4 py-4 text-center text-sm text-slate-700 print:hidden">
          {site('footer')} · <a href={feedPath(locale)}>{t('feed')}</a>
        </footer>
      </body>
    </html>
  );
}
