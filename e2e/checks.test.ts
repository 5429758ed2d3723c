import { describe, expect, it } from 'vitest';
import {
  actionSucceeded,
  classifyAction,
  delegationCallShapes,
  expectedRefusals,
  refusalIn,
  securityHeaderProblems,
  takesDelegationLink,
} from './checks';

// The guard rails' own proof: each check fails on deliberately broken input.

describe('classifying actions', () => {
  it('reads the refusal out of an action’s answer', () => {
    const payload =
      '0:{"a":"$@1"}\n1:{"status":"error","message":"x","refusal":{"reason":"unauthenticated","needs":"admin"}}\n';
    expect(refusalIn(payload)).toEqual({ reason: 'unauthenticated', needs: 'admin' });
    expect(refusalIn('1:{"status":"success","message":"Saved."}')).toBeNull();
  });

  it('cannot classify an action that does not refuse an anonymous call', () => {
    expect(classifyAction(null)).toMatchObject({ kind: 'unclassifiable' });
    expect(classifyAction({ reason: 'forbidden', needs: 'admin' })).toMatchObject({ kind: 'unclassifiable' });
  });

  it('expects every identity below the least role to be refused', () => {
    const admin = classifyAction({ reason: 'unauthenticated', needs: 'admin' });
    expect(expectedRefusals(admin)).toEqual({
      anonymous: { reason: 'unauthenticated', needs: 'admin' },
      viewer: { reason: 'forbidden', needs: 'admin' },
      editor: { reason: 'forbidden', needs: 'admin' },
    });
    expect(Object.keys(expectedRefusals(classifyAction({ reason: 'unauthenticated', needs: 'viewer' })))).toEqual([
      'anonymous',
    ]);
    expect(expectedRefusals(classifyAction({ reason: 'invalidToken' }))).toEqual({
      anonymous: { reason: 'invalidToken' },
    });
  });
});

describe('security headers', () => {
  const good = {
    'content-security-policy':
      "default-src 'self'; script-src 'self' 'nonce-abc123==' 'strict-dynamic'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
  };

  it('accepts a complete set', () => {
    expect(securityHeaderProblems(good, { tokenInUrl: false, https: true })).toEqual([]);
    expect(
      securityHeaderProblems({ ...good, 'referrer-policy': 'strict-origin' }, { tokenInUrl: true, https: true }),
    ).toEqual([]);
    const cached = {
      ...good,
      'content-security-policy': good['content-security-policy'].replace(
        /script-src [^;]+/,
        "script-src 'self' 'unsafe-inline'",
      ),
    };
    expect(securityHeaderProblems(cached, { tokenInUrl: false, https: true, cachedPage: true })).toEqual([]);
  });

  it('holds a cached page to self and inline scripts only', () => {
    expect(securityHeaderProblems(good, { tokenInUrl: false, https: true, cachedPage: true })).toEqual([
      "cached page with script-src 'self' 'nonce-abc123==' 'strict-dynamic', not script-src 'self' 'unsafe-inline'",
    ]);
    const loose = {
      ...good,
      'content-security-policy':
        "default-src 'self'; script-src * 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    };
    expect(securityHeaderProblems(loose, { tokenInUrl: false, https: true, cachedPage: true })).toEqual([
      "cached page with script-src * 'unsafe-inline', not script-src 'self' 'unsafe-inline'",
    ]);
  });

  it('names each thing missing or wrong in a broken set', () => {
    const broken = {
      'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src *",
      'referrer-policy': 'no-referrer',
    };
    expect(securityHeaderProblems(broken, { tokenInUrl: false, https: true })).toEqual([
      "CSP lacks object-src 'none'",
      "CSP lacks base-uri 'none'",
      "CSP lacks frame-ancestors 'none'",
      'CSP script-src has no nonce',
      "CSP script-src allows 'unsafe-inline'",
      'no X-Content-Type-Options: nosniff',
      'Referrer-Policy no-referrer (breaks form posts)',
      'no Strict-Transport-Security with a long max-age',
    ]);
    expect(securityHeaderProblems(good, { tokenInUrl: true, https: true })).toEqual([
      'token page with Referrer-Policy strict-origin-when-cross-origin, not strict-origin',
    ]);
    expect(securityHeaderProblems({}, { tokenInUrl: false, https: false })).toEqual([
      'no Content-Security-Policy',
      'no X-Content-Type-Options: nosniff',
      'no Referrer-Policy',
    ]);
    expect(securityHeaderProblems(good, { tokenInUrl: false, https: false })).toEqual([
      'Strict-Transport-Security on plain http',
    ]);
  });
});

describe('delegation link holders', () => {
  it('tells delegation actions from other token actions by how they answer a real delegation link', () => {
    expect(takesDelegationLink({ reason: 'invalidToken' })).toBe(false);
    expect(takesDelegationLink(null)).toBe(true);
  });

  it('aims another delegation’s link only at the target’s ids, never at its own nomination', () => {
    const other = delegationCallShapes('otherHolder', 'B', 'a-member');
    expect(other.every((args) => args[2] === 'a-member')).toBe(true);
    expect(delegationCallShapes('holder', 'A', 'a-member')).toContainEqual(['A', 'en']);
  });

  it('counts a success state and a redirect as success, an error as none', () => {
    expect(actionSucceeded({ status: 200, body: '1:{"status":"success","message":"Saved."}' })).toBe(true);
    expect(actionSucceeded({ status: 200, body: '', redirect: '/d/x?done=replaced;push' })).toBe(true);
    expect(actionSucceeded({ status: 303, body: '' })).toBe(true);
    expect(actionSucceeded({ status: 200, body: '1:{"status":"error","message":"Not found."}' })).toBe(false);
  });
});
