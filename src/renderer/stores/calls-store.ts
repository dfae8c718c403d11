import { createStore } from 'zustand/vanilla';
import type { ContractError } from '../../shared/contract/errors';
import type { DialRequest } from '../../shared/contract/links';
import { dialTextOf } from '../../shared/parsed-link';
import type { DeskpilotApi } from '../../shared/contract/api';
import type { NoticesStore } from './notices-store';

export interface CallsState {
  /** What is in flight, per call handle ("dial" for a new call): shown at once as feedback. */
  pending: Record<string, string>;
  /**
   * The last refused call action of each phone, by phone id, in words; cleared when the next
   * action on that phone starts or after FAILURE_SHOWN_MS. The operator view shows it on the
   * phone's tile.
   */
  failures: Record<string, string>;
  /** The DTMF digits sent on each call from this window, shown on its card (bounded). */
  tones: Record<string, string>;
  /** The last destination dialled from this window, for redial. */
  lastDialled: string | null;
  dial(phoneId: string, destination: string, line?: number): Promise<boolean>;
  redial(phoneId: string): Promise<boolean>;
  /**
   * Has the core dial a request from outside the window the user confirmed; `shownPhoneId` is
   * the phone the window shows (the core's rule decides which phone dials).
   */
  confirmDialRequest(request: DialRequest, shownPhoneId: string | null): Promise<boolean>;
  /** Answers; `others` holds or ends the call already up first (call waiting). */
  answer(phoneId: string, handle: string, others?: 'hold' | 'end'): Promise<boolean>;
  reject(phoneId: string, handle: string): Promise<boolean>;
  ignore(phoneId: string, handle: string): Promise<boolean>;
  hold(phoneId: string, handle: string): Promise<boolean>;
  resume(phoneId: string, handle: string): Promise<boolean>;
  end(phoneId: string, handle: string): Promise<boolean>;
  setMuted(phoneId: string, handle: string, muted: boolean): Promise<boolean>;
  transfer(phoneId: string, handle: string, destination: string): Promise<boolean>;
  sendDtmf(phoneId: string, handle: string, digits: string): Promise<boolean>;
  /** Has a made-up caller ring the demo phone (demo mode's way to try incoming calls). */
  ringDemo(): Promise<boolean>;
}

/** Any request's outcome, when only success or the error matters. */
type Outcome = { ok: true } | { ok: false; error: ContractError };

/** How many of the last tones sent on a call its card shows. */
const TONES_SHOWN = 32;

/** How long a refused call action stays on its phone's tile. */
export const FAILURE_SHOWN_MS = 8000;

/** The key under which a new outgoing call's progress is tracked. */
export const DIAL_PENDING_KEY = 'dial';

/** Puts the phone's refusal into one sentence for the notice area. */
export function describeFailure(action: string, error: ContractError): string {
  return `${action} failed: ${error.message}`;
}

/**
 * Every call action. Each marks the call pending at once (the button reacts before the phone
 * answers), then reports the phone's refusal in words; the call list itself is updated by the
 * phone events, never optimistically, so it always shows what the phone really does.
 */
