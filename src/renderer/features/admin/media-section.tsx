import { useStore } from 'zustand';

import { useVisibleInterval } from '../screen/use-visible-interval';
import type { AdminStores } from './stores/admin-stores';
import { KeyValueList } from './device-section';
import { Sparkline } from './sparkline';

/** How often media statistics are sampled while the Media tab is open and visible. */
const MEDIA_SAMPLE_MS = 1500;

/** sessionStats / communicationInfo of live calls: jitter, loss and MOS as live charts. */
export function MediaSection({ stores }: { stores: AdminStores }) {
  const media = useStore(stores.media, (state) => state.media);
  const live = useStore(stores.media, (state) => state.liveHandles);
  const sampleMedia = useStore(stores.media, (state) => state.sampleMedia);
  useVisibleInterval(sampleMedia, MEDIA_SAMPLE_MS);
  if (live.length === 0) {
    return (
      <p className="admin-section">
        No call is in progress. Jitter, packet loss and MOS charts appear here while a call runs.
      </p>
    );
  }
  return (
    <div className="admin-section">
      {live.map((handle) => {
        const samples = media[handle] ?? [];
        const last = samples.at(-1);
        const mos = samples.flatMap((sample) => (sample.mos === null ? [] : [sample.mos]));
        return (
          <section key={handle} className="admin-group" aria-label={`Call ${handle}`}>
            <header>
              <h2>
                Call {handle}
                {last ? ` · ${last.codec}` : ''}
              </h2>
            </header>
            <div className="media-charts">
              <Sparkline label="Jitter" unit=" ms" values={samples.map((s) => s.jitterMs)} />
              <Sparkline
                label="Packet loss"
                unit=" %"
                values={samples.map((s) => s.packetLossPercent)}
              />
              {mos.length > 0 && (
                <Sparkline label="MOS" unit="" values={mos} floor={1} ceiling={5} />
              )}
            </div>
            {last && (
              <details>
                <summary>Everything the phone reports for this call</summary>
                <KeyValueList group={last.raw} />
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}
