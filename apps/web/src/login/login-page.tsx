import { Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { api, Me } from '../api/client';
import { FormProblems } from '../components/form-problems';
import { useForm } from '../components/use-form';

/**
 * Log in as oneself (username and password; the server keeps the session in an HttpOnly cookie).
 * Systems and tests may instead give an API token, kept only for this browser tab.
 */
export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const login = useForm(
    { username: '', password: '' },
    { username: 'login-username', password: 'login-password' },
    async ({ username, password }) => onLoggedIn(await api.login(username, password)),
  );
  const loginWithToken = useForm({ token: '' }, { token: 'login-token' }, async ({ token }) =>
    onLoggedIn(await api.loginWithToken(token)),
  );
  useEffect(() => {
    document.title = 'Logga in – IT-samverkan';
  }, []);

  return (
    <main id="huvudinnehall" className="login-main">
      <Heading level={1} data-size="lg">
        Logga in i IT-samverkan
      </Heading>
      <Paragraph>
        Tjänstefiering, fakturering och uppföljning för IT-samverkan Ulricehamn–Tranemo. Logga in med ditt
        användarnamn och lösenord.
      </Paragraph>
      <form onSubmit={login.submit} noValidate className="stack" aria-label="Inloggning">
        <FormProblems error={login.error} fieldIds={login.fieldIds} heading="Inloggningen misslyckades:" />
        <Textfield label="Användarnamn" autoComplete="username" {...login.field('username')} />
        <Textfield
          label="Lösenord"
          type="password"
          autoComplete="current-password"
          {...login.field('password')}
        />
        <div>
          <Button type="submit" loading={login.busy}>
            Logga in
          </Button>
        </div>
      </form>
      <Details className="token-login">
        <Details.Summary>Logga in med API-token (för system och skript)</Details.Summary>
        <Details.Content>
          <form
            onSubmit={loginWithToken.submit}
            noValidate
            className="stack"
            aria-label="Inloggning med API-token"
          >
            <Paragraph data-size="sm">
              En API-token ges av en administratör. Den sparas bara i den här fliken och glöms när fliken
              stängs.
            </Paragraph>
            <FormProblems error={loginWithToken.error} heading="Token godtogs inte:" />
            <Textfield
              label="API-token"
              type="password"
              autoComplete="off"
              {...loginWithToken.field('token')}
            />
            <div>
              <Button type="submit" variant="secondary">
                Logga in med token
              </Button>
            </div>
          </form>
        </Details.Content>
      </Details>
    </main>
  );
}