export function createCallsStore(api: DeskpilotApi, notices: NoticesStore) {
  return createStore<CallsState>()((set, get) => {
    // Several actions may be in flight on one call (tones sent while a transfer runs): the call
    // stays pending, showing the newest label, until the last of them ends.
    const inFlight = new Map<string, { label: string }[]>();

    function showPending(key: string): void {
      const latest = inFlight.get(key)?.at(-1);
      const others = Object.entries(get().pending).filter(([k]) => k !== key);
      set({ pending: Object.fromEntries(latest ? [...others, [key, latest.label]] : others) });
    }

    function noteFailure(phoneId: string, message: string | null): void {
      const others = Object.entries(get().failures).filter(([id]) => id !== phoneId);
      if (message === null && others.length === Object.keys(get().failures).length) return;
      set({
        failures: Object.fromEntries(message === null ? others : [...others, [phoneId, message]]),
      });
      // Said for a while, like a notice; a newer failure on the phone replaces it.
      if (message !== null) {
        setTimeout(() => {
          if (get().failures[phoneId] === message) noteFailure(phoneId, null);
        }, FAILURE_SHOWN_MS);
      }
    }

    async function run(
      key: string,
      label: string,
      action: string,
      request: () => Promise<Outcome>,
      phoneId?: string,
    ): Promise<boolean> {
      const entry = { label };
      inFlight.set(key, [...(inFlight.get(key) ?? []), entry]);
      showPending(key);
      if (phoneId !== undefined) noteFailure(phoneId, null);
      try {
        const outcome = await request();
        if (!outcome.ok) {
          const failure = describeFailure(action, outcome.error);
          notices.getState().push('error', failure);
          if (phoneId !== undefined) noteFailure(phoneId, failure);
        }
        return outcome.ok;
      } finally {
        const left = (inFlight.get(key) ?? []).filter((other) => other !== entry);
        if (left.length > 0) inFlight.set(key, left);
        else inFlight.delete(key);
        showPending(key);
      }
    }

    return {
      pending: {},
      failures: {},
      tones: {},
      lastDialled: null,
      async dial(phoneId, destination, line) {
        const trimmed = destination.trim();
        if (trimmed === '') {
          notices.getState().push('error', 'Type a number or SIP address to dial.');
          return false;
        }
        set({ lastDialled: trimmed });
        return run(DIAL_PENDING_KEY, `Dialling ${trimmed}…`, 'Dialling', () =>
          api.calls.dial(
            line === undefined
              ? { phoneId, destination: trimmed }
              : { phoneId, destination: trimmed, line },
          ),
        );
      },
      async confirmDialRequest(request, shownPhoneId) {
        set({ lastDialled: dialTextOf(request.link) });
        const { id } = request;
        return run(DIAL_PENDING_KEY, `Dialling ${request.link.display}…`, 'Dialling', () =>
          api.links.confirmDial(shownPhoneId === null ? { id } : { id, phoneId: shownPhoneId }),
        );
      },
      async redial(phoneId) {
        const remembered = get().lastDialled;
        if (remembered !== null) return get().dial(phoneId, remembered);
        const logs = await api.calls.logs({ phoneId, kind: 'placed' });
        const last = logs.ok ? logs.value[0] : undefined;
        if (!last) {
          notices.getState().push('info', 'Nothing to redial yet.');
          return false;
        }
        return get().dial(phoneId, last.remoteNumber);
      },
      answer: (phoneId, handle, others) =>
        run(
          handle,
          'Answering…',
          'Answering',
          () =>
            api.calls.answer(
              others === undefined ? { phoneId, handle } : { phoneId, handle, others },
            ),
          phoneId,
        ),
      reject: (phoneId, handle) =>
        run(
          handle,
          'Rejecting…',
          'Rejecting',
          () => api.calls.reject({ phoneId, handle }),
          phoneId,
        ),
      ignore: (phoneId, handle) =>
        run(handle, 'Ignoring…', 'Ignoring', () => api.calls.ignore({ phoneId, handle }), phoneId),
      hold: (phoneId, handle) =>
        run(handle, 'Putting on hold…', 'Hold', () => api.calls.hold({ phoneId, handle }), phoneId),
      resume: (phoneId, handle) =>
        run(handle, 'Resuming…', 'Resume', () => api.calls.resume({ phoneId, handle }), phoneId),
      end: (phoneId, handle) =>
        run(
          handle,
          'Ending…',
          'Ending the call',
          () => api.calls.end({ phoneId, handle }),
          phoneId,
        ),
      setMuted: (phoneId, handle, muted) =>
        run(handle, muted ? 'Muting…' : 'Unmuting…', muted ? 'Mute' : 'Unmute', () =>
          api.calls.mute({ phoneId, muted }),
        ),
      async transfer(phoneId, handle, destination) {
        const ok = await run(handle, `Transferring to ${destination}…`, 'Transfer', () =>
          api.calls.transfer({ phoneId, handle, destination }),
        );
        if (ok) notices.getState().push('success', `Call transferred to ${destination}.`);
        return ok;
      },
      ringDemo: () =>
        run('demo-ring', 'Calling the demo phone…', 'Simulating a call', () =>
          api.phones.ringDemo({}),
        ),
      async sendDtmf(phoneId, handle, digits) {
        const ok = await run(handle, `Sending ${digits}…`, 'Sending tones', () =>
          api.calls.sendDtmf({ phoneId, digits }),
        );
        if (ok) {
          const sent = `${get().tones[handle] ?? ''}${digits}`.slice(-TONES_SHOWN);
          set({ tones: { ...get().tones, [handle]: sent } });
        }
        return ok;
      },
    };
  });
}

export type CallsStore = ReturnType<typeof createCallsStore>;
