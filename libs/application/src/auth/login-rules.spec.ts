import fc from 'fast-check';
import { lockedUntilAfter } from './login-throttle';
import { grantFor, groupsOf, safeReturnPath } from './oidc';
import { csrfTokenFor, csrfTokenMatches } from './sessions';
import { hashPassword, verifyPassword } from './passwords';

const AT = new Date('2025-04-02T09:00:00Z');
const minutesAfter = (d: Date | null) => (d ? (d.getTime() - AT.getTime()) / 60_000 : null);

describe('lockout back-off', () => {
  it('locks 1, 2, 4 … minutes from the threshold on, at most 60', () => {
    // threshold 5: failures 4 → none, 5 → 2^0 = 1, 6 → 2, 7 → 4, 11 → 64 capped to 60.
    expect([4, 5, 6, 7, 11, 40].map((f) => minutesAfter(lockedUntilAfter(f, 5, AT)))).toEqual([
      null,
      1,
      2,
      4,
      60,
      60,
    ]);
  });

  it('property: never shorter with more failures, never longer than an hour', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 50 }),
        (failures, threshold) => {
          const now = minutesAfter(lockedUntilAfter(failures, threshold, AT)) ?? 0;
          const more = minutesAfter(lockedUntilAfter(failures + 1, threshold, AT)) ?? 0;
          expect(more).toBeGreaterThanOrEqual(now);
          expect(more).toBeLessThanOrEqual(60);
        },
      ),
    );
  });
});

describe('OIDC rules', () => {
  it('reads groups from a list or a single name, and the first configured group wins', () => {
    expect(groupsOf({ groups: ['a', 7, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsOf({ roles: 'a' }, 'roles')).toEqual(['a']);
    expect(groupsOf({}, 'groups')).toEqual([]);
    const map: [string, { role: string; scope: string | null }][] = [
      ['it-admin', { role: 'admin', scope: null }],
      ['ekonomi', { role: 'finance', scope: 'tranemo' }],
    ];
    expect(grantFor(['ekonomi', 'it-admin'], map)).toEqual({ role: 'admin', scope: null });
    expect(grantFor(['ekonomi'], map)).toEqual({ role: 'finance', scope: 'tranemo' });
    expect(grantFor(['annat'], map)).toBeNull();
  });

  it('property: the return path after sign-in is always a path on this site', () => {
    expect(safeReturnPath('/ekonomi?x=1')).toBe('/ekonomi?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', 7])
      expect(safeReturnPath(bad)).toBe('/');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const path = safeReturnPath(s);
        expect(path.startsWith('/')).toBe(true);
        expect(path.startsWith('//') || path.startsWith('/\\')).toBe(false);
        expect(new URL(path, 'https://it-samverkan.example').origin).toBe('https://it-samverkan.example');
      }),
    );
  });
});

describe('secrets', () => {
  it('property: a CSRF token matches only its own session', () => {
    fc.assert(
      fc.property(fc.base64String({ minLength: 8 }), fc.base64String({ minLength: 8 }), (a, b) => {
        expect(csrfTokenMatches(a, csrfTokenFor(a))).toBe(true);
        if (a !== b) expect(csrfTokenMatches(a, csrfTokenFor(b))).toBe(false);
        expect(csrfTokenMatches(a, undefined)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('a password hash verifies the password only, with a fresh salt each time', async () => {
    const cheap = { N: 1024, r: 8, p: 1 };
    const one = await hashPassword('rätt lösenord', cheap);
    const two = await hashPassword('rätt lösenord', cheap);
    expect(one).not.toBe(two);
    expect(await verifyPassword('rätt lösenord', one)).toBe(true);
    expect(await verifyPassword('fel lösenord', one)).toBe(false);
    // A tampered row asking for a gigantic cost is refused, not computed.
    expect(await verifyPassword('rätt lösenord', one.replace('N=1024', 'N=1073741824'))).toBe(false);
    expect(await verifyPassword('rätt lösenord', 'inte-en-hash')).toBe(false);
  });
});
