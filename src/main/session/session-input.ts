/**
 * Checks of what callers hand a session, so bad input fails with words naming the problem
 * instead of reaching the phone (the contract's schemas check IPC input; the CLI and tests
 * call the session directly).
 */
import { PhoneError } from '../vvx/phone-error';

function invalid(message: string): PhoneError {
  return new PhoneError('invalid-argument', message);
}

/** A dial destination: digits (optionally formatted) or a SIP URI, at most 256 characters. */
export function checkDestination(destination: string): string {
  const trimmed = destination.trim();
  if (trimmed === '' || trimmed.length > 256) {
    throw invalid('Give a number or SIP address to call (at most 256 characters).');
  }
  if (/[\p{Cc}"<>]/u.test(trimmed)) {
    throw invalid(`"${trimmed}" contains characters a phone number or SIP address cannot have.`);
  }
  return trimmed;
}

/** A line number 1–48. */
export function checkLine(line: number): number {
  if (!Number.isInteger(line) || line < 1 || line > 48) {
    throw invalid(`Line ${line} does not exist; lines are numbered from 1.`);
  }
  return line;
}

/** A call handle: hexadecimal, with or without 0x; returned as the phone prints it (bare hex). */
export function checkHandle(handle: string): string {
  const trimmed = handle.trim();
  if (!/^(0x)?[0-9a-fA-F]{1,16}$/.test(trimmed)) {
    throw invalid(`"${handle}" is not a call handle; handles are hexadecimal, like 0x9577dd30.`);
  }
  return trimmed.toLowerCase().replace(/^0x/, '');
}

/** DTMF digits: 0-9, *, # and A-D. */
export function checkDigits(digits: string): string {
  if (!/^[0-9*#A-Da-d]{1,64}$/.test(digits)) {
    throw invalid('DTMF digits are 0-9, *, # and A-D (at most 64).');
  }
  return digits;
}

/** Touch positions: one for Tap/Press/Release, two to five for Swipe, inside 0–4096. */
export function checkTouch(type: string, positions: { x: number; y: number }[]): void {
  const wanted = type === 'Swipe' ? [2, 5] : [1, 1];
  const [min = 1, max = 1] = wanted;
  if (positions.length < min || positions.length > max) {
    throw invalid(
      type === 'Swipe'
        ? 'A swipe takes two to five positions.'
        : `A ${type} takes exactly one position.`,
    );
  }
  for (const { x, y } of positions) {
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x > 4096 || y > 4096) {
      throw invalid(`Touch position (${x}, ${y}) is not a pixel on the screen.`);
    }
  }
}

/** Configuration names: 1 or more, letters, digits, dots, dashes, brackets. */
export function checkConfigNames(names: string[]): void {
  if (names.length === 0) throw invalid('Give at least one configuration parameter name.');
  const bad = names.find((name) => !/^[A-Za-z0-9_.\-[\]]{1,256}$/.test(name));
  if (bad !== undefined) throw invalid(`"${bad}" is not a configuration parameter name.`);
}
