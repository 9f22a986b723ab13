/**
 * Plans feature: registers the organisation-page section and exports the screens App.tsx routes.
 * Public: /plans (roll-up), /plans/:id (plan page). Signed in: /plans/manage, /plans/:id/edit,
 * /plans/:id/review, /plans/provinces/:code.
 */
import './PlansSection.tsx';

export { PlansWorkspacePage } from './PlansWorkspacePage.tsx';
export { PlanEditorPage } from './PlanEditorPage.tsx';
export { PublicPlanPage } from './PublicPlanPage.tsx';
export { PlanReviewPage } from './PlanReviewPage.tsx';
export { ProvinceDashboardPage } from './ProvinceDashboardPage.tsx';
export { PlanRollupPage } from './PlanRollupPage.tsx';
