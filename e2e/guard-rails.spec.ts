import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  classifyAction,
  databaseChanges,
  expectedRefusals,
  refusalIn,
  securityHeaderProblems,
  type Identity,
} from './checks';
import { databaseSnapshotter } from './db-snapshot';
import {
  classificationProblems,
  DEMO_INVITATION_ID,
  discoverActions,
  discoverRoutes,
  ROUTE_ACCESS,
  sampleUrls,
} from './discovery';
import { e2eSettings } from './settings';
import { staffContextWithRole } from './staff';

const origin = `http://localhost:${e2eSettings.port}`;
const anonymous = { storageState: { cookies: [], origins: [] } };

/** Calls a server action the way React does, but with nothing a real form would have: the bare minimum to reach it. */
async function callAction(
  request: APIRequestContext,
  action: { id: string; pagePath: string },
  headers: Record<string, string> = {},
) {
  const response = await request.post(action.pagePath, {
    headers: { 'Next-Action': action.id, Accept: 'text/x-component', Origin: origin, ...headers },
    multipart: { '0': '["$K1"]', '1_probe': 'x' },
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

test.describe.configure({ mode: 'serial' });

const requests: Partial<Record<Identity, APIRequestContext>> = {};

test.beforeAll(async ({ browser, playwright }) => {
  const adminContext = await browser.newContext({ storageState: e2eSettings.adminState, baseURL: origin });
  const adminPage = await adminContext.newPage();
  requests.anonymous = await playwright.request.newContext({ baseURL: origin, storageState: anonymous.storageState });
  requests.viewer = (await staffContextWithRole(browser, adminPage, 'viewer')).request;
  requests.editor = (await staffContextWithRole(browser, adminPage, 'editor')).request;
  requests.admin = adminContext.request;
});

test('every server action refuses each caller below its least role, and the database does not change', async () => {
  const actions = discoverActions();
  console.info(`[authorisation matrix] ${actions.length} server actions found in the build`);
  expect(actions.length).toBeGreaterThan(0);
  const db = databaseSnapshotter({
    databaseUrl: process.env.DATABASE_URL,
    embeddedPort: e2eSettings.pgliteSocketPort,
  });
  console.info(`[authorisation matrix] database unchanged check on ${db.where}`);
  const table: string[] = [];
  try {
    for (const action of actions) {
      const label = `${action.filename}#${action.exportedName}`;
      const probe = await callAction(requests.anonymous!, action);
      const kind = classifyAction(refusalIn(probe.body));
      expect(
        kind,
        `${label} must be classifiable (declare its role in staffAction, or use tokenAction); ${action.pagePath} ${action.id} answered ${probe.status}: ${probe.body.slice(0, 300)}`,
      ).not.toMatchObject({
        kind: 'unclassifiable',
      });
      for (const [identity, expected] of Object.entries(expectedRefusals(kind)) as [Identity, unknown][]) {
        const before = await db.snapshot();
        const answer = await callAction(requests[identity]!, action);
        expect(refusalIn(answer.body), `${label} as ${identity}`).toEqual(expected);
        expect(databaseChanges(before, await db.snapshot()), `${label} as ${identity} changed the database`).toEqual(
          [],
        );
      }
      table.push(`${label}: ${kind.kind === 'staff' ? `least role ${kind.least}` : kind.kind}`);
    }
  } finally {
    await db.close();
  }
  console.info(`[authorisation matrix]\n  ${table.join('\n  ')}`);
});

test('every route is classified; staff pages send the signed-out to sign-in and show lower roles no content', async () => {
  const routes = discoverRoutes();
  console.info(
    `[authorisation matrix] ${routes.filter((r) => r.kind === 'page').length} pages and ${routes.filter((r) => r.kind === 'route').length} route handlers found`,
  );
  const { unclassified, missing } = classificationProblems(routes);
  expect(unclassified, 'routes with no entry in e2e/discovery.ts ROUTE_ACCESS').toEqual([]);
  expect(missing, 'entries in e2e/discovery.ts ROUTE_ACCESS for routes the build does not have').toEqual([]);

  const samples = {
    id: '0b7a7c1e-5d1f-4c43-9a51-000000000101',
    invitationId: DEMO_INVITATION_ID,
    noteId: '0b7a7c1e-5d1f-4c43-9a51-0000000000ff',
    format: 'pdf',
    language: 'en',
    index: '0',
    token: 'not-a-real-token-0000000000000000',
    rest: 'no-such-page',
  };
  for (const route of routes) {
    const access = ROUTE_ACCESS[route.pattern]!;
    if (access.access !== 'staff') continue;
    for (const url of sampleUrls(route.pattern, samples)) {
      const signedOut = await requests.anonymous!.get(url, { maxRedirects: 0 });
      expect(signedOut.status(), `${url} signed out`).toBe(307);
      expect(signedOut.headers()['location'], `${url} signed out`).toMatch(/\/staff\/sign-in\?callbackUrl=/);
      for (const identity of ['viewer', 'editor'] as const) {
        if (access.least === 'viewer' || (access.least === 'editor' && identity === 'editor')) continue;
        const page = await requests[identity]!.get(url);
        expect(await page.text(), `${url} as ${identity}`).toContain('You cannot open this page');
      }
    }
  }
});

test('Auth.js’s own sign-in endpoint is closed (the rate-limited form is the only way to ask for a link)', async () => {
  const response = await requests.anonymous!.post('/api/auth/signin/email', {
    headers: { Origin: origin },
    form: { email: 'first.admin@council.test' },
  });
  expect(response.status()).toBe(404);
});

test('writes from another site, or from an opaque origin, are refused before they reach anything', async () => {
  const [action] = discoverActions().filter((a) => a.exportedName === 'addStaffAction');
  for (const badOrigin of ['https://evil.example', 'null']) {
    const viaAction = await callAction(requests.admin!, action!, { Origin: badOrigin });
    expect(viaAction.status, `server action with Origin ${badOrigin}`).toBe(403);
    const viaRoute = await requests.admin!.post('/api/auth/signout', { headers: { Origin: badOrigin }, form: {} });
    expect(viaRoute.status(), `Auth.js route with Origin ${badOrigin}`).toBe(403);
    const signIn = await requests.anonymous!.post('/staff/sign-in/request', {
      headers: { Origin: badOrigin },
      form: { email: 'x@council.test' },
    });
    expect(signIn.status(), `sign-in request with Origin ${badOrigin}`).toBe(403);
  }
  // No Origin at all (not a browser form post) is refused too.
  const bare = await requests.admin!.fetch('/staff/team', {
    method: 'POST',
    headers: { 'Next-Action': action!.id },
    data: '[]',
  });
  expect(bare.status()).toBe(403);
  // Still logged in, still an admin: nothing happened.
  expect(await (await requests.admin!.get('/staff/team')).text()).toContain('Add a staff member');
});

test('x-middleware-subrequest gets a request no further than without it (CVE-2025-29927)', async () => {
  for (const value of [
    'middleware',
    'proxy',
    'proxy:proxy:proxy:proxy:proxy',
    'middleware:middleware:middleware:middleware:middleware',
  ]) {
    const response = await requests.anonymous!.get('/staff/team', {
      headers: { 'x-middleware-subrequest': value },
      maxRedirects: 0,
    });
    expect(response.status(), value).toBe(307);
    expect(response.headers()['location']).toMatch(/\/staff\/sign-in/);
    const post = await requests.anonymous!.post('/staff/sign-in/request', {
      headers: { 'x-middleware-subrequest': value, Origin: 'https://evil.example' },
      form: { email: 'x@council.test' },
    });
    expect(post.status(), value).toBe(403);
  }
});

test('every discovered route answers with the security headers, and session cookies are locked down', async ({
  browser,
}) => {
  const samples = {
    id: '0b7a7c1e-5d1f-4c43-9a51-000000000101',
    invitationId: DEMO_INVITATION_ID,
    noteId: '0b7a7c1e-5d1f-4c43-9a51-0000000000ff',
    format: 'pdf',
    language: 'en',
    index: '0',
    token: 'not-a-real-token-0000000000000000',
    rest: 'no-such-page',
    slug: 'no-such-news-item',
    n: '2',
  };
  let checked = 0;
  for (const route of discoverRoutes()) {
    const access = ROUTE_ACCESS[route.pattern]!;
    if (access.access === 'static') continue;
    const urls =
      route.pattern === '/api/auth/[...nextauth]'
        ? ['/api/auth/session', '/api/auth/csrf']
        : sampleUrls(route.pattern, samples);
    for (const url of urls) {
      const request = access.access === 'staff' ? requests.admin! : requests.anonymous!;
      const response =
        route.pattern === '/staff/sign-in/request'
          ? await request.post(url, { headers: { Origin: origin }, form: { email: 'not-an-address' }, maxRedirects: 0 })
          : await request.get(url, { maxRedirects: 0 });
      const problems = securityHeaderProblems(response.headers(), {
        tokenInUrl: access.access === 'token',
        production: true,
        cachedPage: access.access === 'public' && access.cached === true,
      });
      expect(problems, `${url} (${response.status()})`).toEqual([]);
      checked++;
    }
  }
  console.info(`[security headers] ${checked} URLs checked`);

  const context = await browser.newContext({ storageState: e2eSettings.adminState });
  const session = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session, 'the admin has a session cookie').toBeTruthy();
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await context.close();
});
