import { expect, test, type APIRequestContext } from '@playwright/test';
import { delegationToken } from '../lib/delegation-token';
import { invitationToken } from '../lib/invitation-token';
import {
  actionSucceeded,
  classifyAction,
  databaseChanges,
  delegationCallShapes,
  expectedRefusals,
  refusalIn,
  securityHeaderProblems,
  takesDelegationLink,
  type Identity,
  type LinkHolder,
} from './checks';
import { databaseSnapshotter } from './db-snapshot';
import { requestFrom } from './from-address';
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

/**
 * Calls a server action the way React does, but with nothing a real form would have: the bare minimum to reach it.
 * `bound` are the arguments a page would have bound (a token first, for link holders); `fields` the form's.
 */
async function callAction(
  request: APIRequestContext,
  action: { id: string; pagePath: string },
  headers: Record<string, string | undefined> = {},
  { bound = [], fields = { probe: 'x' } }: { bound?: unknown[]; fields?: Record<string, string> } = {},
) {
  const response = await request.post(loadingPath(action.pagePath), {
    // A header given as undefined is not sent at all.
    headers: Object.fromEntries(
      Object.entries({ 'Next-Action': action.id, Accept: 'text/x-component', Origin: origin, ...headers }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
    multipart: {
      // Bound arguments, then the previous form state (useActionState's), then the form.
      '0': JSON.stringify(bound.length ? [...bound, null, '$K1'] : ['$K1']),
      ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [`1_${name}`, value])),
    },
    maxRedirects: 0,
  });
  return {
    status: response.status(),
    body: await response.text(),
    redirect: response.headers()['x-action-redirect'],
  };
}

/**
 * The page an action is posted to only has to load it. Link pages get a link this server signed (of an invitation or
 * delegation that does not exist): a made-up one counts as a failed link against this client (proxy.ts), and the
 * matrix would end in 429s halfway through.
 */
const NO_SUCH_ID = '0b7a7c1e-5d1f-4c43-9a51-00000000dead';
function loadingPath(pagePath: string): string {
  return pagePath
    .replace(/^\/i\/x$/, `/i/${invitationToken(e2eSettings.authSecret, { invitationId: NO_SUCH_ID, version: 1 })}`)
    .replace(/^\/d\/x$/, `/d/${delegationToken(e2eSettings.authSecret, { delegationId: NO_SUCH_ID, version: 1 })}`);
}

