import { describe, expect, it } from 'vitest';
import { localePath } from './routing';

describe('localePath', () => {
  it('leaves English unprefixed and puts Russian under /ru, as the proxy routes them', () => {
    expect(localePath('en', '/i/abc')).toBe('/i/abc');
    expect(localePath('ru', '/i/abc')).toBe('/ru/i/abc');
    expect(localePath('en', '/')).toBe('/');
    expect(localePath('ru', '/')).toBe('/ru');
  });
});
