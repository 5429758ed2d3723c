import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { PageHeader } from '@/components/ui';
import { pageLocale } from '@/lib/i18n/page-locale';
import { publicSecretariat } from '@/services/public-secretariat';

// What a delegate consents to when registering: linked from the registration form, in both languages.

export async function generateMetadata({ params }: PageProps<'/[locale]/privacy'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale === 'ru' ? 'ru' : 'en', namespace: 'Privacy' });
  return { title: t('title') };
}

export default async function PrivacyPage({ params }: PageProps<'/[locale]/privacy'>) {
  const locale = await pageLocale(params);
  // The secretariat's name and address are settings, read when the page is served.
  await connection();
  const t = await getTranslations({ locale, namespace: 'Privacy' });
  const secretariat = await publicSecretariat(locale);
  const sections = [
    ['whatTitle', 'what'],
    ['whyTitle', 'why'],
    ['howLongTitle', 'howLong'],
  ] as const;
  return (
    <article className="max-w-prose">
      <PageHeader title={t('title')} />
      <p className="mt-3">{t('intro')}</p>
      <section className="mt-5">
        <h2 className="text-lg font-semibold">{t('controllerTitle')}</h2>
        <p className="mt-1">{t('controller', { secretariat: secretariat.name, email: secretariat.email })}</p>
      </section>
      {sections.map(([title, body]) => (
        <section key={title} className="mt-5">
          <h2 className="text-lg font-semibold">{t(title)}</h2>
          <p className="mt-1">{t(body)}</p>
        </section>
      ))}
      <section className="mt-5">
        <h2 className="text-lg font-semibold">{t('askTitle')}</h2>
        <p className="mt-1">{t('ask', { email: secretariat.email })}</p>
      </section>
    </article>
  );
}
