/**
 * State of one open remote screen: the last capture, its parsed model, and the touch / key
 * actions. The store owns every call to the core (components never call the api); the core
 * sends screen reads through the phone's queue at low priority, so call control comes first.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { ContractError, ContractErrorCode } from '../../../shared/contract/errors';
import type { DeskpilotApi } from '../../../shared/contract/api';
import type { HardwareKey } from '../../../shared/domain';
import type { ScreenCapture } from '../../../shared/contract/screen';
import type { PhonePoint } from './pointer-mapping';
import { readUiXml, type ScreenModel } from './uixml-reader';

export type TouchGesture =
  | { type: 'Tap' | 'Press' | 'Release'; position: PhonePoint }
  | { type: 'Swipe'; positions: PhonePoint[]; durationMs: number };

export interface ScreenState {
  capture: ScreenCapture | null;
  /** The capture's XML read for drawing; kept from the previous capture if the XML is unchanged. */
  model: ScreenModel | null;
  /** The last failure (read, touch or key); cleared by the next success. */
  error: ContractError | null;
  /** What the last action did, for the status line (read by screen readers). */
  status: string;
  /**
   * Set when the phone refused a key press as unknown (firmware without simulateKeyEvent,
   * although its version suggested otherwise): the keys are then hidden with this reason.
   */
  keysRefused: string | null;
  refresh(): Promise<void>;
  touch(gesture: TouchGesture): Promise<void>;
  pressKey(key: HardwareKey, label: string): Promise<void>;
}

export type ScreenStore = StoreApi<ScreenState>;

const KEYS_ABSENT: ReadonlySet<ContractErrorCode> = new Set([
  'not-found',
  'not-supported',
  'api-disabled',
]);

function describe(gesture: TouchGesture): string {
  if (gesture.type === 'Swipe') {
    const first = gesture.positions[0];
    const last = gesture.positions[gesture.positions.length - 1];
    return `Swiped from ${first?.x ?? 0},${first?.y ?? 0} to ${last?.x ?? 0},${last?.y ?? 0}`;
  }
  const verb = { Tap: 'Tapped', Press: 'Pressed', Release: 'Released' }[gesture.type];
  return `${verb} at ${gesture.position.x},${gesture.position.y}`;
}

/** Creates the store for one phone's remote screen (one per open view). */
export function createScreenStore(api: DeskpilotApi, phoneId: string): ScreenStore {
  // One read at a time; a refresh asked for meanwhile runs once the current one ends, so the
  // read right after a touch is never lost nor doubled.
  let reading: Promise<void> | null = null;
  let readAgain = false;

  return createStore<ScreenState>()((set, get) => {
    const readOnce = async () => {
      const outcome = await api.screen.get({ phoneId });
      if (!outcome.ok) {
        set({ error: outcome.error });
        return;
      }
      const capture = outcome.value;
      const previous = get();
      const unchanged =
        previous.model !== null &&
        previous.capture?.xml === capture.xml &&
        previous.capture.width === capture.width &&
        previous.capture.height === capture.height;
      set({
        capture,
        model: unchanged ? previous.model : readUiXml(capture.xml, capture.width, capture.height),
        error: null,
      });
    };

    const refresh = (): Promise<void> => {
      if (reading) {
        readAgain = true;
        return reading;
      }
      reading = (async () => {
        try {
          do {
            readAgain = false;
            await readOnce();
          } while (readAgain);
        } finally {
          reading = null;
        }
      })();
      return reading;
    };

    return {
      capture: null,
      model: null,
      error: null,
      status: '',
      keysRefused: null,
      refresh,
      async touch(gesture) {
        const outcome = await api.screen.touch({
          phoneId,
          type: gesture.type,
          positions: gesture.type === 'Swipe' ? gesture.positions : [gesture.position],
          ...(gesture.type === 'Swipe' ? { durationMs: Math.min(gesture.durationMs, 10_000) } : {}),
        });
        if (!outcome.ok) {
          set({ error: outcome.error, status: `Touch failed: ${outcome.error.message}` });
          return;
        }
        set({ status: describe(gesture) });
        await refresh();
      },
      async pressKey(key, label) {
        const outcome = await api.screen.key({ phoneId, key });
        // A phone without simulateKeyEvent answers 404, which clients read as "API off".
        if (!outcome.ok && KEYS_ABSENT.has(outcome.error.code)) {
          set({
            keysRefused:
              'This phone does not take simulated key presses (its firmware has no ' +
              'simulateKeyEvent; UC Software 5.7 or later with httpd.ta.enabled=1 does).',
          });
          return;
        }
        if (!outcome.ok) {
          set({ error: outcome.error, status: `Key ${label} failed: ${outcome.error.message}` });
          return;
        }
        set({ status: `Pressed ${label}` });
        await refresh();
      },
    };
  });
}
