import { useState } from 'react';
import type { Call } from '../../../shared/domain';
import { describeDuration, elapsedSeconds, formatDuration } from '../../lib/call-duration';
import {
  allowedCallActions,
  callerName,
  describeCallState,
  type CallAction,
} from '../../lib/call-state';
import type { CallsState } from '../../stores/calls-store';
import { useAppStore } from '../../stores/stores-context';
import { Keypad } from '../dialpad/keypad';
import { useNumberFormat } from '../../lib/format-number';
import { CallerAvatar } from './caller-avatar';
import { TransferForm } from './transfer-form';

/** The window-wide shortcut of each call action that has one (see use-shortcuts.ts). */
const SHORTCUT_OF: Partial<Record<CallAction, string>> = {
  Hold: 'Alt+H',
  Resume: 'Alt+H',
  Mute: 'Alt+M',
  Unmute: 'Alt+M',
  'End call': 'Alt+E',
};

export interface CallCardProps {
  phoneId: string;
  call: Call;
  /** Name from the contacts when the phone does not know one. */
  contactName: string | null;
  now: number;
  pending: string | undefined;
  /** False where the phone offers no call control: the call is shown, acted on at the phone. */
  controllable: boolean;
  /** Why the call's buttons wait (the phone stopped answering); null while it answers. */
  waiting: string | null;
  /** Another call on the phone is talking now: Resume swaps the two. */
  otherTalking: boolean;
  /** The phone has another live call (the transfer form says what cannot be done with both). */
  otherCall: boolean;
  actions: Pick<
    CallsState,
    | 'answer'
    | 'reject'
    | 'ignore'
    | 'hold'
    | 'resume'
    | 'end'
    | 'setMuted'
    | 'transfer'
    | 'sendDtmf'
  >;
}

/** One call: who, state in words, line, a ticking duration, and the actions its state allows. */
export function CallCard({
  phoneId,
  call,
  contactName,
  now,
  pending,
  controllable,
  waiting,
  otherTalking,
  otherCall,
  actions,
}: CallCardProps) {
  const [panel, setPanel] = useState<'transfer' | 'keypad' | null>(null);
  const formatNumber = useNumberFormat();
  const tones = useAppStore('calls', (state) => state.tones[call.handle]);
  const name = callerName(call, contactName);
  const seconds = elapsedSeconds(call, now);
  const allowed = controllable ? allowedCallActions(call, otherTalking) : [];
  const visiblePanel =
    panel !== null && allowed.includes(panel === 'transfer' ? 'Transfer' : 'Keypad') ? panel : null;

  const perform: Record<CallAction, () => void> = {
    Answer: () => void actions.answer(phoneId, call.handle),
    Reject: () => void actions.reject(phoneId, call.handle),
    Ignore: () => void actions.ignore(phoneId, call.handle),
    Hold: () => void actions.hold(phoneId, call.handle),
    Resume: () => void actions.resume(phoneId, call.handle),
    Swap: () => void actions.resume(phoneId, call.handle),
    'End call': () => void actions.end(phoneId, call.handle),
    Mute: () => void actions.setMuted(phoneId, call.handle, true),
    Unmute: () => void actions.setMuted(phoneId, call.handle, false),
    Transfer: () => setPanel(visiblePanel === 'transfer' ? null : 'transfer'),
    Keypad: () => setPanel(visiblePanel === 'keypad' ? null : 'keypad'),
  };

  return (
    <article className={`call call-${call.state.toLowerCase()}`} aria-label={`Call with ${name}`}>
      <header className="call-header">
        <CallerAvatar name={contactName ?? call.remoteName} />
        <div className="call-who">
          <h3 className="call-name">{name}</h3>
          {call.remoteNumber && call.remoteNumber !== name && (
            <p className="call-number">{formatNumber(call.remoteNumber)}</p>
          )}
          <p className="call-meta">
            {call.direction === 'Incoming' ? 'Incoming' : 'Outgoing'} · Line {call.line}
            {call.muted && <span className="badge badge-muted">Muted</span>}
          </p>
        </div>
        <p className="call-state">
          <span className="call-state-words">{describeCallState(call)}</span>
          <span className="call-duration" aria-label={`Duration ${describeDuration(seconds)}`}>
            {formatDuration(seconds)}
          </span>
        </p>
      </header>
      {!controllable && call.state !== 'Disconnected' && (
        <p className="hint">Answer, hold or end this call on the phone itself.</p>
      )}
      {waiting !== null && (
        <p className="report report-problem call-waiting-phone" id={`waiting-${call.handle}`}>
          {waiting}
        </p>
      )}
      <div
        className="actions call-actions"
        role="group"
        aria-label={`Actions for the call with ${name}`}
      >
        {allowed.map((action) => (
          <button
            key={action}
            type="button"
            className={
              action === 'End call' || action === 'Reject'
                ? 'danger'
                : action === 'Answer'
                  ? 'answer'
                  : undefined
            }
            aria-expanded={
              action === 'Transfer'
                ? visiblePanel === 'transfer'
                : action === 'Keypad'
                  ? visiblePanel === 'keypad'
                  : undefined
            }
            aria-pressed={action === 'Unmute' ? true : action === 'Mute' ? false : undefined}
            aria-keyshortcuts={SHORTCUT_OF[action]}
            disabled={
              waiting !== null ||
              (pending !== undefined && action !== 'Keypad' && action !== 'Transfer')
            }
            aria-describedby={waiting === null ? undefined : `waiting-${call.handle}`}
            onClick={perform[action]}
          >
            {action}
          </button>
        ))}
      </div>
      {pending !== undefined && (
        <p className="hint" role="status">
          {pending}
        </p>
      )}
      {tones && (
        <p className="call-tones">
          Tones sent: <output aria-label="Tones sent">{tones}</output>
        </p>
      )}
      {visiblePanel === 'transfer' && (
        <TransferForm
          otherCall={otherCall}
          onCancel={() => setPanel(null)}
          onTransfer={(destination) => {
            setPanel(null);
            void actions.transfer(phoneId, call.handle, destination);
          }}
        />
      )}
      {visiblePanel === 'keypad' && (
        <Keypad
          label={`Tones for the call with ${name}`}
          onKey={(digit) => void actions.sendDtmf(phoneId, call.handle, digit)}
        />
      )}
    </article>
  );
}
