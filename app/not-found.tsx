import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PageHeader } from '@/components/ui';

// Reached for URLs outside both the locale routing and the staff area: no language is known, so both are shown.
export default async function GlobalNotFound() {
  const [en, ru] = await Promise.all([
    getTranslations({ locale: 'en', namespace: 'NotFound' }),
    getTranslations({ locale: 'ru', namespace: 'NotFound' }),
  ]);
  return (
    <html lang="en">
      <body className="mx-auto max-w-2xl p-6">
        <main>
          <PageHeader title={en('title')} />
          <p className="mt-2">{en('body')}</p>
          <p className="mt-2">
            <Link href="/">{en('home')}</Link>
          </p>
          <div lang="ru" className="mt-8">
            <h2 className="text-xl font-semibold">{ru('title')}</h2>
            <p className="mt-2">{ru('body')}</p>
            <p className="mt-2">
              <Link href="/ru">{ru('home')}</Link>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