// The seeded working-group meeting's delegations (scripts/demo/demo-delegations.ts): A is Uzbekistan's, with its
// members nominated; B is Kazakhstan's. Their links are derived as the server derives them (db/delegations.ts
// delegationLink), at the version the seed leaves.
const DELEGATION_A = '0b7a7c1e-5d1f-4c43-9a51-000000009014';
const DELEGATION_A_MEMBER = '0b7a7c1e-5d1f-4c43-9a51-000000009040';
const DELEGATION_B = '0b7a7c1e-5d1f-4c43-9a51-000000009010';
const linkOf = (delegationId: string) => delegationToken(e2eSettings.authSecret, { delegationId, version: 1 });
const holderTokens: Record<LinkHolder, string> = { holder: linkOf(DELEGATION_A), otherHolder: linkOf(DELEGATION_B) };
/** A nomination that passes validation, so that what refuses B's link is whose member it names, not the form. */
const validNominee = {
  passportName: 'Probe Person',
  displayName: 'Probe Person',
  email: 'probe.person@example.org',
  language: 'en',
};

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
  const delegationActions: string[] = [];
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

      // The holder of delegation A's link, with no session: staff actions still want one, other token actions
      // refuse the link at their token check, and only delegation actions take it.
      const beforeHolder = await db.snapshot();
      const asHolder = await callAction(
        requests.anonymous!,
        action,
        {},
        {
          bound: [holderTokens.holder, 'en', DELEGATION_A_MEMBER, 'accept'],
        },
      );
      expect(databaseChanges(beforeHolder, await db.snapshot()), `${label} as A's link holder`).toEqual([]);
      if (kind.kind === 'staff') {
        expect(refusalIn(asHolder.body), `${label} as A's link holder`).toEqual({
          reason: 'unauthenticated',
          needs: kind.least,
        });
      }
      const delegation = kind.kind === 'token' && takesDelegationLink(refusalIn(asHolder.body));
      if (delegation) {
        delegationActions.push(action.exportedName);
        // A's holder with an empty form, and B's holder with a valid one aimed at A's member: neither does anything.
        for (const holder of ['holder', 'otherHolder'] as const) {
          for (const bound of delegationCallShapes(holder, holderTokens[holder], DELEGATION_A_MEMBER)) {
            const before = await db.snapshot();
            const answer = await callAction(
              requests.anonymous!,
              action,
              {},
              {
                bound,
                fields: holder === 'holder' ? { probe: 'x' } : validNominee,
              },
            );
            const what = `${label} as ${holder === 'holder' ? 'A' : 'B'}'s link holder with ${bound.length} bound`;
            expect(actionSucceeded(answer), `${what}: ${answer.body.slice(0, 300)}`).toBe(false);
            expect(databaseChanges(before, await db.snapshot()), `${what} changed the database`).toEqual([]);
          }
        }
      }
      table.push(
        `${label}: ${kind.kind === 'staff' ? `least role ${kind.least}` : delegation ? 'delegation link' : kind.kind}`,
      );
    }
  } finally {
    await db.close();
  }
  console.info(`[authorisation matrix]\n  ${table.join('\n  ')}`);
  // Found by how they answered, not by name: the focal point's actions must be among them.
  expect(delegationActions).toEqual(
    expect.arrayContaining(['nominateAction', 'replaceAction', 'decideProposalAction']),
  );
});

