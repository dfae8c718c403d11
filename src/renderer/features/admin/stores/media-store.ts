/** The Media tab: recent jitter, loss and MOS samples per live call, for the charts. */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DeskpilotApi } from '../../../../shared/contract/api';
import type { MediaSample } from '../../../../shared/contract/device';

/** Samples kept per call for the live charts (about two minutes at the media interval). */
const MEDIA_HISTORY = 60;

export interface MediaState {
  /** Recent media samples per call handle, oldest first. */
  media: Record<string, MediaSample[]>;
  /** Handles of the calls in the last media read. */
  liveHandles: string[];
  sampleMedia(): Promise<void>;
}

export type MediaStore = StoreApi<MediaState>;

/** Creates the media store of one phone's console. */
export function createMediaStore(api: DeskpilotApi, phoneId: string): MediaStore {
  return createStore<MediaState>()((set, get) => ({
    media: {},
    liveHandles: [],
    async sampleMedia() {
      const outcome = await api.device.media({ phoneId });
      if (!outcome.ok) return;
      const media = { ...get().media };
      for (const sample of outcome.value) {
        media[sample.handle] = [...(media[sample.handle] ?? []), sample].slice(-MEDIA_HISTORY);
      }
      set({ media, liveHandles: outcome.value.map((sample) => sample.handle) });
    },
  }));
}
