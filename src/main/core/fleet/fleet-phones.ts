/**
 * What the fleet service takes from the core: the configured phones, each phone's own session
 * (so every request still waits its turn in that phone's serial queue), and adding a phone.
 */
import type { FleetPhoneRef } from '../../../shared/contract/fleet';
import type { PhoneInfo } from '../../../shared/domain';
import { toContractError, type FailureLog } from '../../ground/contract-error';
import type { PhoneSession } from '../../session/phone-session';
import type { NewPhone } from '../phone-manager';

/** The parts of a phone's session fleet work uses. */
export type FleetSession = Pick<PhoneSession, 'config' | 'device' | 'refresh'>;

export interface FleetPhones {
  list(): PhoneInfo[];
  info(phoneId: string): PhoneInfo;
  session(phoneId: string): FleetSession;
  add(phone: NewPhone): Promise<PhoneInfo>;
}

/** A phone of a selection, as reports name it. */
export interface SelectedPhone extends FleetPhoneRef {
  info: PhoneInfo;
}

/**
 * The phones of a selection, each once, in the order given; an id that names no phone refuses
 * the whole request before any phone is touched.
 */
export function selectPhones(phones: FleetPhones, phoneIds: readonly string[]): SelectedPhone[] {
  return [...new Set(phoneIds)].map((phoneId) => {
    const info = phones.info(phoneId);
    return { phoneId, name: info.name, info };
  });
}

/** A report's reference to a phone, without its details. */
export function refOf(phone: FleetPhoneRef): FleetPhoneRef {
  return { phoneId: phone.phoneId, name: phone.name };
}

/**
 * Why something failed on one phone, in words: a DeskpilotError's own message (written for users,
 * never holding a secret); anything else is a bug, logged by kind only. Fleet work needs the
 * admin password, so a refused login says that rather than only "check them".
 */
export function problemText(error: unknown, what: string, log: FailureLog): string {
  const { code, message } = toContractError(error, what, log);
  if (code !== 'wrong-credentials') return message;
  return `${message} Fleet actions need the phone's admin password: a user-level login is not enough.`;
}
