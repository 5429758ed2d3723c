import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Provider from 'oidc-provider';
import postgres from 'postgres';
import { expect, test, type Browser, type Page } from '@playwright/test';

// Sign-in through an identity provider, end to end: a real OpenID Connect provider (oidc-provider, with its own
// development login pages) on loopback, and a production server of our own started with the OIDC_ settings — the
// shared server of the other specs has none. Its embedded database is served on loopback so this spec can add staff.

const root = path.resolve(import.meta.dirname, '..');
const CLIENT = { id: 'council-desk', secret: 'oidc-e2e-client-secret' };
const PROVIDER_NAME = 'UN Identity';

type Person = { email: string; email_verified: boolean; name: string };
// What the identity provider says about each login name (its subject); tests change it as people's details change.
const people = new Map<string, Person>([
  ['alice-sub', { email: 'alice@council.test', email_verified: true, name: 'Alice Staff' }],
  ['bob-sub', { email: 'bob@council.test', email_verified: true, name: 'Bob Former' }],
  ['carol-sub', { email: 'carol@council.test', email_verified: false, name: 'Carol Unverified' }],
  ['stranger-sub', { email: 'stranger@elsewhere.test', email_verified: true, name: 'A Stranger' }],
  ['dina-sub', { email: 'dina@council.test', email_verified: true, name: 'Dina Newcomer' }],
]);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

let idp: Server;
let app: ChildProcess;
let appUrl: string;
let issuer: string;
let sql: postgres.Sql;
let dataDir: string;

test.describe.configure({ mode: 'serial', timeout: 60_000 });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const [idpPort, appPort, socketPort] = [await freePort(), await freePort(), await freePort()];
  issuer = `http://127.0.0.1:${idpPort}`;
  appUrl = `http://localhost:${appPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims in the ID token itself, as Entra ID and Keycloak put them, rather than only at the userinfo endpoint.
    conformIdTokenClaims: false,
    cookies: { keys: ['oidc-e2e-cookie-key'] },
    findAccount: (_ctx: unknown, sub: string) =>
      people.has(sub) ? { accountId: sub, claims: () => ({ sub, ...people.get(sub)! }) } : undefined,
  });
  idp = provider.listen(idpPort);

  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-oidc-'));
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(appPort),
    DATA_DIR: dataDir,
    E2E_PGLITE_SOCKET_PORT: String(socketPort),
    AUTH_URL: appUrl,
    AUTH_SECRET: 'oidc-e2e-only-secret-0123456789abcdefghijklmnop',
    DATA_ENCRYPTION_KEY: 'ZTJlLW9ubHktZGF0YS1rZXktMDEyMzQ1Njc4OWFiY2Q=',
    OUTBOX_WORKER: 'off',
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT.id,
    OIDC_CLIENT_SECRET: CLIENT.secret,
    OIDC_NAME: PROVIDER_NAME,
    OIDC_ALLOWED_DOMAINS: 'council.test',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // An embedded database of its own, whatever the other specs run on.
  delete environment.DATABASE_URL;
  delete environment.SMTP_URL;
  app = spawn(process.execPath, ['scripts/server.mjs', '--hostname', 'localhost', '--port', String(appPort)], {
    cwd: root,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Kept for a failure's post-mortem, beside Playwright's own results.
  const log = fs.createWriteStream(path.join(root, 'test-results', 'oidc-server.log'));
  for (const stream of [app.stdout!, app.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      log.write(chunk);
    });
  }
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ready = await fetch(`${appUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (app.exitCode !== null || Date.now() > deadline)
      throw new Error(`The OIDC test server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  sql = postgres(`postgres://postgres@127.0.0.1:${socketPort}/postgres`, {
    max: 1,
    prepare: false,
    onnotice: () => {},
  });
  await sql`insert into users (email, name, role, active) values
    ('alice@council.test', 'Alice Staff', 'editor', true),
    ('bob@council.test', 'Bob Former', 'editor', false),
    ('carol@council.test', 'Carol Unverified', 'editor', true)`;
});

