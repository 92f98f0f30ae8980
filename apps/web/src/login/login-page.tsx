import { Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useEffect, useState } from 'react';
import { api, Me } from '../api/client';
import { FormProblems, problemsByField } from '../components/form-problems';

/**
 * Log in as oneself (username and password; the server keeps the session in an HttpOnly cookie).
 * Systems and tests may instead give an API token, kept only for this browser tab.
 */
export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [tokenError, setTokenError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Logga in – IT-samverkan';
  }, []);

  async function login(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await api.login(username, password));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function loginWithToken(event: FormEvent) {
    event.preventDefault();
    setTokenError(null);
    try {
      onLoggedIn(await api.loginWithToken(token));
    } catch (e) {
      setTokenError(e);
    }
  }

  const fields = problemsByField(error);
  return (
    <main id="huvudinnehall" className="login-main">
      <Heading level={1} data-size="lg">
        Logga in i IT-samverkan
      </Heading>
      <Paragraph>
        Tjänstefiering, fakturering och uppföljning för IT-samverkan Ulricehamn–Tranemo. Logga in med ditt
        användarnamn och lösenord.
      </Paragraph>
      <form onSubmit={login} noValidate className="stack" aria-label="Inloggning">
        <FormProblems
          error={error}
          fieldIds={{ username: 'login-username', password: 'login-password' }}
          heading="Inloggningen misslyckades:"
        />
        <Textfield
          id="login-username"
          label="Användarnamn"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fields.username}
        />
        <Textfield
          id="login-password"
          label="Lösenord"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <div>
          <Button type="submit" loading={busy}>
            Logga in
          </Button>
        </div>
      </form>
      <Details className="token-login">
        <Details.Summary>Logga in med API-token (för system och skript)</Details.Summary>
        <Details.Content>
          <form onSubmit={loginWithToken} noValidate className="stack" aria-label="Inloggning med API-token">
            <Paragraph data-size="sm">
              En API-token ges av en administratör. Den sparas bara i den här fliken och glöms när fliken
              stängs.
            </Paragraph>
            <FormProblems error={tokenError} heading="Token godtogs inte:" />
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
