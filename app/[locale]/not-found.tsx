import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui';
import { Link } from '@/lib/i18n/navigation';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mt-2">{t('body')}</p>
      <p className="mt-4">
        <Link href="/">{t('home')}</Link>
      </p>
    </>
  );
}
