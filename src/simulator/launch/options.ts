import { randomBytes } from 'node:crypto';
import { findDialect, listDialects, type Dialect } from '../dialects/dialects';
import { findModel, listModels, type PhoneModel } from '../phone/models';

/** Options of `startSimulator` and of the CLI (see README.md). */
export interface SimulatorOptions {
  /** First port; phone k listens on port+k-1. 0 or undefined: an ephemeral port per phone. */
  port?: number;
  /** How many phones; default 1. */
  phones?: number;
  /** Serve HTTPS with a self-signed certificate per phone; default false. */
  https?: boolean;
  /** Model, e.g. 'VVX601' (also '601'); default 'VVX601'. */
  model?: string;
  /** How the phones answer: 'reference' (default), 'vvx-5', 'vvx-6' or 'edge' (README.md). */
  dialect?: string;
  /** Admin password; default 'deskpilot' (not the factory 456, so the API works at once). */
  adminPassword?: string;
  /** User password; default '123'. */
  userPassword?: string;
  /** Processing time added to every request; default 0. */
  latencyMs?: number;
  /** Bearer token of the control API; default random. */
  controlToken?: string;
  /** Whether the REST API starts enabled; default true. */
  restApiEnabled?: boolean;
  /** Challenge with (and accept only) Digest instead of Basic; default false. */
  digest?: boolean;
  /** Queue a request that arrives during another instead of answering 403; default false. */
  queueParallel?: boolean;
  /** Serve simulateKeyEvent and simulateTextInput (firmware after 5.8); default false. */
  laterFirmware?: boolean;
  /** The firmware version the phones report instead of their dialect's, e.g. '5.6.1.1234'. */
  firmware?: string;
  /**
   * Start with screen capture on, as a phone whose admin provisioned it (its switch and, where
   * the firmware takes it, the user's setting); default false: off, as phones leave the factory.
   */
  screenCapture?: boolean;
  /** Expansion modules (LCD) plugged into each phone, 0–3; only on models that take them. */
  expansionModules?: number;
  /** How long safeRestart/safeReboot keep the phone unreachable; default 3000. */
  rebootMs?: number;
  /** The far end answers this long after a dial; default 1500. */
  farEndAnswerMs?: number;
}

export interface ResolvedOptions {
  port: number;
  phones: number;
  https: boolean;
  model: PhoneModel;
  dialect: Dialect;
  adminPassword: string;
  userPassword: string;
  latencyMs: number;
  controlToken: string;
  restApiEnabled: boolean;
  digest: boolean;
  queueParallel: boolean;
  laterFirmware: boolean;
  firmware: string | null;
  screenCapture: boolean;
  expansionModules: number;
  rebootMs: number;
  farEndAnswerMs: number;
}

/** A problem with the options, named so the user can fix it. */
export class SimulatorOptionsError extends Error {
  readonly code = 'invalid-options';
}

const MAX_PHONES = 1000;
/** A phone takes at most three expansion modules (the vendor's EM addendum). */
const MAX_MODULES = 3;

function wholeNumber(
  name: string,
  value: number | undefined,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new SimulatorOptionsError(
      `${name} must be a whole number from 0 to ${max} (got ${value})`,
    );
  }
  return value;
}

function password(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (value.length < 1 || value.length > 32 || /[\s:]/.test(value)) {
    throw new SimulatorOptionsError(`${name} must be 1 to 32 characters without spaces or colons`);
  }
  return value;
}

/** What a name option found, or an error listing the names there are. */
function known<T>(
  name: string,
  given: string | undefined,
  found: T | null,
  names: () => string[],
): T {
  if (found) return found;
  throw new SimulatorOptionsError(
    `unknown ${name} "${given ?? ''}"; choose one of ${names().join(', ')}`,
  );
}

/** Checks the options and fills in defaults; throws SimulatorOptionsError naming the problem. */
export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const phones = wholeNumber('phones', options.phones, 1, MAX_PHONES);
  if (phones < 1) throw new SimulatorOptionsError('phones must be at least 1');
  const port = wholeNumber('port', options.port, 0, 65535);
  if (port > 0 && port + phones - 1 > 65535) {
    throw new SimulatorOptionsError(`ports ${port}..${port + phones - 1} run past 65535`);
  }
  const model = known('model', options.model, findModel(options.model ?? 'VVX601'), () =>
    listModels().map((m) => m.id),
  );
  const dialect = known(
    'dialect',
    options.dialect,
    findDialect(options.dialect ?? 'reference'),
    () => listDialects().map((d) => d.name),
  );
  const expansionModules = wholeNumber(
    'expansionModules',
    options.expansionModules,
    0,
    MAX_MODULES,
  );
  if (expansionModules > 0 && !model.expansionModules) {
    throw new SimulatorOptionsError(`the ${model.id} takes no expansion modules`);
  }
  const firmware = options.firmware ?? null;
  if (firmware !== null && !/^\d{1,2}\.\d{1,2}\.\d{1,2}(\.\d{1,6})?$/.test(firmware)) {
    throw new SimulatorOptionsError(`firmware must be a version like 5.6.1.1234 (got ${firmware})`);
  }
  const controlToken = options.controlToken ?? randomBytes(16).toString('hex');
  if (!/^[\x21-\x7e]{8,128}$/.test(controlToken)) {
    throw new SimulatorOptionsError(
      'controlToken must be 8 to 128 printable characters without spaces',
    );
  }
  return {
    port,
    phones,
    https: options.https ?? false,
    model,
    dialect,
    adminPassword: password('adminPassword', options.adminPassword, 'deskpilot'),
    userPassword: password('userPassword', options.userPassword, '123'),
    latencyMs: wholeNumber('latencyMs', options.latencyMs, 0, 600_000),
    controlToken,
    restApiEnabled: options.restApiEnabled ?? true,
    digest: options.digest ?? false,
    queueParallel: options.queueParallel ?? false,
    laterFirmware: options.laterFirmware ?? false,
    firmware,
    screenCapture: options.screenCapture ?? false,
    expansionModules,
    rebootMs: wholeNumber('rebootMs', options.rebootMs, 3000, 3_600_000),
    farEndAnswerMs: wholeNumber('farEndAnswerMs', options.farEndAnswerMs, 1500, 3_600_000),
  };
}
