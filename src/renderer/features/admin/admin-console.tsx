import { lazy, Suspense } from 'react';

// The admin console loads only when first opened, keeping it out of the app's first bundle.
const AdminPanel = lazy(() => import('./admin-panel'));

/** The admin console of one phone; mounted by the app (app.tsx). */
export function AdminConsole({ phoneId }: { phoneId: string }) {
  return (
    <Suspense fallback={<p role="status">Opening the admin console…</p>}>
      <AdminPanel phoneId={phoneId} />
    </Suspense>
  );
}
