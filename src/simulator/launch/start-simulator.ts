import { randomBytes } from 'node:crypto';
import { resolveOptions, type ResolvedOptions, type SimulatorOptions } from './options';
import { loadParameterCatalog, type ParameterCatalog } from '../config/parameter-catalog';
import { createControlHandler } from '../control/control-api';
import type { DialectName } from '../dialects/dialects';
import { Authenticator, USERNAME } from '../http/auth';
import { createPhoneCertificate, type PhoneCertificate } from '../http/certificate';
import { PhoneServer } from '../http/phone-server';
import { TimerSet } from '../http/timers';
import { SimulatedPhone } from '../phone/phone';
import { PhoneExchange } from '../phone/phone-exchange';
import { PushRegistry } from '../push/push-registry';
import { ROUTES } from '../rest/routes';

export interface SimulatedPhoneInfo {
  /** 1-based. */
  index: number;
  /** e.g. http://127.0.0.1:41234 or https://127.0.0.1:41234 */
  url: string;
  port: number;
  model: string;
  /** The dialect the phone answers in now (the control API can change it). */
  dialect: DialectName;
  /** 12 upper-case hex digits, e.g. 0004F2A1B2C3 (also the certificate's subject). */
  macAddress: string;
  username: string;
  /** Current passwords (they follow config changes, factory reset included). */
  adminPassword: string;
  userPassword: string;
  /** SHA-256 of the current certificate (follows rotations); null over plain HTTP. */
  fingerprint: string | null;
}

export interface Simulator {
  phones: SimulatedPhoneInfo[];
  controlToken: string;
  /** Closes every server and timer; the process can exit afterwards. */
  close(): Promise<void>;
}

interface RunningPhone {
  info: SimulatedPhoneInfo;
  server: PhoneServer;
}

/** What the phones of one simulator share: delays (cancelled on close), exchange, vocabulary, events. */
interface SharedParts {
  timers: TimerSet;
  exchange: PhoneExchange;
  catalog: ParameterCatalog;
  pushes: PushRegistry;
}

/** Where every simulated phone listens (and so the address its events come from). */
const PHONE_IP = '127.0.0.1';

async function startPhone(
  options: ResolvedOptions,
  index: number,
  macAddress: string,
  shared: SharedParts,
): Promise<RunningPhone> {
  const phone: SimulatedPhone = new SimulatedPhone(
    {
      index,
      model: options.model,
      dialect: options.dialect,
      laterFirmware: options.laterFirmware,
      firmware: options.firmware,
      screenCapture: options.screenCapture,
      expansionModules: options.expansionModules,
      catalog: shared.catalog,
      macAddress,
      adminPassword: options.adminPassword,
      userPassword: options.userPassword,
      restApiEnabled: options.restApiEnabled,
      farEndAnswerMs: options.farEndAnswerMs,
      rebootMs: options.rebootMs,
    },
    (call, now) => shared.exchange.place(phone, call, now),
  );
  let certificate: PhoneCertificate | null = options.https
    ? await createPhoneCertificate(macAddress)
    : null;
  const steer = createControlHandler(phone, {
    rotateCertificate: async () => {
      if (!certificate) return null;
      certificate = await createPhoneCertificate(macAddress);
      server.setCertificate(certificate);
      return certificate.fingerprint;
    },
  });
  shared.pushes.add(phone, PHONE_IP);
  const changed = () => shared.pushes.changed();
  const control: typeof steer = async (method, path, body) => {
    try {
      return await steer(method, path, body);
    } finally {
      changed();
    }
  };
  const server: PhoneServer = new PhoneServer({
    phone,
    routes: ROUTES,
    tls: certificate,
    controlToken: options.controlToken,
    latencyMs: options.latencyMs,
    queueParallel: options.queueParallel,
    authenticator: new Authenticator(options.digest),
    control,
    timers: shared.timers,
    changed,
  });
  const port = await server.listen(options.port === 0 ? 0 : options.port + index - 1);
  shared.exchange.join(phone, port);
  const scheme = options.https ? 'https' : 'http';
  const info: SimulatedPhoneInfo = {
    index,
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    model: options.model.id,
    macAddress,
    username: USERNAME,
    get dialect() {
      return phone.dialect.name;
    },
    get adminPassword() {
      return phone.adminPassword;
    },
    get userPassword() {
      return phone.userPassword;
    },
    get fingerprint() {
      return certificate?.fingerprint ?? null;
    },
  };
  return { info, server };
}

/**
 * Starts simulated VVX phones on 127.0.0.1, each with its own HTTP(S) server, REST API and
 * control API (`/__sim/`). Throws SimulatorOptionsError for bad options, or the listen error
 * (e.g. EADDRINUSE) after closing the phones already started.
 */
export async function startSimulator(options?: SimulatorOptions): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const shared: SharedParts = {
    timers: new TimerSet(),
    exchange: new PhoneExchange(),
    catalog: await loadParameterCatalog(),
    pushes: new PushRegistry(),
  };
  const macBase = randomBytes(3).readUIntBE(0, 3);
  const started = await Promise.allSettled(
    Array.from({ length: resolved.phones }, (_, i) => {
      const mac = `0004F2${((macBase + i) & 0xffffff).toString(16).toUpperCase().padStart(6, '0')}`;
      return startPhone(resolved, i + 1, mac, shared);
    }),
  );
  const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const close = async (): Promise<void> => {
    shared.timers.clear();
    shared.pushes.close();
    await Promise.all(running.map((r) => r.server.close()));
  };
  const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await close();
    throw failure.reason instanceof Error ? failure.reason : new Error(String(failure.reason));
  }
  return { phones: running.map((r) => r.info), controlToken: resolved.controlToken, close };
}
