import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2">{t('body')}</p>
      <p className="mt-4">
        <Link href="/">{t('home')}</Link>
      </p>
    </>
  );
}
