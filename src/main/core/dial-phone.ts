import type { PhoneInfo } from '../../shared/domain';
import { DeskpilotError } from '../ground/deskpilot-error';

/**
 * The one rule for which phone dials what came from outside the window: the default phone while
 * it exists, else the phone the window shows (when the user confirmed there), else the first.
 */
export function chooseDialPhone(
  phones: readonly PhoneInfo[],
  defaultPhoneId: string | null,
  shownPhoneId?: string,
): string {
  const known = (id: string | null | undefined): id is string =>
    id !== null && id !== undefined && phones.some((phone) => phone.id === id);
  if (known(defaultPhoneId)) return defaultPhoneId;
  if (known(shownPhoneId)) return shownPhoneId;
  const first = phones[0];
  if (first === undefined) {
    throw new DeskpilotError('unknown-phone', 'No phone is configured yet: add one first.');
  }
  return first.id;
}
