import { z } from 'zod';
import type { CallLogKind, CallLogRecord } from '../calls/call-logs';
import { DIALECT_NAMES, dialectNamed, type DialectName } from '../dialects/dialects';
import type { ControlHandler } from '../http/phone-server';
import { faultsInput, mergeFaults, type Faults } from '../phone/faults';
import type { LineView, SimulatedPhone } from '../phone/phone';
import { CAPTURE_ENABLED } from '../phone/capture-names';
import { callV2 } from '../rest/routes-call-status';
import { captureBitmap, captureServed, captureSettingOn } from '../screen/screen-capture';

const ringInput = z.strictObject({
  from: z.string().trim().min(1).max(128),
  name: z.string().max(128).optional(),
  line: z.number().int().min(1).max(99).optional(),
  ringMs: z.number().int().min(0).max(3_600_000).optional(),
});

const remoteInput = z.strictObject({
  handle: z.string().min(1).max(32),
  action: z.enum(['answer', 'hangup']),
});

const configInput = z.strictObject({
  params: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
  source: z.enum(['CONFIG', 'WEB', 'LOCAL']).optional(),
  registration: z
    .record(z.string().regex(/^\d+$/), z.enum(['Registered', 'Unregistered']))
    .optional(),
  dnd: z.boolean().optional(),
  dialect: z.enum(DIALECT_NAMES).optional(),
});

const rebootInput = z.strictObject({ ms: z.number().int().min(0).max(3_600_000).optional() });

const screenCaptureInput = z.strictObject({ on: z.boolean() });

const captureInput = z.strictObject({
  screen: z
    .string()
    .regex(/^(mainScreen|em\/[1-9])$/)
    .optional(),
});

/** Body of `POST /__sim/ring`. */
export type RingInput = z.input<typeof ringInput>;
/** Body of `POST /__sim/config`. */
export type ConfigInput = z.input<typeof configInput>;

type Answer = { httpStatus: number; json: unknown };

