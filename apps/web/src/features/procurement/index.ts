/** Procurement screens; importing this registers the organisation-page section. */
import './ProcurementSection.tsx';
export { ProcurementPublicPage, ProcurementWorkPage } from './ProcurementPages.tsx';
export { ProcessRoute } from './ProcessRoute.tsx';
