/**
 * How a call ended. The REST API never says why in so many words: the reason comes from what the
 * phone showed (a `Disconnected` call's text on its screen, read by end-reasons.ts), otherwise
 * from the call's course as the feeds saw it — whether it was ever connected, whether the phone
 * showed it `Disconnected` (the other side left) or it simply went (hung up here or at the phone).
 */
import type { Call, CallOutcome } from '../../../shared/domain';

/** What the tracker saw of a call over its life. */
export interface CallCourse {
  /** The call was Connected or held at some point. */
  connected: boolean;
  /** When a feed first reported it (epoch ms). */
  firstSeenAt: number;
}

/** The outcome of `call` (as last seen) now that it is gone; `endedHere` when Deskpilot ended it. */
export function judgeOutcome(call: Call, course: CallCourse, endedHere: boolean): CallOutcome {
  if (call.outcome !== undefined) return call.outcome;
  if (endedHere) return course.connected || call.direction === 'Incoming' ? 'ended' : 'cancelled';
  if (call.direction === 'Incoming' && !course.connected) return 'missed';
  const shownEnded = call.state === 'Disconnected';
  if (course.connected) return shownEnded ? 'ended-by-other-side' : 'ended';
  return shownEnded ? 'failed' : 'cancelled';
}
