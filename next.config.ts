import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { staticSecurityHeaders } from './lib/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // Next's ETag hashes the whole body of every cached page on every request (a tenth of the news pages' cost under
  // load, measured); browsers revalidate the news pages by their short cache lifetime instead.
  generateEtags: false,
  async headers() {
    return staticSecurityHeaders({ production: process.env.NODE_ENV === 'production' });
  },
};

export default withNextIntl(nextConfig);
