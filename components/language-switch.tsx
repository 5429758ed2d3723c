'use client';

import { Link, usePathname } from '@/lib/i18n/navigation';
import type { AppLocale } from '@/lib/i18n/routing';

/** A link to the same page in the other language (a plain link: works without JavaScript). */
export function LanguageSwitch({ locale, label, title }: { locale: AppLocale; label: string; title: string }) {
  const pathname = usePathname();
  const other: AppLocale = locale === 'ru' ? 'en' : 'ru';
  return (
    <Link href={pathname} locale={other} lang={other} hrefLang={other} title={title} className="font-medium">
      {label}
    </Link>
  );
}
