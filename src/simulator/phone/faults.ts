import { z } from 'zod';

/** A fault that hits the next `count` REST requests (optionally only those on `paths`). */
const countedFault = z.strictObject({
  count: z.number().int().min(0).max(1_000_000),
  paths: z.array(z.string().startsWith('/api/')).max(50).optional(),
});
export type CountedFault = z.infer<typeof countedFault>;

/** A fault that hits the next `count` pushed events. */
const pushShots = z.strictObject({ count: z.number().int().min(0).max(1_000_000) });
export type PushShots = z.infer<typeof pushShots>;

/** Body of `POST /__sim/faults`: every field optional; given fields replace the current ones. */
export const faultsInput = z.strictObject({
  clear: z.boolean().optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  jitterMs: z.number().int().min(0).max(600_000).optional(),
  slowPaths: z
    .record(z.string().startsWith('/api/'), z.number().int().min(0).max(600_000))
    .optional(),
  busy: countedFault.extend({ as: z.enum(['http403', 'status4001']).optional() }).optional(),
  fail5000: countedFault.optional(),
  drop: countedFault.optional(),
  dropAfter: countedFault.optional(),
  hang: countedFault.optional(),
  unreachableMs: z.number().int().min(0).max(3_600_000).optional(),
  endCallBug: z.boolean().optional(),
  overload: z
    .strictObject({
      maxPerSecond: z.number().int().min(1).max(100_000),
      unreachableMs: z.number().int().min(0).max(3_600_000),
    })
    .nullable()
    .optional(),
  pushDrop: pushShots.optional(),
  pushDelayMs: z.number().int().min(0).max(600_000).optional(),
  pushDuplicate: pushShots.optional(),
  pushReorder: pushShots.optional(),
  // Loopback only: a wrong source is another address of 127.0.0.0/8, so traffic never leaves.
  pushFrom: z
    .string()
    .regex(/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/, 'a loopback address like 127.0.0.2')
    .nullable()
    .optional(),
});
export type FaultsInput = z.infer<typeof faultsInput>;

export interface Faults {
  latencyMs: number;
  jitterMs: number;
  slowPaths: Record<string, number>;
  busy: (CountedFault & { as: 'http403' | 'status4001' }) | null;
  fail5000: CountedFault | null;
  drop: CountedFault | null;
  /** Processed (the effect happens), then the connection is dropped instead of the answer. */
  dropAfter: CountedFault | null;
  hang: CountedFault | null;
  /** Armed: the next successful endCall hangs the REST server until a reboot (firmware 5.5.2). */
  endCallBug: boolean;
  /** Hammering: over `maxPerSecond` requests in a second make the phone stop answering a while. */
  overload: { maxPerSecond: number; unreachableMs: number } | null;
  /** The next `count` pushed events are never sent. */
  pushDrop: PushShots | null;
  /** Every pushed event waits this long before it is sent. */
  pushDelayMs: number;
  /** The next `count` pushed events are sent twice. */
  pushDuplicate: PushShots | null;
  /** The next `count` pushed events are held back and sent after the event that follows them. */
  pushReorder: PushShots | null;
  /** Pushed events leave from this local address instead of the phone's (a wrong source). */
  pushFrom: string | null;
}

/** No faults. */
export function noFaults(): Faults {
  return {
    latencyMs: 0,
    jitterMs: 0,
    slowPaths: {},
    busy: null,
    fail5000: null,
    drop: null,
    dropAfter: null,
    hang: null,
    endCallBug: false,
    overload: null,
    pushDrop: null,
    pushDelayMs: 0,
    pushDuplicate: null,
    pushReorder: null,
    pushFrom: null,
  };
}

/** Applies a control-API faults body to the current faults (unreachableMs is the caller's). */
export function mergeFaults(current: Faults, input: FaultsInput): Faults {
  const base = input.clear ? noFaults() : current;
  return {
    latencyMs: input.latencyMs ?? base.latencyMs,
    jitterMs: input.jitterMs ?? base.jitterMs,
    slowPaths: input.slowPaths ?? base.slowPaths,
    busy: input.busy ? { ...input.busy, as: input.busy.as ?? 'http403' } : base.busy,
    fail5000: input.fail5000 ?? base.fail5000,
    drop: input.drop ?? base.drop,
    dropAfter: input.dropAfter ?? base.dropAfter,
    hang: input.hang ?? base.hang,
    endCallBug: input.endCallBug ?? base.endCallBug,
    overload: input.overload === undefined ? base.overload : input.overload,
    pushDrop: input.pushDrop ?? base.pushDrop,
    pushDelayMs: input.pushDelayMs ?? base.pushDelayMs,
    pushDuplicate: input.pushDuplicate ?? base.pushDuplicate,
    pushReorder: input.pushReorder ?? base.pushReorder,
    pushFrom: input.pushFrom === undefined ? base.pushFrom : input.pushFrom,
  };
}

/** Takes one shot of a push fault: true (and one fewer left) when it applies. */
export function takePushShot(fault: PushShots | null): boolean {
  if (!fault || fault.count <= 0) return false;
  fault.count -= 1;
  return true;
}

/**
 * Takes one shot of a counted fault for `path`: true (and one fewer left) when it applies.
 * The fault object is updated in place so the control API shows what is left.
 */
export function takeShot(fault: CountedFault | null, path: string): boolean {
  if (!fault || fault.count <= 0) return false;
  if (fault.paths && !fault.paths.includes(path)) return false;
  fault.count -= 1;
  return true;
}

/** Extra processing time for one request: latency, a random share of jitter, slow paths. */
export function extraDelayMs(faults: Faults, path: string): number {
  const jitter = faults.jitterMs > 0 ? Math.floor(Math.random() * (faults.jitterMs + 1)) : 0;
  return faults.latencyMs + jitter + (faults.slowPaths[path] ?? 0);
}

/** Requests counted in the current one-second window (for the overload fault). */
export interface RequestWindow {
  start: number;
  count: number;
}

/** Counts a request; true when it pushes the phone over the overload fault's limit. */
export function overloaded(faults: Faults, window: RequestWindow, now: number): boolean {
  if (!faults.overload) return false;
  if (now - window.start >= 1000) {
    window.start = now;
    window.count = 0;
  }
  window.count += 1;
  return window.count > faults.overload.maxPerSecond;
}
