import { useParams } from 'react-router';
import { ProcessPage } from './ProcurementPages.tsx';

export function ProcessRoute() {
  const { ocid = '' } = useParams();
  return <ProcessPage ocid={ocid} />;
}
