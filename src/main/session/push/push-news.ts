/**
 * What one pushed event tells the live state. A call state change with a usable reference is
 * news at once (a ringing call with its caller, a state, a call gone); everything else about
 * calls only says "read the calls now"; line (un)registrations say "read the lines".
 */
import type { CallNews } from '../live/phone-feed';
import { pushedDirection, pushedHandle, pushedState, type PushEvent } from '../../push/push-event';

/** What the session should do after an event. */
export interface PushReaction {
  /** News to report now, before any read. */
  news: CallNews | null;
  /** A call the event says is gone (a handle). */
  ended: string | null;
  /** Read the calls now. */
  readCalls: boolean;
  /** Read the lines soon. */
  readLines: boolean;
}

const NOTHING: PushReaction = { news: null, ended: null, readCalls: false, readLines: false };
const READ_CALLS: PushReaction = { ...NOTHING, readCalls: true };

/** The reaction to `event`; see the module comment. */
export function reactionTo(event: PushEvent): PushReaction {
  switch (event.kind) {
    case 'call-state':
    case 'incoming':
      return callReaction(event);
    case 'outgoing':
    case 'off-hook':
    case 'on-hook':
    case 'unknown':
      return READ_CALLS;
    case 'line-registered':
    case 'line-unregistered':
      return { ...NOTHING, readLines: true };
    case 'phone-locked':
    case 'phone-unlocked':
    case 'user-login':
      return NOTHING;
  }
}

function callReaction(event: PushEvent): PushReaction {
  const handle = pushedHandle(event.callReference);
  // An incoming event names no call on the firmware seen so far: the read tells which one rings.
  const state = pushedState(event.callState || (event.kind === 'incoming' ? 'Offering' : ''));
  if (handle === null || state === 'unknown') return READ_CALLS;
  if (state === 'gone') return { ...READ_CALLS, ended: handle };
  const direction =
    pushedDirection(event.callType) ??
    (event.kind === 'incoming' || state === 'Offering' ? 'Incoming' : undefined);
  // The far party: the caller of an incoming call, the called party of an outgoing one.
  const [remoteName, remoteNumber] =
    direction === undefined
      ? ['', '']
      : direction === 'Outgoing'
        ? [event.calledPartyName, event.calledPartyNumber]
        : [event.callingPartyName, event.callingPartyNumber];
  const news: CallNews = {
    handle,
    state,
    ...(direction === undefined ? {} : { direction }),
    // Empty fields leave what is known alone.
    ...(remoteName === '' ? {} : { remoteName }),
    ...(remoteNumber === '' ? {} : { remoteNumber }),
    ...(event.line === null ? {} : { line: event.line }),
  };
  return { ...READ_CALLS, news };
}
