/**
 * Routes of the web app. Modules add their screens here (small additive edits) and their
 * organisation-page sections through features/organizations/sections.tsx.
 */
import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from './i18n/index.tsx';
import { SessionProvider } from './lib/session.tsx';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/common.tsx';
import { HomePage } from './features/organizations/HomePage.tsx';
import { SearchPage } from './features/organizations/SearchPage.tsx';
import { OrganizationPage } from './features/organizations/OrganizationPage.tsx';
import { EditOrganizationPage } from './features/organizations/EditOrganizationPage.tsx';
import { ProvincePage } from './features/places/ProvincePage.tsx';
import { NationalPage } from './features/places/NationalPage.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { TotpSetupPage } from './features/auth/TotpSetupPage.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './features/auth/PasswordResetPages.tsx';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage.tsx';
import { AccountPage } from './features/auth/AccountPage.tsx';
import { MembersPage } from './features/admin/MembersPage.tsx';
import { AdminPage } from './features/admin/AdminPage.tsx';
import { OutboxPage } from './features/admin/OutboxPage.tsx';
import { AuditPage } from './features/admin/AuditPage.tsx';
import { RequireSignIn } from './features/auth/RequireSignIn.tsx';
import { ProcessRoute, ProcurementPublicPage, ProcurementWorkPage } from './features/procurement/index.ts';
import { PlanEditorPage, PlanReviewPage, PlanRollupPage, PlansWorkspacePage, ProvinceDashboardPage, PublicPlanPage } from './features/plans/index.ts';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="search" element={<SearchPage />} />
              <Route path="organizations/:code" element={<OrganizationPage />} />
              <Route path="provinces/:code" element={<ProvincePage />} />
              <Route path="map" element={<NationalPage />} />
              <Route path="plans" element={<PlanRollupPage />} />
              <Route path="plans/:id" element={<PublicPlanPage />} />
              <Route path="procurement" element={<ProcurementPublicPage />} />
              <Route path="procurement/processes/:ocid" element={<ProcessRoute />} />
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
              <Route path="reset-password/:token" element={<ResetPasswordPage />} />
              <Route path="invite/:token" element={<AcceptInvitationPage />} />
              <Route element={<RequireSignIn />}>
                <Route path="account" element={<AccountPage />} />
                <Route path="account/two-factor" element={<TotpSetupPage />} />
                <Route path="organizations/:code/edit" element={<EditOrganizationPage />} />
                <Route path="organizations/:code/members" element={<MembersPage />} />
                <Route path="admin" element={<AdminPage />} />
                <Route path="admin/outbox" element={<OutboxPage />} />
                <Route path="admin/audit" element={<AuditPage />} />
                <Route path="procurement/work" element={<ProcurementWorkPage />} />
                <Route path="plans/manage" element={<PlansWorkspacePage />} />
                <Route path="plans/:id/edit" element={<PlanEditorPage />} />
                <Route path="plans/:id/review" element={<PlanReviewPage />} />
                <Route path="plans/provinces/:code" element={<ProvinceDashboardPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
