/**
 * The calls' endpoints of the VVX REST API: callStatus v1 and v2, call control and the call logs.
 * Like every client method, each sends exactly one request (see vvx-client.ts).
 */
import { CALL_LOG_KINDS, type CallLogEntry, type CallLogKind } from '../../shared/domain';
import { PhoneError } from './phone-error';
import { EndpointCaller, get, post } from './vvx-endpoints';
import { callListSchema, callLogsSchema, callSchema, type VvxCall } from './vvx-schemas';

/** The endpoints about calls; VvxClient adds the rest. */
export class CallEndpoints extends EndpointCaller {
  /** Call logs, all kinds or one (whose path answers the list itself on real phones). */
  async callLogs(kind?: CallLogKind): Promise<CallLogEntry[]> {
    const suffix = kind === undefined ? '' : `/${kind}`;
    const logs = await this.read(get('callLogs', `/api/v1/mgmt/callLogs${suffix}`), callLogsSchema);
    if (kind !== undefined) {
      return (logs[kind] ?? logs.unfiled ?? []).map((entry) => ({ kind, ...entry }));
    }
    return CALL_LOG_KINDS.flatMap((name) =>
      (logs[name] ?? []).map((entry) => ({ kind: name, ...entry })),
    );
  }

  /** The one current call (callStatus v1), or null when there is none (the phone says 4007). */
  async callStatusV1(): Promise<VvxCall | null> {
    try {
      return await this.read(get('callStatus', '/api/v1/webCallControl/callStatus'), callSchema);
    } catch (error) {
      if (error instanceof PhoneError && error.code === 'not-found') return null;
      throw error;
    }
  }

  /** All calls (callStatus v2), or those of one handle, line, or line and sequence. */
  async callStatusV2(
    filter: { handle: string } | { line: number; sequence?: number } | Record<string, never> = {},
  ): Promise<VvxCall[]> {
    const query: Record<string, string> = {};
    if ('handle' in filter) query.handle = filter.handle;
    if ('line' in filter) {
      query.line = String(filter.line);
      if (filter.sequence !== undefined) query.sequence = String(filter.sequence);
    }
    return this.read(
      get('callStatus v2', '/api/v2/webCallControl/callStatus'),
      callListSchema,
      undefined,
      Object.keys(query).length === 0 ? undefined : query,
    );
  }

  // ---- call control -------------------------------------------------------------------------

  /** Places a call. The phone acknowledges before the call exists: read callStatus for it. */
  dial(destination: string, line = 1, type: 'TEL' | 'SIP' | 'H323' = 'TEL'): Promise<void> {
    return this.write(post('dial', '/api/v1/callctrl/dial'), {
      Dest: destination,
      Line: String(line),
      Type: type,
    });
  }

  /** Ends a call. */
  endCall(ref: string): Promise<void> {
    return this.write(post('endCall', '/api/v1/callctrl/endCall'), { Ref: ref });
  }

  /** Mutes or unmutes the microphone. */
  mute(muted: boolean): Promise<void> {
    return this.write(post('mute', '/api/v1/callctrl/mute'), { state: muted ? '1' : '0' });
  }

  /** Blind-transfers a call. */
  transferCall(ref: string, destination: string): Promise<void> {
    return this.write(post('transferCall', '/api/v1/callctrl/transferCall'), {
      Ref: ref,
      TransferDest: destination,
    });
  }

  /** Sends DTMF digits on the active call. */
  sendDtmf(digits: string): Promise<void> {
    return this.write(post('sendDTMF', '/api/v1/callctrl/sendDTMF'), { Digits: digits });
  }

  /** Holds a call (the active one without `ref`). */
  holdCall(ref?: string): Promise<void> {
    return this.write(post('holdCall', '/api/v1/callctrl/holdCall'), optionalRef(ref));
  }

  /** Resumes a held call (the active one without `ref`). */
  resumeCall(ref?: string): Promise<void> {
    return this.write(post('resumeCall', '/api/v1/callctrl/resumeCall'), optionalRef(ref));
  }

  /** Answers an incoming call. */
  answerCall(ref?: string): Promise<void> {
    return this.write(post('answerCall', '/api/v1/callctrl/answerCall'), optionalRef(ref));
  }

  /** Silences an incoming call without rejecting it. */
  ignoreCall(ref?: string): Promise<void> {
    return this.write(post('ignoreCall', '/api/v1/callctrl/ignoreCall'), optionalRef(ref));
  }

  /** Rejects an incoming call. */
  rejectCall(ref?: string): Promise<void> {
    return this.write(post('rejectCall', '/api/v1/callctrl/rejectCall'), optionalRef(ref));
  }
}

function optionalRef(ref: string | undefined): Record<string, string> | undefined {
  return ref === undefined ? undefined : { Ref: ref };
}
