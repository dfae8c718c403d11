import type { Contact } from '../../shared/contacts';

/**
 * The digits of a number or the user part of a SIP URI, for comparing numbers written in
 * different styles ("+1 (555) 010-2000", "sip:15550102000@pbx"). A leading + is dropped so that
 * national and international forms can match by suffix.
 */
function comparableDigits(value: string): string {
  const withoutScheme = value.replace(/^(sip:|sips:|tel:)/i, '');
  const userPart = withoutScheme.split('@')[0] ?? '';
  return userPart.replace(/\D/g, '');
}

// Below this many digits a suffix match is too likely to be a coincidence (extensions excepted,
// which must then match exactly).
const SUFFIX_MATCH_DIGITS = 7;

/** Whether two written numbers denote the same phone number. */
export function sameNumber(a: string, b: string): boolean {
  const left = comparableDigits(a);
  const right = comparableDigits(b);
  if (left === '' || right === '') return a.trim().toLowerCase() === b.trim().toLowerCase();
  if (left === right) return true;
  if (Math.min(left.length, right.length) < SUFFIX_MATCH_DIGITS) return false;
  return left.endsWith(right) || right.endsWith(left);
}

/** The contact one of whose numbers is `number`, if any (for names in history and calls). */
export function findContactByNumber(contacts: Contact[], number: string): Contact | undefined {
  return contacts.find((contact) =>
    contact.numbers.some(
      (entry) =>
        sameNumber(entry.number, number) ||
        (entry.dialable !== null && sameNumber(entry.dialable, number)),
    ),
  );
}

/** Letters that carry no combining mark to strip, written as people type them without accents. */
const PLAIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Text as a search compares it: lower case, without accents ("Zoë" → "zoe", "Øre" → "ore"). */
function folded(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => PLAIN_LETTERS[letter] ?? letter);
}

/** A query that is a number as people write one: digits with spaces, +, brackets, dots, dashes. */
const NUMBER_QUERY = /^[\d\s+().\-/]*\d[\d\s+().\-/]*$/;

/**
 * Whether a typed number is part of a stored one, however either is formatted: "(555) 010-2000"
 * finds "+1 555 010 2000", and a national "020 7946 0958" the international "+44 20 7946 0958"
 * (leading zeros, the trunk or international prefix, are not compared).
 */
function numberMatches(entry: Contact['numbers'][number], query: string): boolean {
  // "+44 (0)20 …" writes the trunk zero a caller from abroad leaves out.
  const digits = query.replace(/\(0\)/g, '').replace(/\D/g, '').replace(/^0+/, '');
  if (digits === '') return false;
  return [entry.number, entry.dialable ?? ''].some((written) =>
    comparableDigits(written).includes(digits),
  );
}

/**
 * Search as the user types, over names, companies, numbers and SIP addresses, ignoring case and
 * accents ("zoe" finds Zoë, "sip:chloe" the contact with that address); each word typed must be
 * found somewhere, so "ada love" finds "Ada King Lovelace".
 */
export function contactMatches(contact: Contact, query: string): boolean {
  const trimmed = query.trim();
  if (trimmed === '') return true;
  if (NUMBER_QUERY.test(trimmed) && contact.numbers.some((entry) => numberMatches(entry, trimmed)))
    return true;
  const haystack = folded(
    [
      contact.name,
      contact.company,
      ...contact.numbers.flatMap((entry) => [entry.number, entry.dialable ?? '']),
    ].join('\n'),
  );
  return folded(trimmed)
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/** A number as people read it: vCard 4.0 stores `tel:+44-20-…` URIs, shown without the scheme. */
export function displayNumber(number: string): string {
  return number.replace(/^tel:/i, '');
}
