import { clockText, durationWords, modelNumber } from './dialect-formats';
import { ok, status, type Route, type RouteContext, type RouteResult } from './route-types';
import { callDurationSeconds, callMediaMs } from '../calls/call-clock';
import { phoneTimestamp } from '../calls/call-logs';
import type { SimCall } from '../calls/call-types';
import type { LineView, SimulatedPhone } from '../phone/phone';

const yes = (flag: boolean): string => (flag ? 'True' : 'False');

/** lineInfo's entries: one per registration, or (real phones) one per line key it takes. */
function lineEntries(phone: SimulatedPhone): { key: number; line: LineView }[] {
  const out: { key: number; line: LineView }[] = [];
  for (const line of phone.lines()) {
    const keys = phone.dialect.lineEntries === 'per-key' ? line.keys : 1;
    for (let k = 0; k < keys && out.length < phone.model.lineKeys; k += 1) {
      out.push({ key: phone.dialect.lineEntries === 'per-key' ? out.length + 1 : line.line, line });
    }
  }
  return out;
}

/** The factory line a real phone lists when no line is configured, named after the model. */
function placeholderLine(phone: SimulatedPhone): Record<string, string>[] {
  const name = modelNumber(phone);
  const short = {
    LineNumber: '1',
    RegistrationStatus: 'unregistered',
    LineType: 'private',
    SIPAddress: name.replace(/\s/g, ''),
    Label: name,
    UserID: name,
  };
  switch (phone.dialect.placeholderLine) {
    case 'none':
      return [];
    case 'short':
      return [short];
    case 'full':
      return [{ ...short, Protocol: '', ProxyAddress: '', Port: '' }];
  }
}

/** lineInfo v1: the reference's entry per line, or a real phone's lower-case entry per key. */
function lineInfoV1(phone: SimulatedPhone): Record<string, string>[] {
  const entries = lineEntries(phone);
  if (entries.length === 0) return placeholderLine(phone);
  const real = phone.dialect.lineEntries === 'per-key';
  return entries.map(({ key, line: l }) => ({
    LineNumber: String(key),
    Protocol: 'SIP',
    SIPAddress: l.server === '' ? l.address : `${l.address}@${l.server}`,
    ProxyAddress: l.server,
    ...(real ? {} : { AutoDiscovery: 'Disabled' }),
    UserID: l.userId,
    Label: l.label,
    LineType: real ? l.type.toLowerCase() : l.type,
    RegistrationStatus: real ? l.registration.toLowerCase() : l.registration,
    Port: l.port,
  }));
}

function lineV2(phone: SimulatedPhone, l: LineView): Record<string, unknown> {
  const calls = phone.calls.list().filter((c) => c.line === l.line);
  const registered = l.registration === 'Registered';
  const n = l.line;
  return {
    ID: String(n),
    Label: l.label,
    Username: l.userId,
    Assigned: 'True',
    RegistrationStatus: l.registration,
    Type: l.type,
    Active: yes(calls.length > 0),
    DoNotDisturb: yes(phone.dnd),
    CallAppearances: calls.map((c) => c.handle),
    CallServers: [
      {
        ID: '1',
        Address: l.server,
        RegistrationStatus: l.registration,
        Port: l.port,
        Expires: registered ? l.expires : '0',
        Transport: l.transport,
        Working: yes(registered),
      },
    ],
    ForwardingConfig: {
      Always: phone.config.get(`divert.${n}.contact`),
      DoNotDisturb: phone.config.get(`divert.dnd.${n}.contact`),
      Busy: phone.config.get(`divert.busy.${n}.contact`),
      NoAnswer: phone.config.get(`divert.noanswer.${n}.contact`),
    },
  };
}

/**
 * lineInfo v2: an entry per line, or (real phones) per line key, where a registration's further
 * keys repeat it with no call servers. `?line=N` picks registration N's entries.
 */
function lineInfoV2(ctx: RouteContext): RouteResult {
  const { phone } = ctx;
  const wanted = ctx.query.get('line');
  if (wanted !== null && !/^\d+$/.test(wanted)) return status(4000);
  const entries = lineEntries(phone)
    .filter(({ line }) => wanted === null || line.line === Number(wanted))
    .map(({ key, line }, i, all) => {
      const entry = { ...lineV2(phone, line), ID: String(key) };
      return all[i - 1]?.line === line ? { ...entry, CallServers: [] } : entry;
    });
  return wanted !== null && entries.length === 0 ? status(4005) : ok(entries);
}

function sipStatus(phone: SimulatedPhone): Record<string, unknown> {
  const users = phone.lines().map((l) => {
    const calls = phone.calls.list().filter((c) => c.line === l.line && c.state !== 'Dialtone');
    const events =
      l.registration === 'Registered'
        ? [
            {
              Type: 'Register',
              Overlap: '120',
              CallID: `reg-${l.line}-${phone.setup.macAddress.toLowerCase()}@127.0.0.1`,
              RegistrationState: 'Registered',
              Expires: l.expires,
            },
          ]
        : [];
    return {
      Name: l.address,
      TotalEvents: String(events.length),
      LineNumber: String(l.line),
      Events: events,
      TotalCalls: String(calls.length),
      Calls: calls.map((c) => ({ CallState: c.state, CallID: c.sipCallId })),
    };
  });
  return { User: users, TotalUser: String(users.length) };
}

