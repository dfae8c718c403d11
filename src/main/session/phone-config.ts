/**
 * The `config.*` verbs of one phone: configuration parameters (any number, sent in the phone's
 * batches of 20), export and the transfer type. Parameter names are checked with the contract's
 * own rule first.
 */
import type { ConfigValue } from '../../shared/contract/config';
import { configNames } from '../../shared/value-rules';
import { checked } from '../ground/checked';
import { PhoneError } from '../vvx/phone-error';
import type { QueuePriority } from '../vvx/request-queue';
import { nameBatches, valueBatches } from './config-batches';
import type { PhoneLink } from './phone-link';
import type { SessionArgs } from './session-args';

/** How long the touch-simulation switch is trusted: it rarely changes. */
const TOUCH_SWITCH_MAX_AGE_MS = 60_000;

/** Configuration of one phone; see the module comment. */
export class PhoneConfig {
  private touchEnabled: { value: boolean; at: number } | null = null;

  constructor(private readonly link: PhoneLink) {}

  /** Reads configuration values (any number of names: sent in batches of 20). */
  async get({ names }: SessionArgs<'config.get'>): Promise<Record<string, ConfigValue | null>> {
    return this.read(names, 'interactive');
  }

  /**
   * Sets configuration values (any number: sent in batches of 20, in order). Names the phone
   * does not know (real firmware sets the others and lists these) fail the call in words once
   * every batch went out, so nothing is left unsaid and nothing is left unsent.
   */
  async set({ values }: SessionArgs<'config.set'>): Promise<void> {
    checked(configNames, Object.keys(values), 'values');
    const unknown: string[] = [];
    for (const batch of valueBatches(values)) {
      await this.link.admin(() =>
        this.link.action(async () => {
          unknown.push(...(await this.link.client.setConfig(batch)).unknown);
        }, false),
      );
    }
    this.touchEnabled = null;
    if (unknown.length > 0) throw unknownParameters(unknown, Object.keys(values).length);
  }

  /** Exports configuration to a URL. */
  async export({ url, type }: SessionArgs<'config.export'>): Promise<void> {
    return this.link.admin(() =>
      this.link.action(() => this.link.client.exportConfig(url, type), false),
    );
  }

  /** The phone's transfer type. */
  async getTransferType(): Promise<{ type: string }> {
    return this.link.read(() => this.link.client.getTransferType(), 'transferType');
  }

  /** Sets the transfer type. */
  async setTransferType({ type }: SessionArgs<'config.setTransferType'>): Promise<void> {
    return this.link.action(() => this.link.client.setTransferType(type), false);
  }

  /**
   * Whether touch and key simulation are on (httpd.ta.enabled), read at 'poll' priority for the
   * remote screen and trusted for a minute, or until a configuration write.
   */
  async touchSimulationEnabled(): Promise<boolean> {
    if (this.touchEnabled !== null && Date.now() - this.touchEnabled.at < TOUCH_SWITCH_MAX_AGE_MS) {
      return this.touchEnabled.value;
    }
    const values = await this.read(['httpd.ta.enabled'], 'poll');
    const value = values['httpd.ta.enabled']?.value.trim() === '1';
    this.touchEnabled = { value, at: Date.now() };
    return value;
  }

  /** Reads configuration in batches of 20 at the given priority. */
  private async read(
    names: readonly string[],
    priority: QueuePriority,
  ): Promise<Record<string, ConfigValue | null>> {
    const wanted = checked(configNames, names, 'names');
    const result: Record<string, ConfigValue | null> = {};
    for (const batch of nameBatches(wanted)) {
      const values = await this.link.admin(() =>
        this.link.read(
          () => this.link.client.getConfig(batch),
          `config:${batch.join(',')}`,
          priority,
        ),
      );
      Object.assign(result, values);
    }
    return result;
  }
}

/** The phone skipped parameters it does not know and set the rest. */
function unknownParameters(names: string[], asked: number): PhoneError {
  const one = names.length === 1;
  const what = one ? 'this parameter' : `these ${names.length} parameters`;
  const listed = names.slice(0, 10).join(', ') + (names.length > 10 ? ', …' : '');
  const others = asked - names.length;
  const rest = others > 0 ? ` It set the other ${others}.` : '';
  return new PhoneError(
    'invalid-argument',
    `The phone does not know ${what}, so it did not set ${one ? 'it' : 'them'}: ${listed}.${rest}`,
  );
}
