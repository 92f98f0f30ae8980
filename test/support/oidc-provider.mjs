// A real OpenID Connect provider (oidc-provider) on a free localhost port, for the sign-in tests.
// Run with plain node (it is ESM); prints {"issuer": "..."} on one line when it listens.
// Env: OIDC_TEST_CLIENT (JSON client metadata), OIDC_TEST_ACCOUNTS (JSON {sub: claims}).
// The login page is replaced by one that signs in the account named in ?account=, as a person
// typing their name would; consent is granted for the scopes asked.
import http from 'node:http';
import Provider from 'oidc-provider';

const clientMetadata = JSON.parse(process.env.OIDC_TEST_CLIENT);
const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS);
const server = http.createServer();

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [clientMetadata],
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
      groups: ['groups'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['test-only-cookie-key'] },
    findAccount: (_ctx, id) =>
      accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined,
  });
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (!req.url.startsWith('/interaction/')) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        const accountId = new URL(req.url, issuer).searchParams.get('account');
        return await provider.interactionFinished(
          req,
          res,
          { login: { accountId } },
          { mergeWithLastSubmission: false },
        );
      }
      const grant = new provider.Grant({
        accountId: details.session.accountId,
        clientId: details.params.client_id,
      });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      return await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error?.stack ?? error));
    }
  });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});
