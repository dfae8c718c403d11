/**
 * Telephone numbers for dial-target.ts: what people type or paste ("+1 (555) 123-4567",
 * "555.123.4567 ext. 89", "+44 (0)20 7946 0018") and RFC 3966 tel: / callto: link bodies
 * (";phone-context=", ";ext=", ";postd=", URL-encoding, visual separators). Pure: no I/O.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

import type { ParsedLink } from './parsed-link';
import { DialTargetRefusal, describeCharacter, percentDecode } from './dial-target-text';

/** E.164: at most 15 digits after the "+". */
const MAX_INTERNATIONAL_DIGITS = 15;
/** Local numbers, feature codes and PBX prefixes; anything longer is not a number. */
const MAX_LOCAL_DIGITS = 32;
const MAX_POST_DIAL_DIGITS = 32;

/** Spaces, dashes (ASCII and Unicode), dots, parentheses and slashes people write between digits. */
const VISUAL_SEPARATORS = /[\s\-.()/\u2010-\u2015\u2212]/g;

/** Typed extension suffixes: "ext. 89", "ext 89", "extension 89", "x89", ";ext=89". */
const TYPED_EXTENSION = /^(.*?\d[\s\-.()]*)[\s,;]*(?:ext\.?|extension|x)\s*[:=]?\s*(\d{1,16})$/i;

/**
 * Pause-style post-dial digits from mobile links and pasted numbers: "+15551234567,89",
 * "5551234567p89", "5551234567w89". Only after a digit, so "1-800-FLOWERS" is not split at "W".
 */
