/**
 * Character-level checks shared by the tel: and sip: parsers of dial-target.ts. Pure: no I/O.
 */

/** Raised inside the parsers and turned into `{ ok: false, message }` at the public boundary. */
export class DialTargetRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DialTargetRefusal';
  }
}

/**
 * Invisible formatting characters that copy-paste brings along (Outlook and Teams wrap numbers
 * in U+202A…U+202C, web pages add zero-width spaces). They change nothing a phone could dial, and
 * everything left afterwards is validated against a strict alphabet, so they are dropped.
 */
const INVISIBLE_FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** C0/C1 controls, DEL and the Unicode line/paragraph separators: never part of a number. */
function isControlCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** A percent-encoded control character (%0D%0A header injection and friends). */
const ENCODED_CONTROL = /%(?:[01][0-9A-Fa-f]|7[Ff])/;

/** Removes invisible formatting characters and surrounding whitespace. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_FORMATTING, '').trim();
}

/** Refuses raw or percent-encoded control characters anywhere in the text. */
export function refuseControlCharacters(text: string): void {
  if ([...text].some(isControlCharacter) || ENCODED_CONTROL.test(text)) {
    throw new DialTargetRefusal(
      'The number contains a control character (such as a line break), which is never part of a number or SIP address.',
    );
  }
}

/** Decodes %XX escapes, refusing malformed ones instead of guessing. */
export function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new DialTargetRefusal(
      'The link is badly URL-encoded (a "%" is not followed by two hex digits).',
    );
  }
}

/** Names a character for a message: visible characters quoted, others by code point. */
export function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  const isPrintable = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character);
  return isPrintable
    ? `"${character}"`
    : `the character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
