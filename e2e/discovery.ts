import fs from 'node:fs';
import path from 'node:path';

// What the production build contains, read from its own manifests, so a page, route or action added later is
// covered (or fails the tests for want of a classification) without anyone remembering to list it.

const root = path.resolve(import.meta.dirname, '..');
const BUILD_DIR = path.join(root, '.next');
const manifest = (name: string, buildDir = BUILD_DIR) =>
  JSON.parse(fs.readFileSync(path.join(buildDir, 'server', name), 'utf8'));

export interface DiscoveredAction {
  id: string;
  filename: string;
  exportedName: string;
  /** A page that loads the action: where a browser would post it. */
  pagePath: string;
}

const toUrlPath = (worker: string) => worker.replace(/^app/, '').replace(/\/(page|route)$/, '') || '/';

export function discoverActions(): DiscoveredAction[] {
  const { node } = manifest('server-reference-manifest.json') as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(node).map(([id, entry]) => ({
    id,
    filename: entry.filename,
    exportedName: entry.exportedName,
    // A page without dynamic segments when there is one; else any, with a placeholder in its segments (the action
    // is found by its id, the page only has to load it).
    pagePath: toUrlPath(
      Object.keys(entry.workers).sort(
        (a, b) => Number(a.includes('[')) - Number(b.includes('[')) || a.length - b.length,
      )[0]!,
    )
      // Public pages: the default language has no prefix.
      .replace(/^\/\[locale\]/, '')
      .replace(/\[(?:\.\.\.)?\w+\]/g, 'x'),
  }));
}

export interface DiscoveredRoute {
  /** As in the app directory: /staff/meetings/[id] */
  pattern: string;
  kind: 'page' | 'route';
}

