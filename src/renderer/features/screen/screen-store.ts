/**
 * State of one open remote screen: the last reading (the phone's picture when it captures, its
 * structure always), the structure read for drawing, and the touch, key and capture-switch
 * actions. The store owns every call to the core (components never call the api) and names this
 * view to the core as a viewer, so what was switched on for it is put back when it closes. It
 * also decides when to read again: at once after a touch or key, about every second while the
 * user interacts, slower while idle, never while hidden (the hook that drives it asks).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DeskpilotApi } from '../../../shared/contract/api';
import type { ContractError, ContractErrorCode } from '../../../shared/contract/errors';
import type { CaptureState, ScreenReading } from '../../../shared/contract/screen';
import type { HardwareKey } from '../../../shared/domain';
import type { PhonePoint } from './pointer-mapping';
import { readUiXml, type ScreenModel } from './uixml-reader';

export type TouchGesture =
  | { type: 'Tap' | 'Press' | 'Release'; position: PhonePoint }
  | { type: 'Swipe'; positions: PhonePoint[]; durationMs: number };

/** A picture as the view shows it. */
export interface ShownPicture {
  screen: string;
  width: number;
  height: number;
  id: string;
  /** A data: URL of the PNG. */
  src: string;
}

export interface ScreenState {
  reading: ScreenReading | null;
  /** The pictures of the last reading (main screen first); empty while capture is off. */
  pictures: ShownPicture[];
  /** The structure's XML read for drawing; kept while the XML is unchanged. */
  model: ScreenModel | null;
  /** The last failure (read, touch, key or switch); cleared by the next success. */
  error: ContractError | null;
  /** Set while the capture is being turned on. */
  enabling: boolean;
  /** When the user last touched, pressed or asked (the refresh policy's clock). */
  lastInput: number;
  refresh(): Promise<void>;
  touch(gesture: TouchGesture): Promise<void>;
  pressKey(key: HardwareKey, label: string): Promise<void>;
  enableCapture(): Promise<void>;
  /** The view is still open though hidden (the core keeps what it switched on). */
  hold(): Promise<void>;
  /** The view closed. */
  release(): Promise<void>;
  /** How long to wait before the next read (the refresh policy). */
  nextReadIn(now: number): number;
}

export type ScreenStore = StoreApi<ScreenState>;

/** While the user touched or pressed within this long, the picture is read every second. */
const INTERACTING_FOR_MS = 15_000;
const INTERACTING_READ_MS = 1000;
/** An idle picture (a call's timer, a new message) is read this often. */
const IDLE_READ_MS = 4000;
/** Without a picture: waiting for the person at the phone, or the drawn reconstruction. */
const NO_PICTURE_READ_MS = 5000;

const KEYS_ABSENT: ReadonlySet<ContractErrorCode> = new Set([
  'not-found',
  'not-supported',
  'api-disabled',
]);

/** A name for this view that the core keeps apart from other windows' views. */
function newViewerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `view-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The pictures to show: new PNGs as data URLs, unchanged ones (sent as null) kept. */
function shownPictures(capture: CaptureState, before: readonly ShownPicture[]): ShownPicture[] {
  if (capture.state !== 'on') return [];
  return capture.pictures.flatMap((picture) => {
    const src =
      picture.png === null
        ? before.find((shown) => shown.id === picture.id)?.src
        : `data:image/png;base64,${picture.png}`;
    if (src === undefined) return [];
    const { screen, width, height, id } = picture;
    return [{ screen, width, height, id, src }];
  });
}

/** Creates the store for one phone's remote screen (one per open view). */
export function createScreenStore(api: DeskpilotApi, phoneId: string): ScreenStore {
  const viewer = newViewerId();
  // One read at a time; a refresh asked for meanwhile runs once the current one ends, so the
  // read right after a touch is never lost nor doubled.
  let reading: Promise<void> | null = null;
  let readAgain = false;

  return createStore<ScreenState>()((set, get) => {
    const readOnce = async () => {
      const known = get().pictures.map((picture) => picture.id);
      const outcome = await api.screen.get({ phoneId, viewer, known });
      if (!outcome.ok) {
        set({ error: outcome.error });
        return;
      }
      const next = outcome.value;
      const previous = get();
      const { structure } = next;
      const unchanged =
        previous.model !== null &&
        previous.reading?.structure.xml === structure.xml &&
        previous.reading.structure.width === structure.width &&
        previous.reading.structure.height === structure.height;
      set({
        reading: next,
        pictures: shownPictures(next.capture, previous.pictures),
        model: unchanged
          ? previous.model
          : readUiXml(structure.xml, structure.width, structure.height),
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

    /** After the user acted: the phone's screen changes now, so read it now. */
    const afterInput = async () => {
      set({ lastInput: Date.now() });
      await refresh();
    };

    return {
      reading: null,
      pictures: [],
      model: null,
      error: null,
      enabling: false,
      lastInput: 0,
      refresh,
      async touch(gesture) {
        const outcome = await api.screen.touch({
          phoneId,
          type: gesture.type,
          positions: gesture.type === 'Swipe' ? gesture.positions : [gesture.position],
          ...(gesture.type === 'Swipe' ? { durationMs: Math.min(gesture.durationMs, 10_000) } : {}),
        });
        if (!outcome.ok) {
          set({ error: outcome.error });
          return;
        }
        await afterInput();
      },
      async pressKey(key, label) {
        const outcome = await api.screen.key({ phoneId, key });
        if (!outcome.ok) {
          const absent = KEYS_ABSENT.has(outcome.error.code);
          set({
            error: absent
              ? { ...outcome.error, message: `The phone did not take the ${label} key.` }
              : outcome.error,
          });
          return;
        }
        await afterInput();
      },
      async enableCapture() {
        set({ enabling: true, lastInput: Date.now() });
        const outcome = await api.screen.enableCapture({ phoneId, viewer });
        set({ enabling: false });
        if (!outcome.ok) {
          set({ error: outcome.error });
          return;
        }
        await refresh();
      },
      async hold() {
        await api.screen.hold({ phoneId, viewer });
      },
      async release() {
        await api.screen.release({ phoneId, viewer });
      },
      nextReadIn(now) {
        const { reading: last, lastInput } = get();
        if (last?.capture.state !== 'on') return NO_PICTURE_READ_MS;
        return now - lastInput < INTERACTING_FOR_MS ? INTERACTING_READ_MS : IDLE_READ_MS;
      },
    };
  });
}
