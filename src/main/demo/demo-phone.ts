import { randomBytes } from 'node:crypto';

import { phoneControl, startSimulator, type Simulator } from '../../simulator';

/** Who calls the demo phone, in turn: made-up callers on the reserved 555-01xx numbers. */
const DEMO_CALLERS: readonly { name: string; number: string }[] = [
  { name: 'Ada Lovelace', number: '+15555550101' },
  { name: 'Grace Hopper', number: '+15555550102' },
  { name: 'Alan Turing', number: '+15555550103' },
];

/** How long a demo caller lets the phone ring before giving up (it becomes a missed call). */
const DEMO_RING_MS = 45_000;

/** A simulated phone running inside this process, for first runs and demos. */
export interface DemoPhone {
  url: string;
  username: string;
  password: string;
  /** SHA-256 fingerprint of its HTTPS certificate, pinned like any real phone's. */
  fingerprint: string;
  /** Has the next demo caller ring the phone (a second one while a call is up: call waiting). */
  ring(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the project's simulator in-process: one VVX 601 over HTTPS on an ephemeral 127.0.0.1
 * port, with a fresh random admin password, so a new user sees a working phone at once and the
 * demo exercises the same certificate pinning and authentication as a real phone.
 */
export async function startDemoPhone(): Promise<DemoPhone> {
  const password = randomBytes(12).toString('base64url');
  const simulator: Simulator = await startSimulator({
    phones: 1,
    https: true,
    port: 0,
    adminPassword: password,
  });
  const phone = simulator.phones[0];
  if (phone === undefined || phone.fingerprint === null) {
    await simulator.close();
    throw new Error('The simulator started without an HTTPS phone');
  }
  const control = phoneControl(phone, simulator.controlToken);
  let turn = 0;
  return {
    url: phone.url,
    username: phone.username,
    password,
    fingerprint: phone.fingerprint,
    async ring() {
      const caller = DEMO_CALLERS[turn % DEMO_CALLERS.length] ?? { name: '', number: '5550100' };
      turn += 1;
      await control.ring(caller.number, caller.name, { ringMs: DEMO_RING_MS });
    },
    close: () => simulator.close(),
  };
}
