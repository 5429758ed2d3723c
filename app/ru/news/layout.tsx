import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';

// Each news page renders its own document (components/news/news-frame.tsx); this layout only gives every page under
// it, the not-found answer included, a title.
export async function generateMetadata(): Promise<Metadata> {
  const site = await getTranslations({ locale: 'ru', namespace: 'Site' });
  const t = await getTranslations({ locale: 'ru', namespace: 'News' });
  return { title: { default: `${t('title')} · ${site('name')}`, template: `%s · ${site('name')}` } };
}

export default function NewsLayout({ children }: { children: ReactNode }) {
  return children;
}