test('a delegation link opens its own delegation only; opening it changes nothing, a forged one is refused', async () => {
  const db = databaseSnapshotter({
    databaseUrl: process.env.DATABASE_URL,
    embeddedPort: e2eSettings.pgliteSocketPort,
  });
  try {
    const before = await db.snapshot();
    const own = await requests.anonymous!.get(`/d/${holderTokens.holder}`);
    expect(own.status()).toBe(200);
    expect(await own.text(), 'A’s page lists A’s members').toContain('Bakhodir Tashmatov');
    // B's holder sees B's page, live (its nomination form is there), and nothing of A's. Rendered text is matched
    // between tags: the page also ships every word of its messages to the browser, whatever it shows.
    const other = await (await requests.anonymous!.get(`/ru/d/${holderTokens.otherHolder}`)).text();
    expect(other).toMatch(/>Назначить члена делегации</);
    expect(other).not.toContain('Bakhodir Tashmatov');
    expect(databaseChanges(before, await db.snapshot()), 'opening live links').toEqual([]);
    // A's id and version (24 base64url characters are 18 bytes; both versions are 1) under B's MAC: B's link
    // cannot be turned into A's.
    const forged = `${holderTokens.holder.slice(0, 24)}${holderTokens.otherHolder.slice(24)}`;
    const refused = await (await requests.anonymous!.get(`/d/${forged}`)).text();
    expect(refused).toMatch(/>This link does not work</);
    expect(refused).not.toContain('Bakhodir Tashmatov');
    expect(refused).not.toMatch(/>Nominate a member</);
    // Nothing but the caller's failed-link count is touched. (Rate limits are fingerprinted by row count only, and
    // earlier specs' dead links may already have made this client's row: that the forged link counts is the gate's
    // Vitest, db/delegations.db.test.ts.)
    expect(
      databaseChanges(before, await db.snapshot()).filter((table) => table !== 'rate_limits'),
      'opening a forged link',
    ).toEqual([]);
  } finally {
    await db.close();
  }
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
  // A forged X-Forwarded-Host naming the foreign site, and this site's host under https on this http deployment
  // (AUTH_URL is http): both are other origins.
  for (const headers of <Record<string, string>[]>[
    { Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' },
    { Origin: origin.replace(/^http:/, 'https:') },
    { Origin: 'https://evil.example', Referer: `${origin}/staff/team` },
  ]) {
    const viaAction = await callAction(requests.admin!, action!, headers);
    expect(viaAction.status, JSON.stringify(headers)).toBe(403);
    const signIn = await requests.anonymous!.post('/staff/sign-in/request', {
      headers,
      form: { email: 'x@council.test' },
    });
    expect(signIn.status(), `sign-in request with ${JSON.stringify(headers)}`).toBe(403);
  }
  // No Origin and a foreign Referer is refused.
  const foreignReferer = await callAction(requests.admin!, action!, {
    Origin: undefined,
    Referer: 'https://evil.example/staff/team',
  });
  expect(foreignReferer.status).toBe(403);
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

test('a form post without Origin (a text browser) is accepted on a same-origin Referer on a delegate’s page', async () => {
  const nominate = discoverActions().find((a) => a.pagePath === '/d/x' && a.exportedName === 'nominateAction');
  expect(nominate, 'a delegation page action').toBeTruthy();
  const page = `${origin}/d/${holderTokens.holder}`;
  const call = (headers: Record<string, string | undefined>) =>
    callAction(requests.anonymous!, nominate!, headers, { bound: [holderTokens.holder], fields: { probe: 'x' } });
  // Past the origin check, the action answers its form (here: what is missing), not 403.
  const refererOnly = await call({ Origin: undefined, Referer: page });
  expect(refererOnly.status, refererOnly.body.slice(0, 200)).toBe(200);
  expect((await call({ Origin: undefined })).status).toBe(403);
  expect((await call({ Origin: undefined, Referer: `https://evil.example/d/${holderTokens.holder}` })).status).toBe(
    403,
  );
});

test('failed-link posts to a link page’s actions count like failed page loads', async () => {
  const client = '127.0.0.31';
  const action = discoverActions().find((a) => a.pagePath === '/d/x')!;
  for (let i = 0; i < 20; i++) {
    const guess = `made-up-link-${i}`.padEnd(40, 'x');
    const post = await requestFrom(client, `/d/${guess}`, {
      method: 'POST',
      headers: { 'Next-Action': action.id, Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify([guess, null, { probe: 'x' }]),
    });
    expect(post.status, `post ${i + 1}`).not.toBe(429);
  }
  const page = await requestFrom(client, `/d/${'Q'.repeat(40)}`);
  expect(page.status).toBe(429);
  expect(page.text).toContain('Too many attempts');
});

test('one client flooding sign-in requests gets 429; another client (the admin) still gets a link', async () => {
  const flooder = '127.0.0.32';
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) {
    const response = await requestFrom(flooder, '/staff/sign-in/request', {
      method: 'POST',
      headers: { Origin: origin, 'X-Forwarded-For': `203.0.113.${i}` },
      form: { email: `flood-${i}@elsewhere.test` },
    });
    statuses.push(response.status);
  }
  expect(statuses.slice(0, 30).every((s) => s === 303)).toBe(true);
  expect(statuses[30]).toBe(429);
  const admin = await requestFrom('127.0.0.33', '/staff/sign-in/request', {
    method: 'POST',
    headers: { Origin: origin },
    form: { email: e2eSettings.adminEmail },
  });
  expect(admin.status).toBe(303);
  expect(admin.headers['location']).toMatch(/\/staff\/sign-in\/check-email$/);
});

test('Auth.js’s own sign-out page is not reachable (staff sign out with the app’s button)', async () => {
  const response = await requests.admin!.get('/api/auth/signout', { maxRedirects: 0 });
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain('Are you sure you want to sign out');
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
    fileId: '00000000-0000-4000-8000-000000000000',
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
        // The e2e server's AUTH_URL is http.
        https: false,
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
