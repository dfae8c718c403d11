/**
 * The phone's side of instant call events: the `apps.telNotification.*` values Deskpilot sets
 * (the URL of this computer's receiver and the call event switches the firmware has), read back
 * after every write, and put back as they were when the feature is turned off — only while the
 * phone still points at Deskpilot, so a change someone else made is never undone.
 */
import type { PushChange } from '../../../shared/contract/push';
import { DeskpilotError } from '../../ground/deskpilot-error';
import type { PhoneConfig } from '../phone-config';

export const PUSH_URL_NAME = 'apps.telNotification.URL';

/** The call event switches, in the order firmware generations added them. */
export const PUSH_SWITCHES = [
  'apps.telNotification.incomingEvent',
  'apps.telNotification.outgoingEvent',
  'apps.telNotification.offhookEvent',
  'apps.telNotification.onhookEvent',
  'apps.telNotification.callStateChangeEvent',
  'apps.telNotification.lineRegistrationEvent',
] as const;

const NAMES = [PUSH_URL_NAME, ...PUSH_SWITCHES];

/** What turning events on means for this phone: the values to set and what they replace. */
export interface PushValues {
  /** name → value to set (URL and the switches the phone has). */
  target: Record<string, string>;
  /** name → the phone's value now, for each name in `target`. */
  current: Record<string, string>;
  /** Switches this firmware does not know (left alone). */
  unsupported: string[];
}

/** Where the phone's events go now, as far as Deskpilot is concerned. */
export type PhonePointing = 'here' | 'ours-elsewhere' | 'elsewhere' | 'nowhere';

/** The setting side of one phone's events; see the module comment. */
export class PushSetup {
  constructor(private readonly config: PhoneConfig) {}

  /** Reads the phone's values and works out what pointing it at `url` would set. */
  async values(url: string): Promise<PushValues> {
    const read = await this.config.get({ names: NAMES });
    if (read[PUSH_URL_NAME] === null || read[PUSH_URL_NAME] === undefined) {
      throw new DeskpilotError(
        'not-supported',
        "This phone's firmware has no telephony notification events (apps.telNotification.URL), so it cannot send instant call events.",
      );
    }
    const target: Record<string, string> = { [PUSH_URL_NAME]: url };
    const current: Record<string, string> = { [PUSH_URL_NAME]: read[PUSH_URL_NAME].value };
    const unsupported: string[] = [];
    for (const name of PUSH_SWITCHES) {
      const value = read[name];
      if (value === null || value === undefined) {
        unsupported.push(name);
        continue;
      }
      target[name] = '1';
      current[name] = value.value;
    }
    return { target, current, unsupported };
  }

  /** The changes `values` would make, with the secret part of the URL hidden. */
  changes(values: PushValues, token: string): PushChange[] {
    return Object.entries(values.target)
      .filter(([name, value]) => values.current[name] !== value)
      .map(([name, value]) => ({
        name,
        from: hideToken(values.current[name] ?? null, token),
        to: hideToken(value, token) ?? value,
      }));
  }

  /** Sets `target` and reads it back; throws, naming the value, when the phone did not keep it. */
  async apply(target: Record<string, string>): Promise<void> {
    const changed = await this.differing(target);
    if (Object.keys(changed).length === 0) return;
    await this.config.set({ values: changed });
    const left = await this.differing(target);
    const name = Object.keys(left)[0];
    if (name !== undefined) {
      throw new DeskpilotError(
        'invalid-response',
        `The phone accepted the change but did not keep ${name}; instant call events cannot be set up on it.`,
      );
    }
  }

  /** Where the phone's events point now, given this computer's `url` and the secret `token`. */
  async pointing(url: string, token: string): Promise<PhonePointing> {
    const read = await this.config.get({ names: [PUSH_URL_NAME] });
    const now = read[PUSH_URL_NAME]?.value.trim() ?? '';
    if (now === url) return 'here';
    if (now === '') return 'nowhere';
    return now.includes(token) ? 'ours-elsewhere' : 'elsewhere';
  }

  /**
   * Puts `previous` back if the phone still points at Deskpilot (its URL holds `token`), or in
   * any case with `whereverPointing`; returns false, changing nothing, when someone else has
   * pointed it elsewhere since.
   */
  async restore(
    previous: Record<string, string>,
    token: string,
    whereverPointing: boolean,
  ): Promise<boolean> {
    if (!whereverPointing) {
      const read = await this.config.get({ names: [PUSH_URL_NAME] });
      const now = read[PUSH_URL_NAME]?.value ?? '';
      if (now !== '' && !now.includes(token)) return false;
    }
    if (Object.keys(previous).length > 0) await this.apply(previous);
    return true;
  }

  /** The values of `target` the phone does not have now. */
  private async differing(target: Record<string, string>): Promise<Record<string, string>> {
    const read = await this.config.get({ names: Object.keys(target) });
    return Object.fromEntries(
      Object.entries(target).filter(([name, value]) => read[name]?.value !== value),
    );
  }
}

/** A value with the secret token replaced, for showing to a user. */
function hideToken(value: string | null, token: string): string | null {
  return value === null ? null : value.split(token).join('<secret>');
}