test.afterAll(async () => {
  await sql?.end();
  if (app && app.exitCode === null) {
    const stopped = new Promise((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    await stopped;
  }
  await new Promise((resolve) => idp?.close(resolve));
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** From the sign-in page to the provider's login page: Auth.js's state, PKCE and nonce cookies are now set. */
async function startSignIn(page: Page) {
  await page.goto(`${appUrl}/staff/sign-in`);
  await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click();
  await page.waitForURL(`${issuer}/**`);
}

/** Through the provider's own login and consent pages, back to the app. */
async function finishSignIn(page: Page, subject: string) {
  await page.getByPlaceholder('Enter any login').fill(subject);
  await page.getByPlaceholder('and password').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${appUrl}/**`);
}

async function signInAs(page: Page, subject: string) {
  await startSignIn(page);
  await finishSignIn(page, subject);
}

/**
 * Puts in this browser the named Auth.js cookie of another sign-in started elsewhere: a genuine value, made by the
 * app, for a different sign-in than the one the provider answers.
 */
async function swapInCookieOfAnotherSignIn(page: Page, browser: Browser, name: string) {
  const other = await browser.newContext();
  await startSignIn(await other.newPage());
  const cookie = (await other.cookies(appUrl)).find((c) => c.name === name);
  await other.close();
  const own = (await page.context().cookies(appUrl)).find((c) => c.name === name);
  expect(cookie && own && cookie.value !== own.value).toBe(true);
  await page.context().addCookies([cookie!]);
}

async function sessionEmail(page: Page): Promise<string | null> {
  const response = await page.request.get(`${appUrl}/api/auth/session`);
  const session = (await response.json()) as { user?: { email?: string } } | null;
  return session?.user?.email ?? null;
}

const refused = (page: Page) =>
  expect(page.getByRole('heading', { name: 'This account cannot sign in' })).toBeVisible();

test('an existing staff member signs in with the organisation account; iss and sub are recorded', async ({ page }) => {
  await signInAs(page, 'alice-sub');
  await expect(page).toHaveURL(`${appUrl}/staff`);
  expect(await sessionEmail(page)).toBe('alice@council.test');
  const links = await sql<{ issuer: string; provider_account_id: string }[]>`
    select a.issuer, a.provider_account_id from accounts a join users u on u.id = a.user_id
    where u.email = 'alice@council.test'`;
  expect(links).toEqual([{ issuer, provider_account_id: 'alice-sub' }]);
});

test('a second sign-in matches by subject after the address changed at the provider', async ({ page }) => {
  people.set('alice-sub', { ...people.get('alice-sub')!, email: 'alice.renamed@council.test' });
  await signInAs(page, 'alice-sub');
  await expect(page).toHaveURL(`${appUrl}/staff`);
  expect(await sessionEmail(page)).toBe('alice@council.test');
  const [{ n }] = (await sql`select count(*)::int as n from users where email like 'alice%'`) as unknown as [
    { n: number },
  ];
  expect(n).toBe(1);
});

test('an account outside the allowed domains is refused, and none is made', async ({ page }) => {
  await signInAs(page, 'stranger-sub');
  await refused(page);
  expect(await sessionEmail(page)).toBeNull();
  expect(await sql`select 1 from users where email = 'stranger@elsewhere.test'`).toHaveLength(0);
});

test('a newcomer of an allowed domain gets a viewer account', async ({ page }) => {
  await signInAs(page, 'dina-sub');
  await expect(page).toHaveURL(`${appUrl}/staff`);
  expect(await sessionEmail(page)).toBe('dina@council.test');
  expect(await sql`select role from users where email = 'dina@council.test'`).toEqual([{ role: 'viewer' }]);
});

test('a deactivated staff member stays out', async ({ page }) => {
  await signInAs(page, 'bob-sub');
  await refused(page);
  expect(await sessionEmail(page)).toBeNull();
});

test('an address the provider does not vouch for matches no one', async ({ page }) => {
  await signInAs(page, 'carol-sub');
  await refused(page);
  expect(await sessionEmail(page)).toBeNull();
  expect(
    await sql`select 1 from accounts a join users u on u.id = a.user_id where u.email = 'carol@council.test'`,
  ).toHaveLength(0);
});

test('a tampered state is refused', async ({ page, browser }) => {
  await startSignIn(page);
  await swapInCookieOfAnotherSignIn(page, browser, 'authjs.state');
  await finishSignIn(page, 'alice-sub');
  await expect(page.getByRole('heading', { name: 'Sign-in did not work' })).toBeVisible();
  expect(await sessionEmail(page)).toBeNull();
});

test('a tampered nonce is refused', async ({ page, browser }) => {
  // The provider signs an ID token for this sign-in's nonce; the browser now holds another one.
  await startSignIn(page);
  await swapInCookieOfAnotherSignIn(page, browser, 'authjs.nonce');
  await finishSignIn(page, 'alice-sub');
  await expect(page.getByRole('heading', { name: 'Sign-in did not work' })).toBeVisible();
  expect(await sessionEmail(page)).toBeNull();
});
