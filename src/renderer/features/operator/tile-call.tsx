import type { Call } from '../../../shared/domain';
import { describeDuration, elapsedSeconds, formatDuration } from '../../lib/call-duration';
import {
  allowedCallActions,
  callerName,
  describeCallState,
  type CallAction,
} from '../../lib/call-state';
import type { CallsState } from '../../stores/calls-store';

/** The actions a tile offers on a call: the everyday ones; the rest stay on the Calls page. */
const TILE_ACTIONS: readonly CallAction[] = [
  'Answer',
  'Reject',
  'Hold',
  'Resume',
  'Swap',
  'End call',
];

export type TileCallActions = Pick<CallsState, 'answer' | 'reject' | 'hold' | 'resume' | 'end'>;

/** One call on a tile: who and a ticking duration; `more` counts the phone's other calls. */
export function TileCallSummary({
  call,
  now,
  more = 0,
}: {
  call: Call;
  now: number;
  more?: number;
}) {
  const seconds = elapsedSeconds(call, now);
  return (
    <p className="tile-call">
      <span className="tile-call-duration" aria-label={describeDuration(seconds)}>
        {formatDuration(seconds)}
      </span>{' '}
      <span className="tile-call-party">{callerName(call, null)}</span>
      {more > 0 && <span className="tile-more-calls"> +{more}</span>}
    </p>
  );
}

/** One call in a tile's More panel: its state in words as well. */
export function TileCallLine({ call, now }: { call: Call; now: number }) {
  return (
    <>
      <p className="tile-call-state">{describeCallState(call)}</p>
      <TileCallSummary call={call} now={now} />
    </>
  );
}

/**
 * A call's buttons on a tile (Answer and Reject while it rings; Hold or Resume, and End,
 * afterwards), through the same calls store as the Calls page. `tabbable` is false on tiles
 * that are not the current one, so Tab leaves the grid instead of walking every button.
 */
export function TileCallButtons({
  phoneId,
  call,
  otherTalking,
  pending,
  actions,
  tabbable,
}: {
  phoneId: string;
  call: Call;
  otherTalking: boolean;
  pending: string | undefined;
  actions: TileCallActions;
  tabbable: boolean;
}) {
  const perform: Partial<Record<CallAction, () => void>> = {
    Answer: () => void actions.answer(phoneId, call.handle),
    Reject: () => void actions.reject(phoneId, call.handle),
    Hold: () => void actions.hold(phoneId, call.handle),
    Resume: () => void actions.resume(phoneId, call.handle),
    Swap: () => void actions.resume(phoneId, call.handle),
    'End call': () => void actions.end(phoneId, call.handle),
  };
  const shown = allowedCallActions(call, otherTalking).filter((action) =>
    TILE_ACTIONS.includes(action),
  );
  const party = callerName(call, null);
  return (
    <div className="tile-actions" role="group" aria-label={`Actions for the call with ${party}`}>
      {shown.map((action) => (
        <button
          key={action}
          type="button"
          tabIndex={tabbable ? 0 : -1}
          className={
            action === 'Answer'
              ? 'answer'
              : action === 'End call' || action === 'Reject'
                ? 'danger'
                : undefined
          }
          aria-label={action === 'End call' ? 'End call' : undefined}
          disabled={pending !== undefined}
          onClick={perform[action]}
        >
          {action === 'End call' ? 'End' : action}
        </button>
      ))}
      {pending !== undefined && (
        <span className="tile-pending" role="status">
          {pending}
        </span>
      )}
    </div>
  );
}
