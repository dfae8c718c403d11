/**
 * Turns the phone's admin answers into the contract's shapes (DeviceDetails, LineDetails,
 * MediaSample): flat key/value groups the admin console can show without knowing each firmware.
 */
import type {
  DeviceDetails,
  LineDetails,
  MediaSample,
  SkypeStatus,
} from '../../shared/contract/device';
import type { VvxLine } from '../vvx/vvx-line-schemas';
import { flatten, normaliseHandle, pick } from '../vvx/vvx-values';

export interface DeviceAnswers {
  uptimeSeconds: number | null;
  device: Record<string, unknown>;
  network: unknown;
  networkStats: unknown;
  stats: unknown;
  location: unknown;
  /** Absent where the firmware has no device/runningConfig. */
  runningConfig?: unknown;
}

/** Groups the device answers; attached hardware is split out of the device info. */
export function toDeviceDetails(answers: DeviceAnswers): DeviceDetails {
  const { AttachedHardware: attached, ...device } = answers.device;
  return {
    uptimeSeconds: answers.uptimeSeconds,
    device: flatten(device),
    network: flatten(answers.network),
    networkStats: flatten(answers.networkStats),
    stats: flatten(answers.stats),
    location: flatten(answers.location),
    attachedHardware: flatten(attached),
    ...(answers.runningConfig === undefined
      ? {}
      : { runningConfig: flatten(answers.runningConfig) }),
  };
}

/** getPresence's answer as the admin console shows it (`Presence`, or the first text found). */
export function toSkypeStatus(data: unknown): SkypeStatus {
  const details = flatten(data);
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const presence = pick(record, 'Presence', 'presence', 'State');
  return {
    supported: true,
    presence: typeof presence === 'string' ? presence : (Object.values(details)[0] ?? null),
    details,
  };
}

/** What the admin console shows where the phone answers 4004 (no Skype for Business profile). */
export const SKYPE_UNSUPPORTED: SkypeStatus = { supported: false, presence: null, details: {} };

/** One line's details for the admin console. */
export function toLineDetails(line: VvxLine): LineDetails {
  return {
    line: line.line,
    label: line.label,
    address: line.address,
    registration: line.registration,
    protocol: line.protocol,
    proxies: line.callServers,
    registrars: line.callServers,
    forwarding: line.forwarding,
    doNotDisturb: line.doNotDisturb,
    raw: flatten(line.raw),
  };
}

function numberOf(value: unknown): number | null {
  const parsed = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return value === undefined || value === '' || !Number.isFinite(parsed) ? null : parsed;
}

/** One sample per media session, from its voice stream (or first stream). */
export function toMediaSamples(sessions: Record<string, unknown>[], at: number): MediaSample[] {
  return sessions.map((session) => {
    const streams = Array.isArray(session.Streams)
      ? session.Streams.filter(
          (stream): stream is Record<string, unknown> =>
            typeof stream === 'object' && stream !== null,
        )
      : [];
    const voice =
      streams.find((stream) => String(pick(stream, 'Category') ?? '').includes('Voice')) ??
      streams[0] ??
      {};
    const expected = numberOf(pick(voice, 'PacketsExpected')) ?? 0;
    const lost = numberOf(pick(voice, 'PacketsLost')) ?? 0;
    return {
      handle: normaliseHandle(String(pick(session, 'Ref') ?? '0')),
      at,
      jitterMs: numberOf(pick(voice, 'Jitter')) ?? 0,
      packetLossPercent: expected > 0 ? Math.round((lost / expected) * 10_000) / 100 : 0,
      mos: numberOf(pick(voice, 'RxMOSLQ', 'RxMOSCQ')),
      codec: String(pick(voice, 'RxCodec') ?? ''),
      raw: flatten(session),
    };
  });
}
