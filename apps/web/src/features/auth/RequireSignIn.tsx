/** Guards the signed-in screens: sends people who are not signed in to /sign-in?next=… */
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/common.tsx';
import { isSignedIn, useSession } from '../../lib/session.tsx';

export function RequireSignIn() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!isSignedIn(me)) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

/** A safe post-sign-in destination: only paths on this site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/account';
}
