import { lazy, Suspense } from 'react';
import { ViewSection } from '../../components/view-section';

// The remote screen (reader, gestures, styles) loads only when first opened, keeping it out of
// the app's first bundle.
const ScreenPanel = lazy(() => import('./screen-panel'));

/** The remote screen of one phone; mounted by the app (app.tsx). */
export function ScreenView({ phoneId }: { phoneId: string }) {
  return (
    <ViewSection titleId="screen-title" title="Remote screen">
      <Suspense fallback={<p role="status">Opening the remote screen…</p>}>
        <ScreenPanel phoneId={phoneId} />
      </Suspense>
    </ViewSection>
  );
}
