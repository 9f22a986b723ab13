/**
 * Who is signed in: GET /api/v1/auth/me once on load, refreshed after sign-in, sign-out and
 * invitation acceptance. `me` is null when nobody is signed in.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MeOrNullSchema, type Me, type Membership, type Role } from '@prongsai/contracts';
import { api, ApiError } from './api.ts';

interface Session {
  me: Me | null;
  loading: boolean;
  refresh: () => Promise<Me | null>;
  setMe: (me: Me | null) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const next = await api.get('/auth/me', MeOrNullSchema);
      setMe(next);
      return next;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setMe(null);
        return null;
      }
      throw error;
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);
  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout', {}, null);
    } finally {
      setMe(null);
    }
  }, []);
  const value = useMemo(() => ({ me, loading, refresh, setMe, signOut }), [me, loading, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session is fully in force (password and, where required, two-factor passed). */
export function isSignedIn(me: Me | null): me is Me {
  return !!me && me.stage === 'signed_in';
}

export function hasRole(me: Me | null, role: Role, organizationCode?: string): boolean {
  return isSignedIn(me) && me.memberships.some((m: Membership) => m.role === role && (organizationCode === undefined || m.organizationCode === organizationCode));
}

export const isSystemAdmin = (me: Me | null) => hasRole(me, 'system_admin');

/** Organisations this person administers (org_admin). */
export function adminOrganizations(me: Me | null): Membership[] {
  return isSignedIn(me) ? me.memberships.filter((m) => m.role === 'org_admin' && m.organizationCode) : [];
}
