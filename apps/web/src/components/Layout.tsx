/**
 * The frame of every page: skip link, header with the site name, language switch and account
 * links, main navigation, the page itself in <main>, and the footer. On navigation, focus moves to
 * <main> so keyboard and screen-reader users start at the new content.
 */
import { useEffect, useRef } from 'react';
import { NavLink, Link, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { adminOrganizations, isSignedIn, isSystemAdmin, useSession } from '../lib/session.tsx';
import { NotificationsBell } from '../features/notifications/NotificationsBell.tsx';

function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#fff" />
      <circle cx="14" cy="14" r="7" fill="none" stroke="#0b3d66" strokeWidth="3" />
      <path d="M19 19l6 6" stroke="#c98a00" strokeWidth="3.5" strokeLinecap="round" />
    </svg>
  );
}

export function Layout() {
  const { t, locale, setLocale } = useI18n();
  const { me } = useSession();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const signedIn = isSignedIn(me);
  const showAdmin = isSystemAdmin(me) || adminOrganizations(me).length > 0;
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="site-header">
        <div className="container">
          <div className="header-top">
            <Link to="/" className="brand">
              <BrandMark />
              <span>
                <span className="brand-name">{t('app.name')}</span>
                <span className="brand-tagline">{t('app.tagline')}</span>
              </span>
            </Link>
            <div className="header-tools">
              {signedIn && <NotificationsBell />}
              <button
                type="button"
                className="lang-switch"
                lang={locale === 'th' ? 'en' : 'th'}
                title={t('lang.switchToLabel')}
                onClick={() => setLocale(locale === 'th' ? 'en' : 'th')}
              >
                {t('lang.switchTo')}
              </button>
            </div>
          </div>
          <nav className="site-nav" aria-label={t('nav.label')}>
            <ul>
              <li><NavLink to="/" end>{t('nav.home')}</NavLink></li>
              <li><NavLink to="/search">{t('nav.search')}</NavLink></li>
              <li><NavLink to="/map">{t('nav.map')}</NavLink></li>
              <li><NavLink to="/plans" end>{t('nav.plans')}</NavLink></li>
              {signedIn && <li><NavLink to="/plans/manage">{t('nav.planWork')}</NavLink></li>}
              <li><NavLink to="/procurement" end>{t('nav.procurement')}</NavLink></li>
              {signedIn && <li><NavLink to="/procurement/work">{t('nav.procurementWork')}</NavLink></li>}
              <li><a href="/api/docs">{t('nav.apiDocs')}</a></li>
              {showAdmin && <li><NavLink to="/admin">{t('nav.admin')}</NavLink></li>}
              <li>{signedIn ? <NavLink to="/account">{t('nav.account')}</NavLink> : <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>}</li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <ul>
            <li><a href="/api/v1/organizations?format=csv&limit=200">{t('footer.openData')}</a></li>
            <li><a href="/api/docs">{t('footer.apiDocs')}</a></li>
          </ul>
          <p>{t('footer.about')}</p>
          <p>{t('footer.dataSources')}</p>
        </div>
      </footer>
    </>
  );
}
