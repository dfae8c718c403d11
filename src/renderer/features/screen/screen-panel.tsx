import { useCallback, useMemo, useState } from 'react';
import { useStore } from 'zustand';

import { useStores } from '../../stores/stores-context';
import { CaptureNotice } from './capture-notice';
import { HardwareKeys } from './hardware-keys';
import { centreOf, swipeAcross, type SwipeDirection } from './pointer-mapping';
import { ScreenCanvas } from './screen-canvas';
import { ScreenPicture } from './screen-picture';
import { createScreenStore, type TouchGesture } from './screen-store';
import { ScreenText, screenAsText } from './screen-text';
import { useTouchGestures } from './use-touch-gestures';
import { useViewerLease } from './use-viewer-lease';
import { useVisibleInterval } from './use-visible-interval';
import './screen.css';

const SWIPES: SwipeDirection[] = ['up', 'down', 'left', 'right'];
/** How long a keyboard-made swipe takes on the phone. */
const KEYBOARD_SWIPE_MS = 300;

const ADMIN_ONLY =
  'The phone shows its screen only to its admin login (user name Polycom and the admin ' +
  'password). Edit this phone under Phones and enter the admin password.';

/** A file name for the saved picture: the model and the time it was read. */
function pictureFileName(model: string, readAt: number): string {
  const stamp = new Date(readAt).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `${model.replace(/[^A-Za-z0-9_-]/g, '') || 'phone'}-screen-${stamp}.png`;
}

/**
 * The remote screen of one phone: its real picture when the phone captures (its structure on
 * top for screen readers and the keyboard), else a reconstruction drawn from its description;
 * click = Tap, hold = Press/Release, drag = Swipe; hardware keys where the firmware has them.
 */
export default function ScreenPanel({ phoneId }: { phoneId: string }) {
  const stores = useStores();
  const store = useMemo(() => stores.phoneStore(createScreenStore, phoneId), [stores, phoneId]);
  const state = useStore(store);
  const { reading, pictures, model, error, enabling, refresh, touch, pressKey } = state;
  const { enableCapture, hold, release, nextReadIn } = state;
  const [copyStatus, setCopyStatus] = useState('');
  const delay = useCallback(() => nextReadIn(Date.now()), [nextReadIn]);
  useVisibleInterval(refresh, delay);
  useViewerLease(hold, release);

  const structure = reading?.structure;
  const capture = reading?.capture;
  const main = pictures[0];
  const touchScale = capture?.state === 'on' ? capture.touchScale : 1;
  // Touch coordinates: the picture's pixels (scaled for its family), else the described screen's.
  const touchWidth = main ? Math.round(main.width * touchScale) : (model?.width ?? 1);
  const touchHeight = main ? Math.round(main.height * touchScale) : (model?.height ?? 1);
  const send = useCallback((gesture: TouchGesture) => void touch(gesture), [touch]);
  const handlers = useTouchGestures(touchWidth, touchHeight, send);
  const canTouch = structure?.touch === true;

  const copy = async () => {
    if (!model) return;
    try {
      await navigator.clipboard.writeText(screenAsText(model));
      setCopyStatus(`Copied ${model.reading.length} lines of screen text.`);
    } catch {
      setCopyStatus('Copying failed: this window may not use the clipboard.');
    }
  };

  if (!reading || !structure || !capture || !model) {
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

  const tapPoint = canTouch
    ? (position: { x: number; y: number }) => send({ type: 'Tap', position })
    : null;
  return (
    <div className="screen-view">
      <header className="screen-toolbar">
        <p className="screen-model">
          {structure.model} ·{' '}
          {main ? `${main.width}×${main.height}` : `${model.width}×${model.height}`}
          {canTouch ? ' · touch' : ''}
          {!canTouch && structure.unavailableReason === null ? ' · no touch screen' : ''}
        </p>
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy screen text
        </button>
        {main && (
          <a
            className="screen-save"
            href={main.src}
            download={pictureFileName(structure.model, reading.readAt)}
          >
            Save as PNG
          </a>
        )}
      </header>
      {error && (
        <p role="alert" className="screen-error">
          {error.message}
        </p>
      )}
      <CaptureNotice capture={capture} enabling={enabling} onEnable={() => void enableCapture()} />
      {structure.unavailableReason && <p className="screen-note">{structure.unavailableReason}</p>}
      <div className="screen-main">
        {main ? (
          <ScreenPicture
            pictures={pictures}
            model={model}
            touchHandlers={canTouch ? handlers : null}
            onTapPoint={tapPoint}
            touchWidth={touchWidth}
          />
        ) : (
          <figure className="screen-reconstruction">
            <figcaption>Reconstruction from the phone’s description, not its picture</figcaption>
            <ScreenCanvas model={model} touchHandlers={canTouch ? handlers : null} />
          </figure>
        )}
        {structure.keys && <HardwareKeys onKey={(key, label) => void pressKey(key, label)} />}
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
                  positions: swipeAcross(direction, touchWidth, touchHeight),
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
      {(!main || model.layout === 'flow') && (
        <>
          <h2 className="screen-text-heading">Screen as text</h2>
          <ScreenText
            model={model}
            onTap={tapPoint ? (element) => element.rect && tapPoint(centreOf(element.rect)) : null}
          />
        </>
      )}
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
        <pre>{structure.xml}</pre>
      </details>
      <p role="status" className="screen-status">
        {copyStatus}
      </p>
    </div>
  );
}
