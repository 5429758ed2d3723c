import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classificationProblems, discoverRoutes, ROUTE_ACCESS } from './discovery';

// The route discovery's own proof: a build it reads with a route lost and a route added fails both ways.

const build = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-discovery-'));
afterAll(() => fs.rmSync(build, { recursive: true, force: true }));

/** A build's manifest holding every classified route except `without`, plus `extra`. */
function fakeBuild({ without = [] as string[], extra = [] as string[] } = {}) {
  // Whether each is a page or a route handler does not matter here.
  const entries = [...Object.keys(ROUTE_ACCESS).filter((p) => !without.includes(p)), ...extra].map((pattern) => [
    `${pattern}/page`,
    `app${pattern}/page.js`,
  ]);
  fs.mkdirSync(path.join(build, 'server'), { recursive: true });
  fs.writeFileSync(
    path.join(build, 'server', 'app-paths-manifest.json'),
    JSON.stringify(Object.fromEntries([['/_not-found/page', 'app/_not-found/page.js'], ...entries])),
  );
  return discoverRoutes(build);
}

describe('route classification', () => {
  it('passes a build that has exactly the classified routes', () => {
    expect(classificationProblems(fakeBuild())).toEqual({ unclassified: [], missing: [] });
  });

  it('fails on a classified route that is not in the build (the data download git ignored)', () => {
    expect(classificationProblems(fakeBuild({ without: ['/staff/contacts/[id]/data'] }))).toEqual({
      unclassified: [],
      missing: ['/staff/contacts/[id]/data'],
    });
  });

  it('fails on a route in the build that has no classification', () => {
    expect(classificationProblems(fakeBuild({ extra: ['/staff/secret'] }))).toEqual({
      unclassified: ['/staff/secret'],
      missing: [],
    });
  });
});
