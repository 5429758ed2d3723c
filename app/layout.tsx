import type { ReactNode } from 'react';
import './globals.css';

// The public pages ([locale]/layout.tsx) and the staff pages (staff/layout.tsx) each render their own <html>, with
// their own `lang`; this root only passes them through.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
