// Pure checks used by the guard-rail tests, kept apart so that their own tests can feed them broken input.

export type Identity = 'anonymous' | 'viewer' | 'editor' | 'admin';
export const IDENTITIES: Identity[] = ['anonymous', 'viewer', 'editor', 'admin'];
const RANK: Record<Identity, number> = { anonymous: 0, viewer: 1, editor: 2, admin: 3 };

export type Refusal =
  { reason: 'unauthenticated' | 'forbidden'; needs: 'viewer' | 'editor' | 'admin' } | { reason: 'invalidToken' };

/** The refusal an action's answer (a React Server Components payload) carries, if any. */
export function refusalIn(payload: string): Refusal | null {
  const match = payload.match(/"refusal":(\{[^{}]*\})/);
  return match ? (JSON.parse(match[1]!) as Refusal) : null;
}

export type ActionClass =
  { kind: 'staff'; least: 'viewer' | 'editor' | 'admin' } | { kind: 'token' } | { kind: 'unclassifiable'; why: string };

/** What an action is, from how it answered an anonymous call with no valid token. */
export function classifyAction(anonymous: Refusal | null): ActionClass {
  if (!anonymous)
    return { kind: 'unclassifiable', why: 'it answered an anonymous call without refusing (no wrapper?)' };
  if (anonymous.reason === 'invalidToken') return { kind: 'token' };
  if (anonymous.reason === 'unauthenticated') return { kind: 'staff', least: anonymous.needs };
  return { kind: 'unclassifiable', why: `an anonymous call was refused as ${anonymous.reason}` };
}

/** The identities that must be refused, and how, for an action of this class. */
export function expectedRefusals(action: ActionClass): Partial<Record<Identity, Refusal>> {
  if (action.kind === 'token') return { anonymous: { reason: 'invalidToken' } };
  if (action.kind !== 'staff') return {};
  const expected: Partial<Record<Identity, Refusal>> = {};
  for (const identity of IDENTITIES) {
    if (RANK[identity] >= RANK[action.least]) continue;
    expected[identity] = { reason: identity === 'anonymous' ? 'unauthenticated' : 'forbidden', needs: action.least };
  }
  return expected;
}

/** The tables whose fingerprint differs between two database snapshots (e2e/db-snapshot.ts), tables added or gone included. */
export function databaseChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]).sort();
}

export interface HeaderExpectation {
  /** Pages reached by a token in the URL. */
  tokenInUrl: boolean;
  /** The public address (AUTH_URL) is https: HSTS with a long max-age; on plain http, no HSTS at all. */
  https: boolean;
  /**
   * The public news pages: cached HTML, the same for everyone, so no nonce; Next's inline bootstrap is allowed by
   * 'unsafe-inline' and nothing else (lib/security-headers.ts newsContentSecurityPolicy).
   */
  cachedPage?: boolean;
}

/** Every problem with a response's security headers; empty when they are right. */
export function securityHeaderProblems(headers: Record<string, string>, expect: HeaderExpectation): string[] {
  const problems: string[] = [];
  const csp = headers['content-security-policy'] ?? '';
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.split(/\s+/)[0] === name);
  if (!csp) problems.push('no Content-Security-Policy');
  else {
    if (directive('object-src') !== "object-src 'none'") problems.push("CSP lacks object-src 'none'");
    if (directive('base-uri') !== "base-uri 'none'") problems.push("CSP lacks base-uri 'none'");
    if (directive('frame-ancestors') !== "frame-ancestors 'none'") problems.push("CSP lacks frame-ancestors 'none'");
    const scripts = directive('script-src') ?? directive('default-src') ?? '';
    if (expect.cachedPage) {
      if (scripts !== "script-src 'self' 'unsafe-inline'")
        problems.push(`cached page with ${scripts || 'no script-src'}, not script-src 'self' 'unsafe-inline'`);
    } else {
      if (!/'nonce-[A-Za-z0-9+/=]+'/.test(scripts)) problems.push('CSP script-src has no nonce');
      if (/'unsafe-inline'/.test(scripts)) problems.push("CSP script-src allows 'unsafe-inline'");
    }
  }
  if (headers['x-content-type-options'] !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  const referrer = headers['referrer-policy'];
  if (!referrer) problems.push('no Referrer-Policy');
  else if (referrer.split(',').some((p) => p.trim() === 'no-referrer'))
    problems.push('Referrer-Policy no-referrer (breaks form posts)');
  else if (expect.tokenInUrl && referrer !== 'strict-origin')
    problems.push(`token page with Referrer-Policy ${referrer}, not strict-origin`);
  const hsts = headers['strict-transport-security'];
  if (expect.https && !/max-age=\d{7,}/.test(hsts ?? '')) {
    problems.push('no Strict-Transport-Security with a long max-age');
  }
  if (!expect.https && hsts !== undefined) problems.push('Strict-Transport-Security on plain http');
  return problems;
}

/**
 * Holders of a delegation link (app/[locale]/d/[token]): the link is their identity, not a session. `holder` holds
 * delegation A's link; `otherHolder` holds delegation B's and aims it at A's members and proposals.
 */
export type LinkHolder = 'holder' | 'otherHolder';

/**
 * Whether a token action takes delegation links, from how it answered a real one: any other kind of token action
 * refuses it at its token check, so a delegation action added later is found without being named.
 */
export const takesDelegationLink = (answerToRealLink: Refusal | null) => answerToRealLink?.reason !== 'invalidToken';

/**
 * The bound arguments a link holder tries on a delegation action, whatever its signature: the token and the page's
 * language, then `targetId` in the id slot and each decision (a tuple of another length is refused as malformed).
 * `otherHolder` skips the bare shape: B's own nomination is B's right, not a breach.
 */
export function delegationCallShapes(holder: LinkHolder, token: string, targetId: string): unknown[][] {
  const shapes = [[token, 'en', targetId], ...['accept', 'refuse'].map((d) => [token, 'en', targetId, d])];
  return holder === 'holder' ? [[token, 'en'], ...shapes] : shapes;
}

/**
 * Whether an action's answer says it did what was asked: a success state, or the redirect that follows one (Next
 * answers a fetched action's redirect with `x-action-redirect`, and a plain form post's with a 303).
 */
export const actionSucceeded = (answer: { status: number; body: string; redirect?: string }) =>
  Boolean(answer.redirect) || (answer.status >= 300 && answer.status < 400) || /"status":"success"/.test(answer.body);
