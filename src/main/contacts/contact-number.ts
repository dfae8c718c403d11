/**
 * One place that turns a number as written ("+1 (555) 123-4567 ext. 89", "0171 234567",
 * "sip:alice@example.com") into the form the phone dials, using the same gate as every dial.
 */
import type { ContactNumber } from '../../shared/contacts';
import { MAX_DIAL_TARGET_LENGTH, parseDialTarget } from '../../shared/dial-target';
import { stripInvisible } from '../../shared/dial-target-text';

export type NormalisedNumber = { ok: true; value: ContactNumber } | { ok: false; message: string };

/**
 * Computes `dialable`: E.164 when the number carries a country ("+…", normalised by
 * libphonenumber-js inside parseDialTarget), the national digits or short extension otherwise,
 * or the SIP URI. An extension or post-dial sequence is kept as ",digits", which
 * parseDialTarget reads back as post-dial digits, so dialling `dialable` reaches the same person.
 */
export function normaliseContactNumber(label: string, number: string): NormalisedNumber {
  const parsed = parseDialTarget(number);
  if (!parsed.ok) return parsed;
  const { destination, postDial } = parsed.value;
  const dialable = postDial === undefined ? destination : `${destination},${postDial}`;
  // Shown as written, minus the invisible padding a hostile file could use to overflow storage.
  const shown = stripInvisible(number).slice(0, MAX_DIAL_TARGET_LENGTH);
  return { ok: true, value: { label: label.trim(), number: shown, dialable } };
}
