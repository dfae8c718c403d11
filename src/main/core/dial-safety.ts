/**
 * Which destinations a link, `--dial` or the shortcut may never dial without asking: emergency
 * and very short numbers. A stray click on "tel:911" in a web page, or a clipboard holding "112",
 * must not call the emergency services, whatever the "dial at once" setting says.
 */
import type { ParsedLink } from '../../shared/dial-target';

/** Numbers at most this long (service and emergency codes) always ask first. */
const SHORT_NUMBER_DIGITS = 3;

/** Emergency numbers worldwide; those up to three digits are covered by the length rule too. */
const EMERGENCY_NUMBERS = new Set([
  '911',
  '112',
  '999',
  '000',
  '110',
  '119',
  '118',
  '100',
  '10111',
  '10177',
  '1122',
]);

/** Digits PBXs dial for an outside line first ("9" + "911"). */
const OUTSIDE_LINE_PREFIXES = ['9', '0'];

/** The number a destination dials: a TEL's digits, or a SIP URI's user part when it is digits. */
function dialledDigits(link: ParsedLink): string | null {
  const user =
    link.type === 'SIP'
      ? (link.destination.replace(/^sips?:/i, '').split('@')[0] ?? '')
      : link.destination;
  const digits = user.replace(/^\+/, '');
  return /^[0-9]+$/.test(digits) ? digits : null;
}

function isEmergency(digits: string): boolean {
  return (
    EMERGENCY_NUMBERS.has(digits) ||
    OUTSIDE_LINE_PREFIXES.some(
      (prefix) => digits.startsWith(prefix) && EMERGENCY_NUMBERS.has(digits.slice(prefix.length)),
    )
  );
}

/** Whether dialling `link` must be confirmed by the user even when settings say "dial at once". */
export function mustConfirmDial(link: ParsedLink): boolean {
  const digits = dialledDigits(link);
  if (digits === null) return false;
  return digits.length <= SHORT_NUMBER_DIGITS || isEmergency(digits);
}
