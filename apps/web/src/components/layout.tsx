import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { ROLE_NAMES, useSession } from './session';

export const AREAS: { to: string; label: string }[] = [
  { to: '/', label: 'Start' },
  { to: '/ekonomi', label: 'Ekonomi' },
  { to: '/tjanstefiering', label: 'Tjänstefiering' },
  { to: '/styrgrupp', label: 'IT-styrgruppen' },
  { to: '/drift', label: 'IT-forum drift' },
  { to: '/utveckling', label: 'IT-forum utveckling' },
  { to: '/revision', label: 'Revision' },
];

/** The frame of every logged-in page: skip link, header with who is logged in, main menu, main, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { me, logout } = useSession();
  return (
    <>
      <SkipLink href="#huvudinnehall">Hoppa till huvudinnehållet</SkipLink>
      <header className="site-header">
        <div className="site-header-inner">
          <a className="site-name" href="/">
            IT-samverkan <span className="site-sub">Ulricehamn–Tranemo</span>
          </a>
          <div className="who">
            <Paragraph data-size="sm">
              Inloggad: <strong>{me.person?.displayName ?? me.name}</strong>
              {me.person ? '' : ` (${ROLE_NAMES[me.role] ?? me.role}${me.scope ? `, ${me.scope}` : ''})`}
              {me.via === 'token' ? ', med API-token' : ''}
            </Paragraph>
            <Button variant="secondary" data-size="sm" type="button" onClick={logout}>
              Logga ut
            </Button>
          </div>
        </div>
        <nav aria-label="Huvudmeny" className="main-nav">
          <ul>
            {AREAS.map((a) => (
              <li key={a.to}>
                <NavLink to={a.to} end={a.to === '/'}>
                  {a.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="huvudinnehall" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <Paragraph data-size="sm">
          IT-samverkan Ulricehamn–Tranemo. Alla belopp i kronor, exakta till öret.{' '}
          <a href="/docs">API-dokumentation</a>
        </Paragraph>
      </footer>
    </>
  );
}