/**
 * pollForStatus: `Active` with the call's duration (`00:00:58`, or real phones'
 * `Active call duration 5 mins 25 secs`), else `Idle` with the time of the last call.
 */
function pollForStatus(phone: SimulatedPhone, now: number): Record<string, string> {
  const words = phone.dialect.durations === 'words';
  const call = phone.calls.focused() ?? phone.calls.list()[0];
  if (call) {
    const seconds = callDurationSeconds(call, now);
    return {
      State: 'Active',
      StateData: words ? `Active call duration ${durationWords(seconds)}` : clockText(seconds),
    };
  }
  const last = phone.calls.lastEndedAt;
  if (last !== null)
    return { State: 'Idle', StateData: `Time of last call ${phoneTimestamp(last)}` };
  return { State: 'Idle', StateData: words ? '' : 'No calls' };
}

function communicationType(call: SimCall): string {
  if (call.state === 'Connected') return 'RxTx';
  return 'None';
}

function communicationInfo(phone: SimulatedPhone): Record<string, unknown> {
  const calls = phone.calls.list();
  return {
    CommunicationType: calls.length === 0 ? ['Idle'] : calls.map(communicationType),
    FarEndMuteState: [],
    PhoneMuteState: yes(phone.calls.muted),
  };
}

/** Audio at G.722, 20 ms frames: 50 packets/s each way, 160-byte payloads (+12 RTP header). */
function audioStream(call: SimCall, now: number, muted: boolean): Record<string, string> {
  const seconds = callMediaMs(call, now) / 1000;
  const rx = Math.floor(seconds * 50);
  const tx = muted ? Math.floor(rx * 0.1) : rx;
  const lost = Math.floor(rx / 997);
  const jitter = 2 + (Math.floor(seconds) % 5);
  return {
    Ref: `${call.handle}-audio`,
    Category: '0:Voice',
    PacketsReceived: String(rx - lost),
    PacketsSent: String(tx),
    OctetsReceived: String((rx - lost) * 172),
    OctetsSent: String(tx * 172),
    PacketsExpected: String(rx),
    PacketsLost: String(lost),
    Jitter: String(jitter),
    MaxJitter: String(Math.max(jitter, 6)),
    Latency: String(18 + (Math.floor(seconds) % 4)),
    RxPayloadSize: '160',
    TxPayloadSize: '160',
    RxCodec: 'G.722',
    TxCodec: 'G.722',
    RxMOSCQ: '4.1',
    TxMOSCQ: '4.1',
    RxMOSLQ: '4.2',
    TxMOSLQ: '4.2',
  };
}

/** H.264 at 30 fps, 720p, ~90 packets/s (only on a phone with a camera). */
function videoStream(call: SimCall, now: number): Record<string, string> {
  const seconds = callMediaMs(call, now) / 1000;
  const packets = Math.floor(seconds * 90);
  return {
    Ref: `${call.handle}-video`,
    Category: '1:Video',
    PacketsReceived: String(packets),
    PacketsSent: String(packets),
    OctetsReceived: String(packets * 1100),
    OctetsSent: String(packets * 1100),
    PacketsExpected: String(packets),
    PacketsLost: '0',
    Jitter: '4',
    MaxJitter: '9',
    Latency: '40',
    RxPayloadSize: '1100',
    TxPayloadSize: '1100',
    RxCodec: 'H.264',
    TxCodec: 'H.264',
    VideoRxFramerate: '30',
    VideoRxFrameWidth: '1280',
    VideoRxFrameHeight: '720',
    VideoRxFastUpdateReqCnt: '0',
    VideoRxActBitrateKbps: '768',
    VideoTxFramerate: '30',
    VideoTxFrameWidth: '1280',
    VideoTxFrameHeight: '720',
    VideoTxConfigBitrateKbps: '1024',
    VideoTxFastUpdateReqCnt: '0',
    VideoTxActBitrateKbps: '768',
  };
}

/** Sessions exist for calls that have carried media (connected or held after connecting). */
function sessionStats(phone: SimulatedPhone, now: number): Record<string, unknown>[] {
  return phone.calls
    .list()
    .filter((c) => c.connectedAt !== null && c.state !== 'Disconnected')
    .map((call) => ({
      Ref: call.handle,
      SRTPCall: 'False',
      H235Call: 'False',
      H235DHKey: '',
      Streams: phone.model.camera
        ? [audioStream(call, now, phone.calls.muted), videoStream(call, now)]
        : [audioStream(call, now, phone.calls.muted)],
    }));
}

/** Line, SIP, poll and media endpoints: all read the same call and line state. */
export const statusRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v1/mgmt/lineInfo',
    access: 'admin',
    handle: (c) => ok(lineInfoV1(c.phone)),
  },
  { method: 'GET', path: '/api/v2/mgmt/lineInfo', access: 'admin', handle: lineInfoV2 },
  {
    method: 'GET',
    path: '/api/v1/webCallControl/sipStatus',
    access: 'user',
    handle: (c) => ok(sipStatus(c.phone)),
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/pollForStatus',
    access: 'user',
    handle: (c) => ok(pollForStatus(c.phone, c.now)),
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/media/communicationInfo',
    access: 'user',
    handle: (c) => ok(communicationInfo(c.phone)),
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/media/sessionStats',
    access: 'admin',
    handle: (c) => ok(sessionStats(c.phone, c.now)),
  },
];
