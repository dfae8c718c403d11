/**
 * The `config.*` verbs of one phone: configuration parameters (any number, sent in batches the
 * phone takes: 20 names, under 20 KB), export and the transfer type. Parameter names are checked
 * with the contract's own rule first. A change that spans several requests and fails part-way
 * says exactly which values the phone took and which it did not.
 */
import type { ConfigValue } from '../../shared/contract/config';
import { configNames, uploadUrl } from '../../shared/value-rules';
import { checked } from '../ground/checked';
import { DeskpilotError } from '../ground/deskpilot-error';
import { PhoneError, toPhoneError } from '../vvx/phone-error';
import type { QueuePriority } from '../vvx/request-queue';
import { entryBytes, MAX_BATCH_BYTES, nameBatches, valueBatches } from './config-batches';
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
   * Sets configuration values (any number: sent in batches the phone takes, in order). Names the
   * phone does not know (real firmware sets the others and lists these) fail the call in words
   * once every batch went out, so nothing is left unsaid and nothing is left unsent.
   */
  async set({ values }: SessionArgs<'config.set'>): Promise<void> {
    checked(configNames, Object.keys(values), 'values');
    for (const [name, value] of Object.entries(values)) {
      if (entryBytes(name, value) > MAX_BATCH_BYTES) {
        throw new DeskpilotError(
          'invalid-argument',
          `The value of ${name} is too large for the phone: a request to it holds at most ${MAX_BATCH_BYTES.toLocaleString('en')} bytes.`,
        );
      }
    }
    const batches = valueBatches(values);
    const unknown: string[] = [];
    this.touchEnabled = null;
    for (const [index, batch] of batches.entries()) {
      try {
        await this.link.admin(() =>
          this.link.action(async () => {
            unknown.push(...(await this.link.client.setConfig(batch)).unknown);
          }, false),
        );
      } catch (error) {
        if (batches.length === 1) throw error;
        throw partlyApplied(toPhoneError(error), batches.slice(0, index), batches.slice(index));
      }
    }
    if (unknown.length > 0) throw unknownParameters(unknown, Object.keys(values).length);
  }

  /** Exports configuration to a URL. */
  async export({ url, type }: SessionArgs<'config.export'>): Promise<void> {
    const target = checked(uploadUrl, url, 'url');
    return this.link.admin(() =>
      this.link.action(() => this.link.client.exportConfig(target, type), false),
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

/** Names of the values in batches, each once (`device.set` rides along with several). */
function namesIn(batches: Record<string, string>[]): string[] {
  return [...new Set(batches.flatMap((batch) => Object.keys(batch)))];
}

/**
 * The error of a change that failed part-way: the phone's own words, then exactly which values
 * it took (earlier requests), which it may or may not have (the failed request, when its
 * outcome is unknown) and which it did not.
 */
function partlyApplied(
  problem: PhoneError,
  done: Record<string, string>[],
  rest: Record<string, string>[],
): PhoneError {
  const applied = namesIn(done);
  const [failed = {}, ...untouched] = rest;
  const unknown = problem.code === 'outcome-unknown' ? namesIn([failed]) : [];
  const notApplied = namesIn(problem.code === 'outcome-unknown' ? untouched : rest).filter(
    (name) => !applied.includes(name) && !unknown.includes(name),
  );
  const parts = [
    `Applied: ${applied.join(', ')}.`,
    ...(unknown.length > 0 ? [`Perhaps applied (check the phone): ${unknown.join(', ')}.`] : []),
    `Not applied: ${notApplied.join(', ')}.`,
  ];
  const details = {
    ...(problem.httpStatus === undefined ? {} : { httpStatus: problem.httpStatus }),
    ...(problem.vvxStatus === undefined ? {} : { vvxStatus: problem.vvxStatus }),
  };
  return new PhoneError(
    problem.code,
    `${problem.message} The change was sent in ${done.length + rest.length} parts and stopped at part ${done.length + 1}. ${parts.join(' ')}`,
    details,
  );
}
