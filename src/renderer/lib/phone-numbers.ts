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

/** Case-insensitive search over names, companies and numbers, as the user types. */
export function contactMatches(contact: Contact, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  if (contact.name.toLowerCase().includes(needle)) return true;
  if (contact.company.toLowerCase().includes(needle)) return true;
  const digits = needle.replace(/\D/g, '');
  return (
    digits !== '' &&
    contact.numbers.some((entry) => comparableDigits(entry.number).includes(digits))
  );
}

/** A number as people read it: vCard 4.0 stores `tel:+44-20-…` URIs, shown without the scheme. */
export function displayNumber(number: string): string {
  return number.replace(/^tel:/i, '');
}