export function discoverRoutes(buildDir = BUILD_DIR): DiscoveredRoute[] {
  const paths = Object.keys(manifest('app-paths-manifest.json', buildDir) as Record<string, string>);
  return paths
    .filter((p) => !/^\/_(not-found|global-error)\//.test(p))
    .map((p) => ({ pattern: p.replace(/\/(page|route)$/, '') || '/', kind: p.endsWith('/route') ? 'route' : 'page' }));
}

/**
 * How each page and route may be reached. Every discovered route must be here: one that is not fails the tests,
 * which is the point — a new route is classified when it is added.
 *
 * - public: anyone; `locales` lists the language prefixes it exists under.
 * - staff: signed-in staff; `least` is the role the page needs to show its content.
 * - token: anyone holding the token in its URL.
 * - auth / static: Auth.js's own endpoints, and build-time files.
 */
/** A registration of the seeded plenary's attendance (scripts/demo/demo-attendance.ts), for routes that name one. */
export const DEMO_INVITATION_ID = '0b7a7c1e-5d1f-4c43-9a51-000000003000';

export type RouteAccess =
  // cached: served as cached HTML outside the proxy (the news pages; see e2e/checks.ts HeaderExpectation).
  | { access: 'public'; locales?: boolean; cached?: boolean }
  | { access: 'staff'; least: 'viewer' | 'editor' | 'admin' }
  | { access: 'token' }
  | { access: 'auth' }
  | { access: 'static' };

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  '/[locale]': { access: 'public', locales: true },
  '/[locale]/[...rest]': { access: 'public', locales: true },
  '/[locale]/i/[token]': { access: 'token' },
  // A meeting document under a delegate's invitation link (the link is the key).
  '/[locale]/i/[token]/documents/[fileId]': { access: 'token' },
  // The released list of participants, for the holder of a registered invitation's link.
  '/[locale]/i/[token]/participants/[language]/[format]': { access: 'token' },
  // A delegation's focal point: a token of its own kind (lib/delegation-token.ts), never an invitation's.
  '/[locale]/d/[token]': { access: 'token' },
  '/[locale]/privacy': { access: 'public', locales: true },
  '/api/health': { access: 'public' },
  '/api/photos/[id]': { access: 'public' },
  // A public document's file for anyone; any other file only for staff (db/meeting-documents.ts findDocumentFile).
  '/api/documents/[id]': { access: 'public' },
  '/news': { access: 'public', cached: true },
  '/news/[slug]': { access: 'public', cached: true },
  '/news/page/[n]': { access: 'public', cached: true },
  '/news/feed.xml': { access: 'public', cached: true },
  '/ru/news': { access: 'public', cached: true },
  '/ru/news/[slug]': { access: 'public', cached: true },
  '/ru/news/page/[n]': { access: 'public', cached: true },
  '/ru/news/feed.xml': { access: 'public', cached: true },
  // A public meeting's page and calendar file (app/meetings), cached like the news pages.
  '/meetings/[slug]': { access: 'public', cached: true },
  '/meetings/[slug]/calendar.ics': { access: 'public', cached: true },
  '/ru/meetings/[slug]': { access: 'public', cached: true },
  '/ru/meetings/[slug]/calendar.ics': { access: 'public', cached: true },
  '/sitemap.xml': { access: 'static' },
  '/api/auth/[...nextauth]': { access: 'auth' },
  '/icon.svg': { access: 'static' },
  '/staff': { access: 'staff', least: 'viewer' },
  '/staff/mail': { access: 'staff', least: 'viewer' },
  '/staff/mail/[id]': { access: 'staff', least: 'admin' },
  '/staff/mail/[id]/attachments/[index]': { access: 'staff', least: 'admin' },
  '/staff/meetings/[id]': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/edit': { access: 'staff', least: 'editor' },
  '/staff/meetings/[id]/invitations': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/invitations/progress': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/delegations': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/participants': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/badges': { access: 'staff', least: 'editor' },
  '/staff/meetings/[id]/check-in': { access: 'staff', least: 'editor' },
  '/staff/meetings/[id]/check-in/people': { access: 'staff', least: 'editor' },
  '/staff/meetings/[id]/check-in/scan': { access: 'staff', least: 'editor' },
  '/staff/meetings/[id]/participants/export': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/participants/[invitationId]': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/participants/[invitationId]/edit': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/participants/new': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/participants/list': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/attendance': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/attendance/[format]': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/participants/list/[language]/[format]': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/notes-verbales': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/documents': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/documents/upload': { access: 'staff', least: 'editor' },
  '/staff/meetings/[id]/notes-verbales/[noteId]/[format]': { access: 'staff', least: 'viewer' },
  '/staff/meetings/[id]/visa': { access: 'staff', least: 'admin' },
  '/staff/meetings/[id]/visa/[invitationId]/[language]/[format]': { access: 'staff', least: 'admin' },
  '/staff/meetings/new': { access: 'staff', least: 'editor' },
  '/staff/profile': { access: 'staff', least: 'viewer' },
  '/staff/contacts': { access: 'staff', least: 'viewer' },
  '/staff/contacts/[id]': { access: 'staff', least: 'editor' },
  '/staff/contacts/[id]/data': { access: 'staff', least: 'admin' },
  '/staff/contacts/export': { access: 'staff', least: 'viewer' },
  '/staff/contacts/search': { access: 'staff', least: 'viewer' },
  '/staff/contacts/import': { access: 'staff', least: 'editor' },
  '/staff/contacts/import/[id]': { access: 'staff', least: 'editor' },
  '/staff/contacts/import/upload': { access: 'staff', least: 'editor' },
  '/staff/organisations': { access: 'staff', least: 'viewer' },
  '/staff/organisations/[id]': { access: 'staff', least: 'viewer' },
  '/staff/organisations/export': { access: 'staff', least: 'viewer' },
  '/staff/organisations/search': { access: 'staff', least: 'viewer' },
  '/staff/councils': { access: 'staff', least: 'viewer' },
  '/staff/councils/[id]': { access: 'staff', least: 'viewer' },
  '/staff/team': { access: 'staff', least: 'admin' },
  '/staff/team/backup': { access: 'staff', least: 'admin' },
  '/staff/summaries': { access: 'staff', least: 'viewer' },
  '/staff/summaries/[id]': { access: 'staff', least: 'viewer' },
  '/staff/summaries/[id]/compare': { access: 'staff', least: 'viewer' },
  '/staff/summaries/[id]/photos': { access: 'staff', least: 'editor' },
  '/staff/setup/[token]': { access: 'token' },
  '/staff/sign-in': { access: 'public' },
  '/staff/sign-in/check-email': { access: 'public' },
  '/staff/sign-in/confirm': { access: 'token' },
  '/staff/sign-in/error': { access: 'public' },
  '/staff/sign-in/request': { access: 'public' },
  '/staff/sign-in/oidc': { access: 'public' },
};

/**
 * Both ways a classification can be wrong: a route in the build with no entry, and an entry for a route the build
 * does not have (a file lost, renamed, or kept out of git), whose checks would otherwise pass by testing nothing.
 */
export function classificationProblems(
  routes: DiscoveredRoute[],
  access: Record<string, RouteAccess> = ROUTE_ACCESS,
): { unclassified: string[]; missing: string[] } {
  const built = new Set(routes.map((r) => r.pattern));
  return {
    unclassified: [...built].filter((pattern) => !access[pattern]),
    missing: Object.keys(access).filter((pattern) => !built.has(pattern)),
  };
}

/** Turns a route pattern into concrete URLs, with `samples` for its dynamic segments. */
export function sampleUrls(pattern: string, samples: Record<string, string>): string[] {
  const access = ROUTE_ACCESS[pattern];
  const bases = access?.access === 'public' && access.locales ? ['en', 'ru'] : [null];
  return bases.map((locale) => {
    const filled = pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
      if (name === 'locale') return locale ?? 'en';
      const value = samples[name];
      if (value === undefined) throw new Error(`No sample value for [${name}] in ${pattern}: add one to the sweep.`);
      return value;
    });
    // English lives without a prefix.
    return filled.replace(/^\/en(?=\/|$)/, '') || '/';
  });
}
