/**
 * Reads that older firmware answers at an older path: device info and lineInfo v2 came with
 * UC Software 5.8; before it (and where a family left them out) the v1 paths name the same
 * facts. Each is one turn of the queue: the v1 request follows the v2 one at once.
 */
import { toPhoneError } from '../vvx/phone-error';
import type { VvxClient } from '../vvx/vvx-client';
import type { VvxLine } from '../vvx/vvx-line-schemas';
import type { VvxDeviceInfo } from '../vvx/vvx-schemas';

/** Whether the v2 path is simply not there (a 404, whatever it turns out to mean). */
function absent(error: unknown): boolean {
  const { code } = toPhoneError(error);
  return code === 'api-disabled' || code === 'not-supported';
}

/** Device identity, firmware and uptime: v2, else v1. */
export function readDeviceInfo(client: VvxClient): Promise<VvxDeviceInfo> {
  return client.deviceInfoV2().catch((error: unknown) => {
    if (absent(error)) return client.deviceInfoV1();
    throw error;
  });
}

/** The lines: v2 (servers, forwarding), else v1. */
export function readLines(client: VvxClient): Promise<VvxLine[]> {
  return client.lineInfoV2().catch((error: unknown) => {
    if (absent(error)) return client.lineInfoV1();
    throw error;
  });
}
