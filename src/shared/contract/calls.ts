/** `calls.*`: call control on one phone, and its call logs. */
import { z } from 'zod';

import { CALL_LOG_KINDS, type CallLogEntry } from '../domain';
import { callHandle, dialText, dtmfDigits, lineNumber, phoneId } from '../value-rules';
import { action, verb } from './define';

/** A call, or (without a handle) the one the phone picks: the ringing or the active call. */
const someCall = z.strictObject({ phoneId, handle: callHandle.optional() });
const oneCall = z.strictObject({ phoneId, handle: callHandle });

export const calls = {
  dial: verb(
    z.strictObject({ phoneId, destination: dialText, line: lineNumber.optional() }),
  ).returns<{ handle: string | null }>(),
  /** `others`: what happens to the call already up (call waiting): held, or ended, first. */
  answer: verb(someCall.extend({ others: z.enum(['hold', 'end']).optional() })).returns<{
    handle: string | null;
  }>(),
  ignore: action(someCall),
  reject: action(someCall),
  hold: action(someCall),
  resume: action(someCall),
  end: action(oneCall),
  mute: action(z.strictObject({ phoneId, muted: z.boolean() })),
  transfer: action(z.strictObject({ phoneId, handle: callHandle, destination: dialText })),
  sendDtmf: action(z.strictObject({ phoneId, digits: dtmfDigits })),
  logs: verb(z.strictObject({ phoneId, kind: z.enum(CALL_LOG_KINDS).optional() })).returns<
    CallLogEntry[]
  >(),
};
