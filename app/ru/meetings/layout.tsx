import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { secretariatName } from '@/services/public-secretariat';

// Each meeting page renders its own document (components/public-frame.tsx); this layout only gives
// every page under it, the not-found answer included, a title template.
export async function generateMetadata(): Promise<Metadata> {
  const name = await secretariatName('ru');
  return { title: { default: name, template: `%s · ${name}` } };
}

export default function MeetingsLayout({ children }: { children: ReactNode }) {
  return children;
}
