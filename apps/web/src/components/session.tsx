import { createContext, useContext } from 'react';
import type { Me } from '../api/client';

export interface Session {
  me: Me;
  logout: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The logged-in person (or system); only used inside the logged-in part of the app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession utanför inloggad del');
  return session;
}

export const ROLE_NAMES: Record<string, string> = {
  admin: 'administratör',
  finance: 'ekonomi',
  tjanstefiering: 'tjänstefieringsgruppen',
  drift: 'IT-forum drift',
  utveckling: 'IT-forum utveckling',
  styrgrupp: 'IT-styrgruppen',
  readonly: 'läsbehörighet',
};
