import { describe, expect, it } from 'vitest';
import { signInFromHash } from './team-signin';

const T = 'a'.repeat(20) + '_-' + 'B'.repeat(21);

describe('team sign-in address', () => {
  it('takes the token out of the fragment and keeps the rest', () => {
    expect(signInFromHash(`#signin=${T}`)).toEqual({ token: T, rest: '' });
    expect(signInFromHash(`#x=1&signin=${T}`)).toEqual({ token: T, rest: '#x=1' });
    expect(signInFromHash(`#signin=${T}&doc=4`)).toEqual({ token: T, rest: '#doc=4' });
  });

  it('ignores fragments without a well-formed token', () => {
    for (const h of ['', '#', '#token=abc', '#signin=short', `#signin=${T}x`, `#xsignin=${T}`]) expect(signInFromHash(h), h).toBeNull();
  });
});
