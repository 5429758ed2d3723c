import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { discoverRoutes } from './discovery';

// The production build (.next, what `npm start` serves) carries no demo data and no benchmark: the demo is loaded by
// `npm run dev` / `npm run db:seed` (scripts/demo/), and the bench builds its baseline routes into a folder of its own
// (scripts/bench/, *.bench.ts(x) routes, .next-bench). Read from the build output itself, after `next build`.

const root = path.resolve(import.meta.dirname, '..');
const build = path.join(root, '.next');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

// The server's and the browser's code (not .next/cache, which keeps the type checker's list of every source file).
// Not .next/server/route-cache: Next writes it while the server runs (pages regenerated on a visit, such as the public
// meeting pages of the database under test), so it holds that database's data, not the build's.
const emitted = [...filesUnder(path.join(build, 'server')), ...filesUnder(path.join(build, 'static'))].filter(
  (f) => !f.startsWith(path.join(build, 'server', 'route-cache') + path.sep),
);

/** Every source file (relative to the project) that went into the build, from its source maps. */
function bundledSources(): Set<string> {
  const sources = new Set<string>();
  for (const file of emitted.filter((f) => f.endsWith('.map'))) {
    const map = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      sources?: string[];
      sections?: { map: { sources?: string[] } }[];
    };
    for (const source of [...(map.sources ?? []), ...(map.sections ?? []).flatMap((s) => s.map.sources ?? [])]) {
      const decoded = decodeURIComponent(source).replace(/[?#].*$/, '');
      const absolute = decoded.startsWith('turbopack:///[project]/')
        ? path.join(root, decoded.slice('turbopack:///[project]/'.length))
        : path.resolve(path.dirname(file), decoded);
      sources.add(path.relative(root, absolute).split(path.sep).join('/'));
    }
  }
  return sources;
}

/** The route patterns of the bench's baseline routes, from their files (app/**\/page.bench.tsx, route.bench.ts). */
function benchRoutePatterns(): string[] {
  return filesUnder(path.join(root, 'app'))
    .map((f) => path.relative(path.join(root, 'app'), f).split(path.sep).join('/'))
    .filter((f) => /(^|\/)(page|route)\.bench\.tsx?$/.test(f))
    .map((f) => '/' + f.replace(/\/?(page|route)\.bench\.tsx?$/, ''));
}

test('the production build has no benchmark route', () => {
  const baselines = benchRoutePatterns();
  // The bench's baselines exist (else this test would prove nothing): a bare route handler and a one-row page.
  expect(baselines).toEqual(expect.arrayContaining(['/[locale]/bench', '/api/bench']));
  const routes = discoverRoutes().map((r) => r.pattern);
  expect(routes.length, 'routes found in .next').toBeGreaterThan(10);
  expect(routes.filter((r) => baselines.includes(r))).toEqual([]);
});

test('the production build contains no demo-data or bench module', () => {
  const sources = bundledSources();
  // The source maps do list the app's modules: a sanity check that the search below can see anything at all.
  expect(sources, 'the build’s source maps list the database client').toContain('db/client.ts');
  const offending = [...sources].filter((s) => /^scripts\/(demo|bench)\//.test(s) || /\.bench\.tsx?$/.test(s));
  expect(offending, 'demo or bench modules bundled into .next').toEqual([]);

  // By content too, whatever the modules are called: the demo's fixed ids and the bench's made-up addresses.
  const markers = {
    'scripts/demo/seed.ts': '0b7a7c1e-5d1f-4c43-9a51-',
    'scripts/bench/app-bench.ts': 'bench.example.org',
  };
  for (const [file, marker] of Object.entries(markers))
    expect(fs.readFileSync(path.join(root, file), 'utf8'), `${file} still holds its marker`).toContain(marker);
  const carrying = emitted
    .filter((f) => /\.(js|json|html|rsc|body)$/.test(f))
    .filter((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return Object.values(markers).some((marker) => text.includes(marker));
    })
    .map((f) => path.relative(root, f));
  expect(carrying, 'built files holding demo or bench data').toEqual([]);
});
