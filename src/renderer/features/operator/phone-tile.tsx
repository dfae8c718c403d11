import { memo, useState } from 'react';
import type { PhoneSnapshot } from '../../../shared/domain';
import { useAppStore } from '../../stores/stores-context';
import {
  describeLines,
  describeTileState,
  liveCalls,
  tileLabel,
  tileState,
} from './operator-model';
import { TileDetails } from './tile-details';
import { TileCallButtons, TileCallSummary } from './tile-call';

export interface PhoneTileProps {
  phone: PhoneSnapshot;
  now: number;
  /** The tile the arrow keys are on: the only one in the Tab order. */
  current: boolean;
  groups: string[];
  /** The tile itself took focus (a click, or the arrow keys). */
  onFocus: (phoneId: string) => void;
}

/** Whether the tile can act on the phone's calls: it answers and allows call control. */
export function controllable(phone: PhoneSnapshot): boolean {
  return phone.status.health === 'online' && !phone.status.missing.includes('call-control');
}

/**
 * One phone at a glance: name, state in words, lines registered, its first call with a ticking
 * duration and the everyday buttons; a ringing tile stands out (colour, motion and the word
 * "Ringing"). The rest of its calls and its group are one button away (More).
 */
export const PhoneTile = memo(function PhoneTile({
  phone,
  now,
  current,
  groups,
  onFocus,
}: PhoneTileProps) {
  const [detailsOpen, setDetailsOpen] = useState(false);
  const pending = useAppStore('calls', (state) => state.pending);
  const failure = useAppStore('calls', (state) => state.failures[phone.info.id]);
  const actions = useAppStore('calls', (state) => state);
  const state = tileState(phone);
  const calls = liveCalls(phone);
  const [first] = calls;
  const lines = describeLines(phone);
  const canAct = controllable(phone);
  const id = phone.info.id;
  const otherTalking = (handle: string) =>
    calls.some((call) => call.handle !== handle && call.state === 'Connected');
  // A phone that stopped answering: its calls' clocks stop where it was last heard.
  const clock =
    state === 'offline' || state === 'connecting' ? (phone.status.lastSeenAt ?? now) : now;

  return (
    <div
      className={`operator-tile tile-${state}`}
      role="group"
      aria-label={tileLabel(phone)}
      aria-roledescription="phone"
      data-phone-id={id}
      data-state={state}
      tabIndex={current ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus(id);
      }}
    >
      <p className="tile-name">{phone.info.name}</p>
      <p className="tile-status">
        <span className="tile-state">{describeTileState(phone)}</span>
        {lines !== '' && <span className="tile-lines">{lines}</span>}
      </p>
      <div className="tile-row">
        {first && state !== 'offline' ? (
          <TileCallSummary
            call={first}
            now={Math.max(clock, first.observedAt)}
            more={calls.length - 1}
          />
        ) : (
          <p className="tile-call tile-quiet">
            {state === 'offline' || state === 'connecting' ? phone.status.message : 'No calls'}
          </p>
        )}
        <button
          type="button"
          className="quiet tile-more"
          tabIndex={current ? 0 : -1}
          aria-expanded={detailsOpen}
          aria-label={`More for ${phone.info.name}`}
          title={`More for ${phone.info.name}`}
          onClick={() => setDetailsOpen(!detailsOpen)}
        >
          ⋯
        </button>
      </div>
      {first && canAct && (
        <TileCallButtons
          phoneId={id}
          call={first}
          otherTalking={otherTalking(first.handle)}
          pending={pending[first.handle]}
          actions={actions}
          tabbable={current}
        />
      )}
      {failure !== undefined && (
        <p className="tile-failure" role="alert">
          {failure}
        </p>
      )}
      {detailsOpen && (
        <TileDetails
          phone={phone}
          calls={calls}
          now={clock}
          canAct={canAct}
          groups={groups}
          pending={pending}
          actions={actions}
          otherTalking={otherTalking}
          onClose={() => setDetailsOpen(false)}
        />
      )}
    </div>
  );
});
