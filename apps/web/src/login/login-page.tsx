import { Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { api, Me } from '../api/client';
import { FormProblems } from '../components/form-problems';
import { useSubmit } from '../components/use-form';

/**
 * Log in as oneself (username and password; the server keeps the session in an HttpOnly cookie).
 * Systems and tests may instead give an API token, kept only for this browser tab.
 */
export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const login = useSubmit(async () => onLoggedIn(await api.login(username, password)));
  const loginWithToken = useSubmit(async () => onLoggedIn(await api.loginWithToken(token)));
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
        <FormProblems
          error={login.error}
          fieldIds={{ username: 'login-username', password: 'login-password' }}
          heading="Inloggningen misslyckades:"
        />
        <Textfield
          id="login-username"
          label="Användarnamn"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={login.problems.username}
        />
        <Textfield
          id="login-password"
          label="Lösenord"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={login.problems.password}
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
              id="login-token"
              label="API-token"
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
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
