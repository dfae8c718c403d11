import { lazy, Suspense } from 'react';
import { ViewSection } from '../../components/view-section';

// The admin console loads only when first opened, keeping it out of the app's first bundle.
const AdminPanel = lazy(() => import('./admin-panel'));

/** The admin console of one phone; mounted by the app (app.tsx). */
export function AdminConsole({ phoneId }: { phoneId: string }) {
  return (
    <ViewSection titleId="admin-title" title="Admin console">
      <Suspense fallback={<p role="status">Opening the admin console…</p>}>
        <AdminPanel phoneId={phoneId} />
      </Suspense>
    </ViewSection>
  );
}
