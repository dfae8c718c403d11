/**
 * The "Test connection" step of adding a phone: connect once, and either say what was found or
 * name the exact problem with its fix, including the certificate fingerprint to compare.
 */
import type { ConnectionTestResult } from '../../shared/contract/phones';
import { normaliseFingerprint } from './pinned-connector';
import { PhoneError, toPhoneError } from './phone-error';
import { RequestQueue } from './request-queue';
import { VvxClient } from './vvx-client';
import type { VvxDeviceInfo } from './vvx-schemas';

export interface ConnectionTestInput {
  url: string;
  username: string;
  password: string;
  acceptFingerprint?: string;
}

/**
 * Connects once, names the exact problem (api-disabled, default-password, wrong-credentials,
 * unreachable, certificate-unknown with the fingerprint to show, certificate-changed), and
 * whether the credentials are admin.
 */
export async function testConnection(input: ConnectionTestInput): Promise<ConnectionTestResult> {
  const accepted =
    input.acceptFingerprint === undefined ? null : normaliseFingerprint(input.acceptFingerprint);
  let client: VvxClient;
  try {
    client = new VvxClient({ ...input, pinnedFingerprint: accepted });
  } catch (error) {
    return failure(toPhoneError(error));
  }
  // Busy answers are retried the same way the session does, so a test never hammers the phone.
  const queue = new RequestQueue({ limit: 4 });
  const ask = <T>(run: () => Promise<T>) =>
    queue.enqueue({ priority: 'action', effect: 'read', run });
  // The client accepted the URL, so it parses; its protocol is lower-case however it was typed.
  const fingerprint = new URL(input.url).protocol === 'https:' ? accepted : null;
  try {
    const admin = await adminDeviceInfo(ask, client);
    if (admin !== null) {
      return {
        ok: true,
        attention: null,
        message: `Connected to ${admin.model || 'the phone'}${admin.firmware ? ` (firmware ${admin.firmware})` : ''} with admin access.`,
        fingerprint,
        model: admin.model || null,
        firmware: admin.firmware || null,
        admin: true,
      };
    }
    await ask(() => client.callStatusV2());
    return {
      ok: true,
      attention: null,
      message:
        'Connected with a user-level account: calls work, but the admin console and the remote screen need the admin password.',
      fingerprint,
      model: null,
      firmware: null,
      admin: false,
    };
  } catch (error) {
    return failure(toPhoneError(error));
  } finally {
    queue.close();
    await client.close();
  }
}

/** Device info through an admin-only endpoint; null when these credentials are not admin. */
async function adminDeviceInfo(
  ask: <T>(run: () => Promise<T>) => Promise<T>,
  client: VvxClient,
): Promise<VvxDeviceInfo | null> {
  try {
    return await ask(() => client.deviceInfoV2());
  } catch (error) {
    const problem = toPhoneError(error);
    // Firmware before deviceInfo v2 answers 404 there: ask v1 before concluding "API off".
    if (problem.code === 'api-disabled') return ask(() => client.deviceInfoV1());
    if (
      problem.code === 'wrong-credentials' ||
      problem.code === 'insufficient-access' ||
      problem.busy
    ) {
      return null;
    }
    throw problem;
  }
}

function failure(error: PhoneError): ConnectionTestResult {
  const attention =
    error.code === 'api-disabled' ||
    error.code === 'default-password' ||
    error.code === 'wrong-credentials' ||
    error.code === 'certificate-unknown' ||
    error.code === 'certificate-changed' ||
    error.code === 'insufficient-access' ||
    error.code === 'unreachable'
      ? error.code
      : null;
  return {
    ok: false,
    attention,
    message: error.message,
    fingerprint: error.presentedFingerprint ?? null,
    model: null,
    firmware: null,
    admin: false,
  };
}
