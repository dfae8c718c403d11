/**
 * Phone numbers as people read them, by libphonenumber's rules for the user's region: a number of
 * the user's own country in its national form ("(555) 010-2000"), others in the international
 * form ("+44 20 7946 0958"). Extensions, short codes and SIP addresses stay as they were written.
 * Loaded on demand (its metadata would double the first view's size).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** `number` formatted for reading from `region` (an ISO 3166 country code), or as it was. */
export function formatNumberFor(number: string, region: string | null): string {
  const text = number.trim().replace(/^tel:/i, '');
  if (text === '' || /[@a-z]/i.test(text)) return number;
  const parsed = parsePhoneNumberFromString(
    text,
    region === null ? undefined : (region as CountryCode),
  );
  if (parsed === undefined || !parsed.isValid()) return text;
  return parsed.country !== undefined && parsed.country === region
    ? parsed.formatNational()
    : parsed.formatInternational();
}
