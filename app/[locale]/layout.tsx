import type { Metadata } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { LanguageSwitch } from '@/components/language-switch';
import { SkipLink } from '@/components/skip-link';
import { getPathname } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { routing } from '@/lib/i18n/routing';
import { publicSecretariat } from '@/services/public-secretariat';

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const { name } = await publicSecretariat(locale);
  return { title: { default: name, template: `%s · ${name}` } };
}

export default async function PublicLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: 'Site' });
  // The header names the secretariat as staff set it, read when the page is served.
  await connection();
  const secretariat = await publicSecretariat(locale);

  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <NextIntlClientProvider>
          <SkipLink label={t('skipToContent')} />
          <header className="border-b border-slate-200 bg-brand-50">
            <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <p className="font-semibold text-brand-900">{secretariat.name}</p>
              <div className="flex flex-wrap items-center gap-4">
                {/* A plain link: the news pages are a document of their own (app/news). */}
                <a href={getPathname({ href: '/news', locale })} className="font-medium">
                  {t('news')}
                </a>
                <LanguageSwitch locale={locale} label={t('switchLanguage')} title={t('switchLanguageLabel')} />
              </div>
            </div>
          </header>
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="border-t border-slate-200 px-4 py-4 text-center text-sm text-slate-700">
            {t('footer')}
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
