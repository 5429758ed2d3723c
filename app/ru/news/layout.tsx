import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { secretariatName } from '@/services/public-secretariat';

// Each news page renders its own document (components/public-frame.tsx); this layout only gives every page under
// it, the not-found answer included, a title.
export async function generateMetadata(): Promise<Metadata> {
  const name = await secretariatName('ru');
  const t = await getTranslations({ locale: 'ru', namespace: 'News' });
  return { title: { default: `${t('title')} · ${name}`, template: `%s · ${name}` } };
}

export default function NewsLayout({ children }: { children: ReactNode }) {
  return children;
}
