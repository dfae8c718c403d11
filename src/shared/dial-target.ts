/**
 * The one gate between "something to call" and the phone: what a user types or pastes
 * ("+1 (555) 123-4567", "555.123.4567 ext. 89", "1234", "alice@example.com") and links from the
 * OS (tel:, callto:, sip:, sips:). Anything that is not a dialable number or SIP address is refused
 * with a message naming the problem; nothing unvetted is ever passed on to the phone.
 *
 * Pure (no node imports) so the renderer may use it for instant validation; the core re-parses
 * every destination with it before dialling.
 *
 * Decisions:
 * - Vanity letters ("1-800-FLOWERS") are refused, with the keypad digits in the message: letters
 *   in a link or paste are more often a word, a Skype name or an attack than a vanity number.
 * - Extensions (";ext=", "ext. 89", "x89", ",89", "p89") and ";postd=" become `postDial` digits,
 *   never part of `destination`: the phone's dial request cannot carry them.
 * - Invisible formatting characters (bidi marks, zero-width spaces) that copy-paste adds are
 *   dropped; control characters, raw or %-encoded, refuse the whole input.
 * - SIP addresses keep user, host, port and transport only; a password is refused, other
 *   parameters and ?headers are dropped. A SIP address without a host is refused.
 * - International numbers are normalised to E.164 by libphonenumber-js (min metadata, ~31 KB
 *   gzipped in a browser bundle), which also drops a trunk "0" written after the country code.
 *   National numbers are dialled as written (digits only): without a configured country,
 *   turning them into E.164 would be a guess.
 */
import { parseSipBody } from './dial-target-sip';
import type { ParsedLink } from './parsed-link';
import { parseTelBody, parseTypedNumber } from './dial-target-tel';
import { DialTargetRefusal, refuseControlCharacters, stripInvisible } from './dial-target-text';

export type { ParsedLink };

/** Longest input considered; real numbers and SIP addresses are far shorter. */
export const MAX_DIAL_TARGET_LENGTH = 256;

export type DialTargetResult = { ok: true; value: ParsedLink } | { ok: false; message: string };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

function parseScheme(scheme: string, body: string): ParsedLink {
  switch (scheme) {
    case 'tel':
    case 'callto':
      return parseTelBody(body);
    case 'sip':
    case 'sips':
      return parseSipBody(scheme, body);
    default:
      throw new DialTargetRefusal(
        `A "${scheme}:" link is not something to dial: only tel:, callto:, sip: and sips: links are accepted.`,
      );
  }
}

function parse(input: string): ParsedLink {
  // "<sip:alice@example.com>" is how SIP headers and some address books quote addresses.
  const text = stripInvisible(input)
    .replace(/^<(.*)>$/s, '$1')
    .trim();
  if (text === '') throw new DialTargetRefusal('Nothing to dial: the number is empty.');
  if (text.length > MAX_DIAL_TARGET_LENGTH) {
    throw new DialTargetRefusal(
      `The number is ${text.length} characters long; a phone number or SIP address is at most ${MAX_DIAL_TARGET_LENGTH}.`,
    );
  }
  refuseControlCharacters(text);
  const scheme = SCHEME.exec(text);
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    return parseScheme(name, text.slice(scheme[0].length));
  }
  if (text.includes('@')) return parseSipBody('sip', text);
  return parseTypedNumber(text);
}

/**
 * Parses a typed number, a pasted number or a tel:/callto:/sip:/sips: link into what the phone
 * will dial. Never throws: refusals come back as `{ ok: false, message }` in plain words.
 */
export function parseDialTarget(input: string): DialTargetResult {
  if (typeof input !== 'string') {
    return { ok: false, message: 'Nothing to dial: the number is not text.' };
  }
  try {
    return { ok: true, value: parse(input) };
  } catch (error) {
    if (error instanceof DialTargetRefusal) return { ok: false, message: error.message };
    throw error;
  }
}

// Beside ParsedLink, so a window can redial without loading the parser and its number metadata.
export { dialTextOf } from './parsed-link';
