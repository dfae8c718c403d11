import type { ConnectionTestResult } from '../../shared/contract/phones';
import { testConnection } from '../vvx/connection-test';
import { DeskpilotError } from '../ground/deskpilot-error';
import type { DemoLifecycle } from './demo-lifecycle';
import type { HandlersOf } from './handler-types';
import type { PhoneManager } from './phone-manager';

/**
 * Handlers of the `phones.*` channels. Adding a phone tests the connection first and refuses with
 * the exact problem; an unknown certificate is refused with the fingerprint the user must accept.
 */
export function createPhoneHandlers(
  manager: PhoneManager,
  demo: DemoLifecycle,
): HandlersOf<'phones.'> {
  return {
    'phones.list': async () => manager.list(),
    'phones.snapshots': async () => manager.snapshots(),
    'phones.add': async ({ name, url, username, password, acceptFingerprint, group }) => {
      const pinnedFingerprint = await requireWorkingConnection({
        url,
        username,
        password,
        ...(acceptFingerprint === undefined ? {} : { acceptFingerprint }),
      });
      return manager.add({ name, url, username, password, pinnedFingerprint, group });
    },
    'phones.update': async ({ phoneId, ...patch }) => manager.update(phoneId, patch),
    'phones.remove': async ({ phoneId }) => {
      await manager.remove(phoneId);
      return null;
    },
    'phones.test': async (input) => testConnection(input),
    'phones.acceptCertificate': async ({ phoneId, fingerprint }) =>
      manager.update(phoneId, { pinnedFingerprint: fingerprint.toUpperCase() }),
    'phones.addDemo': async () => demo.ensure(),
    'phones.ringDemo': async () => demo.ring(),
  };
}

/**
 * Tests a connection and returns the certificate fingerprint to pin (null over plain HTTP), or
 * throws the exact problem in words.
 */
async function requireWorkingConnection(input: {
  url: string;
  username: string;
  password: string;
  acceptFingerprint?: string;
}): Promise<string | null> {
  const result = await testConnection({
    ...input,
    ...(input.acceptFingerprint === undefined
      ? {}
      : { acceptFingerprint: input.acceptFingerprint.toUpperCase() }),
  });
  if (!result.ok) throw connectionProblem(result);
  return result.fingerprint;
}

/** The error for a failed connection test: its exact problem, with the fingerprint to accept. */
export function connectionProblem(result: ConnectionTestResult): DeskpilotError {
  const fingerprintMissing =
    result.fingerprint !== null &&
    (result.attention === 'certificate-unknown' || result.attention === 'certificate-changed') &&
    !result.message.includes(result.fingerprint);
  const message = fingerprintMissing
    ? `${result.message} The phone presented the certificate ${result.fingerprint}.`
    : result.message;
  return new DeskpilotError(result.attention ?? 'phone-error', message);
}
