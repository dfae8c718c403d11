import { randomBytes } from 'node:crypto';

import { startSimulator, type Simulator } from '../../simulator';

/** A simulated phone running inside this process, for first runs and demos. */
export interface DemoPhone {
  url: string;
  username: string;
  password: string;
  /** SHA-256 fingerprint of its HTTPS certificate, pinned like any real phone's. */
  fingerprint: string;
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
  return {
    url: phone.url,
    username: phone.username,
    password,
    fingerprint: phone.fingerprint,
    close: () => simulator.close(),
  };
}
