import type { PushFormat } from '../dialects/dialects';
import type { LineView, SimulatedPhone } from '../phone/phone';
import type { CallFacts, PendingEvent } from './push-watch';
import { escapeXml } from '../http/xml-text';

/** `2013-10-23T13:50:56-05:00`: local time with its offset, no fraction, as the phone stamps events. */
export function localTimeStamp(ms: number): string {
  const date = new Date(ms);
  const offset = -date.getTimezoneOffset();
  const pad = (value: number) => String(Math.trunc(Math.abs(value))).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

function element(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

/** A party's name and numbers as one line knows it. */
interface Party {
  name: string;
  /** `CallingPartyNumber` of the incoming/outgoing events. */
  number: string;
  /** `CallingPartyDirNum` inside CallInfo. */
  dirNum: string;
}

function party(name: string, user: string, server: string, format: PushFormat): Party {
  if (format.partyNumbers === 'bare' || user === '') return { name, number: user, dirNum: user };
  const address = user.includes('@') ? user.replace(/^sips?:/i, '') : `${user}@${server}`;
  return { name, number: address, dirNum: `sip:${address}` };
}

/** The phone's own line of `line`, as a party. */
function ownParty(line: LineView | undefined, format: PushFormat): Party {
  if (line === undefined) return { name: '', number: '', dirNum: '' };
  return party(line.displayName || line.label, line.address, line.server, format);
}

/** Calling and called party of a call: the far end calls in, or is called. */
function parties(call: CallFacts, line: LineView | undefined, format: PushFormat) {
  const own = ownParty(line, format);
  const remote = party(call.remoteName, call.remoteNumber, line?.server ?? '', format);
  return call.direction === 'Incoming'
    ? { calling: remote, called: own }
    : { calling: own, called: remote };
}

/** The line key a line starts on (each registration takes `reg.N.lineKeys` keys). */
function firstKey(lines: readonly LineView[], line: number): number {
  let key = 1;
  for (const view of lines) {
    if (view.line === line) return key;
    key += view.keys;
  }
  return line;
}

/**
 * One event as the phone posts it: `<PolycomIPPhone>` around the event element, in the format
 * of the phone's dialect (README "Pushed events").
 */
export function renderEvent(
  phone: SimulatedPhone,
  phoneIp: string,
  event: PendingEvent,
  now: number,
): string {
  const format = phone.dialect.push;
  const lines = phone.lines();
  const line = lines.find((view) => view.line === event.line);
  const common = [
    element('PhoneIP', phoneIp),
    element('MACAddress', phone.setup.macAddress.toLowerCase()),
  ];
  const stamp = element('TimeStamp', localTimeStamp(now));
  let body: string;
  const { call } = event;
  if (call !== null && event.name === 'CallStateChangeEvent') {
    body = callStateChange(call, line, firstKey(lines, call.line), format, common, stamp);
  } else if (call !== null) {
    const { calling, called } = parties(call, line, format);
    body =
      `<${event.name}>${common.join('')}` +
      element('CallingPartyName', calling.name) +
      element('CallingPartyNumber', calling.number) +
      element('CalledPartyName', called.name) +
      element('CalledPartyNumber', called.number) +
      `${stamp}</${event.name}>`;
  } else {
    const lineNumber = event.line === null ? '' : element('LineNumber', String(event.line));
    body = `<${event.name}>${common.join('')}${lineNumber}${stamp}</${event.name}>`;
  }
  const declaration = format.declaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '';
  return `${declaration}<PolycomIPPhone>${body}</PolycomIPPhone>`;
}

function callStateChange(
  call: CallFacts,
  line: LineView | undefined,
  lineKey: number,
  format: PushFormat,
  common: string[],
  stamp: string,
): string {
  const { calling, called } = parties(call, line, format);
  const callInfo =
    '<CallInfo>' +
    element('CallState', call.state) +
    element('CallType', call.direction) +
    element('UIAppearanceIndex', call.appearance) +
    element('CalledPartyName', called.name) +
    element('CalledPartyDirNum', called.dirNum) +
    element('CallingPartyName', calling.name) +
    element('CallingPartyDirNum', calling.dirNum) +
    element('CallReference', call.handle) +
    element('CallDuration', String(call.durationSeconds)) +
    '</CallInfo>';
  const lineInfo =
    '<CallLineInfo>' +
    element('LineKeyNum', String(lineKey)) +
    element('LineDirNum', line?.address ?? '') +
    element('LineState', call.state === 'Free' ? 'Inactive' : 'Active') +
    callInfo +
    '</CallLineInfo>';
  const lineNumber = format.lineNumber ? element('LineNumber', String(call.line)) : '';
  if (format.callFields === 'elements') {
    return (
      '<CallStateChangeEvent>' +
      element('CallReference', call.handle) +
      element('CallState', call.state) +
      common.join('') +
      lineNumber +
      stamp +
      lineInfo +
      '</CallStateChangeEvent>'
    );
  }
  return (
    `<CallStateChangeEvent CallReference="${escapeXml(call.handle)}" CallState="${escapeXml(call.state)}">` +
    common.join('') +
    lineNumber +
    stamp +
    lineInfo +
    '</CallStateChangeEvent>'
  );
}
