import { EnvError, loadEnv } from '@it-samverkan/config/env';

function problemsOf(source: NodeJS.ProcessEnv): string[] {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('environment: sessions and OpenID Connect', () => {
  it('has safe session defaults: Secure cookie, 30 idle minutes, 12 hours, lock after 5 failures', () => {
    expect(loadEnv({}).session).toEqual({
      idleMinutes: 30,
      absoluteHours: 12,
      cookieSecure: true,
      maxFailuresPerAccount: 5,
      maxFailuresPerAddress: 50,
    });
    expect(loadEnv({}).oidc).toBeNull();
  });

  it('reads the OIDC settings, keeping the group map in the order written', () => {
    const env = loadEnv({
      OIDC_ISSUER_URL: 'https://login.ulricehamn.se/realms/kommun',
      OIDC_CLIENT_ID: 'it-samverkan',
      OIDC_CLIENT_SECRET: 'hemlig',
      OIDC_REDIRECT_URL: 'https://it-samverkan.ulricehamn.se/api/v1/auth/oidc/callback',
      OIDC_GROUP_MAP:
        '{"it-admin":{"role":"admin","scope":null},"it-ekonomi-ulricehamn":{"role":"finance","scope":"ulricehamn"}}',
    });
    expect(env.oidc).toEqual({
      issuerUrl: 'https://login.ulricehamn.se/realms/kommun',
      clientId: 'it-samverkan',
      clientSecret: 'hemlig',
      redirectUrl: 'https://it-samverkan.ulricehamn.se/api/v1/auth/oidc/callback',
      scopes: 'openid profile email',
      groupsClaim: 'groups',
      groupMap: [
        ['it-admin', { role: 'admin', scope: null }],
        ['it-ekonomi-ulricehamn', { role: 'finance', scope: 'ulricehamn' }],
      ],
    });
  });

  it('names every bad variable: plain http off localhost, missing client id, unknown role, bad scope', () => {
    expect(
      problemsOf({
        OIDC_ISSUER_URL: 'http://login.example.se',
        OIDC_REDIRECT_URL: 'inte en url',
        OIDC_GROUP_MAP: '{"g1":{"role":"kung","scope":"Fel Scope"}}',
        SESSION_COOKIE_SECURE: 'kanske',
        SESSION_IDLE_MINUTES: '0',
      }),
    ).toEqual([
      'SESSION_IDLE_MINUTES: måste vara ett heltal ≥ 1, fick "0"',
      'SESSION_COOKIE_SECURE: måste vara true eller false, fick "kanske"',
      'OIDC_ISSUER_URL: måste använda https (http bara för localhost), fick "http://login.example.se"',
      'OIDC_REDIRECT_URL: måste vara en absolut URL, fick "inte en url"',
      'OIDC_CLIENT_ID: måste anges när OIDC_ISSUER_URL är satt',
      'OIDC_GROUP_MAP: gruppen "g1" har okänd roll "kung"; tillåtna: admin, tjanstefiering, finance, drift, utveckling, styrgrupp, readonly',
      'OIDC_GROUP_MAP: gruppen "g1" har ogiltig scope "Fel Scope" (ett kommun- eller bolags-id eller null)',
    ]);
    expect(
      problemsOf({
        OIDC_ISSUER_URL: 'https://idp.example',
        OIDC_CLIENT_ID: 'x',
        OIDC_REDIRECT_URL: 'https://a/cb',
        OIDC_GROUP_MAP: '[1]',
      }),
    ).toEqual(['OIDC_GROUP_MAP: måste vara ett JSON-objekt {"grupp":{"role":"…","scope":"…"|null}}']);
    expect(problemsOf({ OIDC_CLIENT_ID: 'x' })).toEqual([
      'OIDC_CLIENT_ID: kräver att OIDC_ISSUER_URL också anges',
    ]);
  });
});
