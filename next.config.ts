import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { ACTION_BODY_LIMIT_BYTES } from './lib/request-limits';
import { staticSecurityHeaders } from './lib/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// `npm run bench` builds and serves an app of its own (BENCH_BUILD=1, scripts/bench-app.ts): the same app plus its
// baseline routes, which are *.bench.ts(x) files, and in a folder of its own. The production build (`npm run build`,
// into .next) sees no such file as a route, so it has none of them (e2e/production-build.spec.ts checks the output).
const benchBuild = process.env.BENCH_BUILD === '1';

const nextConfig: NextConfig = {
  ...(benchBuild && {
    distDir: '.next-bench',
    pageExtensions: ['bench.tsx', 'bench.ts', 'tsx', 'ts', 'jsx', 'js'],
    // Next adds its build folder's route types to the tsconfig it checks with, rewriting the file, unless that
    // tsconfig extends another: the bench's own one does, so tsconfig.json stays as committed.
    typescript: { tsconfigPath: 'tsconfig.bench.json' },
  }),
  // PGlite loads its WebAssembly and data files from its own package folder at run time, and so does pdfkit its
  // font metrics.
  serverExternalPackages: ['@electric-sql/pglite', 'pdfkit'],
  poweredByHeader: false,
  // Stated rather than left to Next's default: proxy.ts answers 413 above the same figure, with a clear message.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  // Next's ETag hashes the whole body of every cached page on every request (a tenth of the news pages' cost under
  // load, measured); browsers revalidate the news pages by their short cache lifetime instead.
  generateEtags: false,
  async headers() {
    return staticSecurityHeaders({ production: process.env.NODE_ENV === 'production' });
  },
};

export default withNextIntl(nextConfig);
