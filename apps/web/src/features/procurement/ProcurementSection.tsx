/** The organisation page's section: public procurement leads about this organisation, with its answers. */
import { registerOrganizationSection, type OrganizationSectionProps } from '../organizations/sections.tsx';
import { FlagList } from './ProcurementPages.tsx';
import { useProcurementI18n } from './i18n.ts';

function ProcurementSection({ organization }: OrganizationSectionProps) {
  const { pt } = useProcurementI18n();
  return (
    <>
      <h2>{pt('p.title')}</h2>
      <FlagList path="/public/procurement/flags" query={{ organization: organization.code, limit: 10 }} />
    </>
  );
}

registerOrganizationSection({ id: 'procurement', order: 40, Component: ProcurementSection });
