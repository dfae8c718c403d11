/**
 * How values are written in each dialect (dialects/dialects.ts): model names, MAC addresses,
 * uptimes, durations, call handles and remote numbers. The forms are the captured ones quoted in
 * README.md, "Dialects".
 */
import type { Dialect } from '../dialects/dialects';
import type { SimulatedPhone } from '../phone/phone';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `ModelNumber`: `VVX601`, `VVX 601`, or the product's own name. */
export function modelNumber(phone: SimulatedPhone): string {
  const form = phone.dialect.modelNumber;
  if (typeof form === 'object') return form.product;
  return form === 'spaced' ? phone.model.id.replace(/^VVX/, 'VVX ') : phone.model.id;
}

/** The MAC address in the dialect's case. */
export function macAddress(phone: SimulatedPhone): string {
  const mac = phone.setup.macAddress;
  return phone.dialect.macAddress === 'lower' ? mac.toLowerCase() : mac;
}

/**
 * An uptime as text: `0 Days 00:00:07` (reference), `0 day 0:55:11` / `2 days 12:44:11` (day),
 * `0 Day 2:26:00` (Day), `3.02:24:46` (dotted).
 */
export function uptimeText(seconds: number, form: Dialect['uptime']): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const clock = `${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  switch (form) {
    case 'reference':
      return `${days} Days ${pad(hours)}:${clock}`;
    case 'day':
      return `${days} ${days > 1 ? 'days' : 'day'} ${hours}:${clock}`;
    case 'Day':
      return `${days} ${days > 1 ? 'Days' : 'Day'} ${hours}:${clock}`;
    case 'dotted':
      return `${days}.${pad(hours)}:${clock}`;
  }
}

/**
 * A duration in words, as real phones write call durations: `39 secs`, `5 mins 25 secs`,
 * `1 hour 0 mins 5 secs` (singular for 1, leading zero units left out).
 */
export function durationWords(seconds: number): string {
  const units: [number, string][] = [
    [Math.floor(seconds / 86400), 'day'],
    [Math.floor((seconds % 86400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'min'],
    [seconds % 60, 'sec'],
  ];
  const first = units.findIndex(([value], i) => value > 0 || i === units.length - 1);
  return units
    .slice(first)
    .map(([value, unit]) => `${value} ${unit}${value === 1 ? '' : 's'}`)
    .join(' ');
}

/** `HH:MM:SS`, the reference's active-call duration. */
export function clockText(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/**
 * A call handle as callStatus prints it: eight hex digits (reference), or without leading zeros
 * (`0x3740b48` in v1, `3740b48` in v2) as real phones print them.
 */
export function callHandle(phone: SimulatedPhone, handle: string, version: 'v1' | 'v2'): string {
  if (phone.dialect.handles === 'padded') return handle;
  const trimmed = handle.replace(/^0+(?=.)/, '');
  return version === 'v1' ? `0x${trimmed}` : trimmed;
}

/** A remote party as a call or call-log entry knows it. */
export interface RemoteParty {
  number: string;
  /** SIP, TEL or H323: how it was dialled, or how the incoming call was offered. */
  dialType: string;
  line: number;
  incoming: boolean;
}

/**
 * A remote party's number as the dialect prints it: as dialled (reference), or as a URI —
 * `sip:user@host` for SIP (the line's server when no host was given), and for TEL the bare
 * number, or `tel:1234` for a caller in the `sip-or-tel` form.
 */
export function remoteNumber(phone: SimulatedPhone, party: RemoteParty): string {
  const { number, dialType, line } = party;
  const form = phone.dialect.remoteNumber;
  if (form === 'raw' || number === '' || /^(sips?|tel):/i.test(number)) return number;
  if (dialType === 'SIP' || number.includes('@')) {
    if (number.includes('@')) return `sip:${number}`;
    const server = phone.config.get(`reg.${line}.server.1.address`);
    return server === '' ? `sip:${number}` : `sip:${number}@${server}`;
  }
  return form === 'sip-or-tel' && party.incoming ? `tel:${number}` : number;
}