const PAUSED_POST_DIAL = /^(.*?\d[\s\-.()]*)[,pPwW]([,pPwW0-9*#]*)$/;

const KEYPAD_LETTERS: Record<string, string> = {
  ABC: '2',
  DEF: '3',
  GHI: '4',
  JKL: '5',
  MNO: '6',
  PQRS: '7',
  TUV: '8',
  WXYZ: '9',
};

function keypadDigit(letter: string): string {
  const upper = letter.toUpperCase();
  for (const [letters, digit] of Object.entries(KEYPAD_LETTERS)) {
    if (letters.includes(upper)) return digit;
  }
  return letter;
}

/**
 * Vanity numbers ("1-800-FLOWERS") are refused rather than converted: a link or a paste with
 * letters is far more often a word, a Skype name or an attack than a vanity number, and dialling
 * the keypad digits of a word would call a stranger. The message shows the digits to type.
 */
function refuseLetters(text: string): never {
  const digitCount = (text.match(/\d/g) ?? []).length;
  // Vanity numbers are written in capitals; "555 1234 (mobile)" is a note, not a vanity number.
  if (digitCount >= 3 && !/[a-z]/.test(text)) {
    const converted = text.replace(/[A-Za-z]/g, keypadDigit);
    throw new DialTargetRefusal(
      `"${text}" contains letters. Phone numbers are dialled as digits: if this is a vanity number, type it as ${converted}.`,
    );
  }
  throw new DialTargetRefusal(
    `"${text}" is not a phone number: it contains letters. Dial digits, or a SIP address like sip:alice@example.com.`,
  );
}

/** Full-width digits (from East Asian input methods) are the same digits. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (digit) =>
    String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30),
  );
}

/**
 * Strips visual separators and checks what is left is a dialable string: an optional leading
 * "+" followed by digits, or local digits with "*" and "#" for feature codes.
 */
function normaliseDigits(text: string): string {
  const compact = asciiDigits(text).replace(VISUAL_SEPARATORS, '');
  if (compact === '') {
    throw new DialTargetRefusal('There is no number to dial: only separators were given.');
  }
  const foreign = [...compact].find((character) => !/[0-9*#+A-Za-z]/.test(character));
  if (foreign !== undefined) {
    throw new DialTargetRefusal(
      `The number contains ${describeCharacter(foreign)}, which is not part of a phone number.`,
    );
  }
  if (/[A-Za-z]/.test(compact)) refuseLetters(text.trim());
  if (compact.lastIndexOf('+') > 0) {
    throw new DialTargetRefusal('A "+" may only start a number, as in +1 555 123 4567.');
  }
  if (compact.startsWith('+')) {
    const digits = compact.slice(1);
    if (!/^\d+$/.test(digits)) {
      throw new DialTargetRefusal(
        'An international number (starting with "+") has only digits after the "+".',
      );
    }
    if (digits.length > MAX_INTERNATIONAL_DIGITS) {
      throw new DialTargetRefusal(
        `An international number has at most ${MAX_INTERNATIONAL_DIGITS} digits after the "+"; this one has ${digits.length}.`,
      );
    }
    return compact;
  }
  if (compact.length > MAX_LOCAL_DIGITS) {
    throw new DialTargetRefusal(
      `The number has ${compact.length} digits; no dialable number has more than ${MAX_LOCAL_DIGITS}.`,
    );
  }
  return compact;
}

/**
 * Digits to send as DTMF after the call connects; pauses are dropped. An extension is digits
 * only (RFC 3966), a post-dial sequence may use every keypad key.
 */
function normalisePostDial(text: string, what: 'extension' | 'post-dial sequence'): string {
  const digits = text.replace(VISUAL_SEPARATORS, '').replace(/[,pPwW]/g, '');
  const alphabet = what === 'extension' ? /^[0-9]*$/ : /^[0-9*#A-Da-d]*$/;
  if (!alphabet.test(digits) || digits.length > MAX_POST_DIAL_DIGITS) {
    throw new DialTargetRefusal(
      `The ${what} "${text}" is not a sequence of up to ${MAX_POST_DIAL_DIGITS} keypad digits.`,
    );
  }
  return digits.toUpperCase();
}

/** A typed number's main part and its extension or post-dial digits, if any. */
function splitPostDial(text: string): { main: string; postDial: string } {
  const typed = TYPED_EXTENSION.exec(text);
  if (typed) return { main: typed[1] ?? '', postDial: typed[2] ?? '' };
  const paused = PAUSED_POST_DIAL.exec(text);
  if (paused) {
    return {
      main: paused[1] ?? '',
      postDial: normalisePostDial(paused[2] ?? '', 'post-dial sequence'),
    };
  }
  return { main: text, postDial: '' };
}

/**
 * Builds the TEL link. An international number goes through the number library, which also drops
 * a national trunk prefix written after the country code ("+44 020…" → +4420…, while Italy's
 * significant 0 stays); a number the library does not find possible is dialled as written.
 */
function telLink(digits: string, typed: string, postDial: string): ParsedLink {
  let destination = digits;
  let display = typed.replace(/\s+/g, ' ').trim();
  if (digits.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(digits);
    const possible = parsed?.isPossible() === true;
    destination = possible && parsed ? parsed.number : digits;
    display = possible && parsed ? parsed.formatInternational() : digits;
  }
  const link: ParsedLink = {
    destination,
    type: 'TEL',
    display: postDial === '' ? display : `${display} ext. ${postDial}`,
  };
  if (postDial !== '') link.postDial = postDial;
  return link;
}

/**
 * Parses what a user typed or pasted as a number. "+44 (0)20…" loses its "(0)": the trunk
 * prefix is written for national callers and must not be dialled after the country code.
 */
export function parseTypedNumber(input: string): ParsedLink {
  const withoutTrunk = input.trim().startsWith('+') ? input.replace(/\(\s*0\s*\)/, '') : input;
  const { main, postDial } = splitPostDial(withoutTrunk);
  const destination = normaliseDigits(main);
  return telLink(destination, main, postDial);
}

/** `;phone-context=` is either a global number prefix ("+1-914-555") or a domain name. */
function applyPhoneContext(local: string, context: string): string {
  if (context.startsWith('+')) {
    const prefix = normaliseDigits(context);
    return normaliseDigits(prefix + local);
  }
  if (
    !/^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z]{2,63}$/.test(context)
  ) {
    throw new DialTargetRefusal(
      `The phone-context "${context}" is neither a number prefix like +1-914-555 nor a domain name.`,
    );
  }
  // A domain context names the network the local number belongs to: the desk phone is in it.
  return local;
}

/**
 * Parses the body of a tel: or callto: link (after the scheme): a number, then `;name=value`
 * parameters, each part URL-decoded separately so an encoded ";" cannot smuggle in parameters.
 */
export function parseTelBody(body: string): ParsedLink {
  const [numberPart = '', ...parameters] = body.replace(/^\/\//, '').split(';');
  const number = percentDecode(numberPart);
  const { main, postDial: pausedDigits } = splitPostDial(number);
  let destination = normaliseDigits(main);
  const postDial: string[] = [pausedDigits];
  for (const parameter of parameters) {
    if (parameter === '') continue;
    const [rawName = '', ...rawValue] = parameter.split('=');
    const name = rawName.toLowerCase();
    const value = percentDecode(rawValue.join('='));
    if (!/^[a-z0-9-]{1,32}$/.test(name)) {
      throw new DialTargetRefusal(`The link has a malformed parameter "${rawName}".`);
    }
    if (name === 'ext') postDial.unshift(normalisePostDial(value, 'extension'));
    else if (name === 'postd') postDial.push(normalisePostDial(value, 'post-dial sequence'));
    else if (name === 'phone-context' && !destination.startsWith('+')) {
      destination = applyPhoneContext(destination, value);
    }
    // Other parameters (isub, tgrp, trunk-context…) mean nothing to a desk phone: dropped.
  }
  return telLink(destination, main, postDial.join(''));
}
