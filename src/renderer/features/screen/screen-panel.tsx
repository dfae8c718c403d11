import { useCallback, useMemo, useState } from 'react';
import { useStore } from 'zustand';

import { useStores } from '../../stores/stores-context';
import { HardwareKeys } from './hardware-keys';
import { centreOf, swipeAcross, type SwipeDirection } from './pointer-mapping';
import { ScreenCanvas } from './screen-canvas';
import { createScreenStore, type TouchGesture } from './screen-store';
import { ScreenText, screenAsText } from './screen-text';
import { useTouchGestures } from './use-touch-gestures';
import { useVisibleInterval } from './use-visible-interval';
import './screen.css';

/** How often an open, visible remote screen is read again (it is also read after each touch). */
const SCREEN_REFRESH_MS = 3000;

const SWIPES: SwipeDirection[] = ['up', 'down', 'left', 'right'];
/** How long a keyboard-made swipe takes on the phone. */
const KEYBOARD_SWIPE_MS = 300;

const ADMIN_ONLY =
  'The phone shows its screen only to its admin login (user name Polycom and the admin ' +
  'password). Edit this phone under Phones and enter the admin password.';

const NO_TOUCH =
  'This phone takes no touch input: the model has no touch screen, or touch simulation is ' +
  'off (set httpd.ta.enabled to 1 in the admin console, then restart the phone).';

/**
 * The remote screen of one phone: the drawn screen (click = Tap, hold = Press/Release, drag =
 * Swipe), hardware keys where the firmware has them, the screen as text, and its raw XML.
 */
export default function ScreenPanel({ phoneId }: { phoneId: string }) {
  const stores = useStores();
  const store = useMemo(() => stores.phoneStore(createScreenStore, phoneId), [stores, phoneId]);
  const { capture, model, error, status, keysRefused, refresh, touch, pressKey } = useStore(store);
  const [copyStatus, setCopyStatus] = useState('');
  useVisibleInterval(refresh, SCREEN_REFRESH_MS);

  const send = useCallback((gesture: TouchGesture) => void touch(gesture), [touch]);
  const handlers = useTouchGestures(model?.width ?? 1, model?.height ?? 1, send);
  const canTouch = capture?.touch === true;
  const note = capture?.unavailableReason ?? (capture && !canTouch ? NO_TOUCH : null);

  const copy = async () => {
    if (!model) return;
    try {
      await navigator.clipboard.writeText(screenAsText(model));
      setCopyStatus(`Copied ${model.reading.length} lines of screen text.`);
    } catch {
      setCopyStatus(
        'Copying failed: this window may not use the clipboard. Select the text below.',
      );
    }
  };

  if (!capture || !model) {
    return (
      <div className="screen-view">
        {error ? (
          <div role="alert" className="screen-error">
            <p>The phone's screen could not be read: {error.message}</p>
            {(error.code === 'insufficient-access' || error.code === 'wrong-credentials') && (
              <p>{ADMIN_ONLY}</p>
            )}
            <button type="button" onClick={() => void refresh()}>
              Try again
            </button>
          </div>
        ) : (
          <p role="status">Reading the phone's screen…</p>
        )}
      </div>
    );
  }

  return (
    <div className="screen-view">
      <header className="screen-toolbar">
        <p className="screen-model">
          {capture.model} · {capture.width}×{capture.height}
          {canTouch ? ' · touch' : ''}
        </p>
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy screen text
        </button>
      </header>
      {error && (
        <p role="alert" className="screen-error">
          {error.message}
        </p>
      )}
      {keysRefused && <p className="screen-note">{keysRefused}</p>}
      {note && <p className="screen-note">{note}</p>}
      <div className="screen-main">
        <ScreenCanvas model={model} touchHandlers={canTouch ? handlers : null} />
        {capture.keys && !keysRefused && (
          <HardwareKeys onKey={(key, label) => void pressKey(key, label)} />
        )}
      </div>
      {canTouch && (
        <div className="screen-swipes" role="group" aria-label="Swipe the screen">
          {SWIPES.map((direction) => (
            <button
              key={direction}
              type="button"
              onClick={() =>
                send({
                  type: 'Swipe',
                  positions: swipeAcross(direction, model.width, model.height),
                  durationMs: KEYBOARD_SWIPE_MS,
                })
              }
            >
              Swipe {direction}
            </button>
          ))}
        </div>
      )}
      {model.layout === 'geometry' && model.unplaced.length > 0 && (
        <p className="screen-unplaced">
          Also on the screen (no position given): {model.unplaced.map((e) => e.text).join(' · ')}
        </p>
      )}
      <h2 className="screen-text-heading">Screen as text</h2>
      <ScreenText
        model={model}
        onTap={
          canTouch
            ? (element) => element.rect && send({ type: 'Tap', position: centreOf(element.rect) })
            : null
        }
      />
      <details className="screen-raw">
        <summary>Raw XML</summary>
        {model.problems.length > 0 && (
          <ul className="screen-problems" aria-label="Problems reading the XML">
            {model.problems.map((problem, index) => (
              // The same words may repeat (two stray end tags); the position tells them apart.
              <li key={index}>{problem}</li>
            ))}
          </ul>
        )}
        <pre>{capture.xml}</pre>
      </details>
      <p role="status" className="screen-status">
        {status}
      </p>
      <p role="status" className="screen-status">
        {copyStatus}
      </p>
    </div>
  );
}