function bad(message: string): Answer {
  return { httpStatus: 400, json: { error: message } };
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

export interface ControlHooks {
  /** Issues the phone a new certificate; resolves with its fingerprint (null over plain HTTP). */
  rotateCertificate: () => Promise<string | null>;
}

/** A call in the state dump: callStatus v2's fields plus the DTMF digits the phone sent. */
export type SnapshotCall = Record<string, string> & { Dtmf: string };

/** What a test may want to see of the phone at once (`GET /__sim/state`). */
export interface PhoneSnapshot {
  model: string;
  dialect: DialectName;
  macAddress: string;
  uptimeSeconds: number;
  unreachable: boolean;
  restHung: boolean;
  restApiEnabled: boolean;
  dnd: boolean;
  muted: boolean;
  lines: LineView[];
  calls: SnapshotCall[];
  logs: Record<CallLogKind, readonly CallLogRecord[]>;
  faults: Faults;
  /** The screen capture: the admin's switch, the user's setting (either way), whether it is served. */
  screenCapture: { enabled: boolean; setting: boolean; served: boolean };
}

function snapshot(phone: SimulatedPhone, now: number): PhoneSnapshot {
  return {
    model: phone.model.id,
    dialect: phone.dialect.name,
    macAddress: phone.setup.macAddress,
    uptimeSeconds: phone.uptimeSeconds(now),
    unreachable: phone.unreachable(now),
    restHung: phone.restHung,
    restApiEnabled: phone.config.enabled('apps.restapi.enabled'),
    dnd: phone.dnd,
    muted: phone.calls.muted,
    lines: phone.lines(),
    calls: phone.calls.list().map((c) => ({ ...callV2(phone, c, now), Dtmf: c.dtmf })),
    logs: {
      missed: phone.calls.logs.list('missed'),
      received: phone.calls.logs.list('received'),
      placed: phone.calls.logs.list('placed'),
    },
    faults: phone.faults,
    screenCapture: {
      enabled: phone.config.enabled(CAPTURE_ENABLED),
      setting: captureSettingOn(phone),
      served: captureServed(phone),
    },
  };
}

/**
 * The simulator's own API under `/__sim/` (documented in README.md). It never counts in the
 * phone's statistics, ignores the one-request-at-a-time rule and answers while the phone is
 * rebooting, hung or has its REST API disabled, so tests can always steer and inspect it.
 */
export function createControlHandler(phone: SimulatedPhone, hooks: ControlHooks): ControlHandler {
  return async (method, path, body) => {
    const now = Date.now();
    phone.settle(now);
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /__sim/stats':
        return { httpStatus: 200, json: phone.stats };
      case 'GET /__sim/state':
        return { httpStatus: 200, json: snapshot(phone, now) };
      case 'GET /__sim/faults':
        return { httpStatus: 200, json: phone.faults };
      case 'POST /__sim/ring': {
        const input = ringInput.safeParse(body);
        if (!input.success) return bad(zodMessage(input.error));
        const { from, name, line, ringMs } = input.data;
        const result = phone.calls.ring(
          { from, name: name ?? '', line: line ?? 1, dnd: phone.dnd, ringMs },
          now,
        );
        if (result === null) return { httpStatus: 200, json: { handle: null, missed: true } };
        if (!result.ok)
          return { httpStatus: 409, json: { error: result.message, status: result.status } };
        return { httpStatus: 200, json: { handle: result.call.handle } };
      }
      case 'POST /__sim/remote': {
        const input = remoteInput.safeParse(body);
        if (!input.success) return bad(zodMessage(input.error));
        const { handle, action } = input.data;
        const result =
          action === 'answer'
            ? phone.calls.remoteAnswer(handle, now)
            : phone.calls.remoteHangUp(handle, now);
        if (!result.ok)
          return { httpStatus: 409, json: { error: result.message, status: result.status } };
        return { httpStatus: 200, json: { handle: result.call.handle, state: result.call.state } };
      }
      case 'POST /__sim/faults': {
        const input = faultsInput.safeParse(body);
        if (!input.success) return bad(zodMessage(input.error));
        phone.faults = mergeFaults(phone.faults, input.data);
        if (input.data.unreachableMs !== undefined)
          phone.unreachableUntil = now + input.data.unreachableMs;
        if (input.data.clear) phone.restHung = false;
        return { httpStatus: 200, json: phone.faults };
      }
      case 'POST /__sim/config': {
        const input = configInput.safeParse(body);
        if (!input.success) return bad(zodMessage(input.error));
        const { params, source, registration, dnd, dialect } = input.data;
        // A line beyond the model's line keys can never exist: refuse it rather than ignore it,
        // so a test steering the wrong line learns so at once.
        const beyond = Object.keys(registration ?? {}).find(
          (line) => Number(line) < 1 || Number(line) > phone.model.lineKeys,
        );
        if (beyond !== undefined)
          return bad(
            `registration: ${phone.model.id} has lines 1–${phone.model.lineKeys}, not ${beyond}`,
          );
        if (params) {
          const result = phone.config.setMany(params, source ?? 'CONFIG');
          if (!result.ok) return bad(result.message);
        }
        for (const [line, state] of Object.entries(registration ?? {})) {
          phone.setRegistration(Number(line), state);
        }
        if (dnd !== undefined) phone.dnd = dnd;
        if (dialect !== undefined) phone.dialect = dialectNamed(dialect);
        return { httpStatus: 200, json: snapshot(phone, now) };
      }
      case 'POST /__sim/reboot': {
        const input = rebootInput.safeParse(body);
        if (!input.success) return bad(zodMessage(input.error));
        phone.reboot(now, input.data.ms);
        return {
          httpStatus: 200,
          json: { unreachableUntil: new Date(phone.unreachableUntil).toISOString() },
        };
      }
      case 'POST /__sim/screen-capture': {
        const input = screenCaptureInput.safeParse(body);
        if (!input.success) return bad(zodMessage(input.error));
        // The phone lists the setting in its preferences only while the admin's switch is on.
        if (!phone.config.enabled(CAPTURE_ENABLED)) {
          return {
            httpStatus: 409,
            json: {
              error: `The phone shows no Screen Capture setting while ${CAPTURE_ENABLED} is 0`,
            },
          };
        }
        phone.screen.captureSetting = input.data.on;
        return { httpStatus: 200, json: snapshot(phone, now).screenCapture };
      }
      case 'POST /__sim/capture': {
        const input = captureInput.safeParse(body);
        if (!input.success) return bad(zodMessage(input.error));
        const bitmap = captureBitmap(phone, input.data.screen ?? 'mainScreen', now);
        if (bitmap === null)
          return { httpStatus: 409, json: { error: 'The phone has no such screen' } };
        return { httpStatus: 200, json: { bmp: bitmap.toString('base64') } };
      }
      case 'POST /__sim/reset':
        phone.resetAll(now);
        return { httpStatus: 200, json: { reset: true } };
      case 'POST /__sim/rotate-certificate':
        return { httpStatus: 200, json: { fingerprint: await hooks.rotateCertificate() } };
      default:
        return { httpStatus: 404, json: { error: `No control endpoint ${route}` } };
    }
  };
}
