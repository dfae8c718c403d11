/**
 * The phones' bad days, re-armed on a cycle through the simulator's control API: latency with
 * jitter, busy answers (HTTP 403 and Status 4001), dropped connections, hung requests, an
 * outage and a reboot, each followed by a calm step; and an incoming call now and then.
 */
import {
  controlRequest as control,
  type SimulatedPhoneInfo,
  type Simulator,
} from '../../src/simulator';

/** One step of the cycle: what it arms on a phone. */
interface FaultStep {
  kind: string;
  arm: (phone: SimulatedPhoneInfo, token: string) => Promise<unknown>;
}

const faults = (kind: string, body: unknown): FaultStep => ({
  kind,
  arm: (phone, token) => control(phone, token, 'POST', 'faults', body),
});

const STEPS: readonly FaultStep[] = [
  faults('latency+jitter', { latencyMs: 120, jitterMs: 200 }),
  faults('calm', { clear: true }),
  faults('busy 403', { busy: { count: 6 } }),
  faults('busy 4001', { busy: { count: 4, as: 'status4001' } }),
  faults('calm', { clear: true }),
  faults('drops', { drop: { count: 3 } }),
  faults('hangs', { hang: { count: 2 } }),
  faults('calm', { clear: true }),
  faults('outage', { unreachableMs: 4000 }),
  faults('calm', { clear: true }),
  { kind: 'reboot', arm: (phone, token) => control(phone, token, 'POST', 'reboot', { ms: 3000 }) },
  faults('calm', { clear: true }),
];

export interface FaultCycle {
  /** How often each kind of fault was armed. */
  armed: Map<string, number>;
  rings: number;
  /** Rings the phone turned away (it was rebooting, or had no free line). */
  ringsRefused: number;
  /** Failures of the control API itself (never expected). */
  errors: string[];
  /** Stops the cycle and clears every fault. */
  stop(): Promise<void>;
}

/** Arms the next step on alternate phones every `stepMs`, and rings a phone every `ringMs`. */
export function startFaultCycle(sim: Simulator, stepMs: number, ringMs: number): FaultCycle {
  const armed = new Map<string, number>();
  const errors: string[] = [];
  let step = 0;
  let rings = 0;
  let ringsRefused = 0;
  const note = (error: unknown): void => {
    errors.push(error instanceof Error ? error.message : String(error));
  };
  const faultTimer = setInterval(() => {
    const next = STEPS[step % STEPS.length];
    const phone = sim.phones[step % sim.phones.length];
    step += 1;
    if (next === undefined || phone === undefined) return;
    armed.set(next.kind, (armed.get(next.kind) ?? 0) + 1);
    next.arm(phone, sim.controlToken).catch(note);
  }, stepMs);
  const ringTimer = setInterval(() => {
    const phone = sim.phones[rings % sim.phones.length];
    rings += 1;
    if (phone === undefined) return;
    const from = `555${String(rings % 10_000).padStart(4, '0')}`;
    control(phone, sim.controlToken, 'POST', 'ring', { from, ringMs: 3000 }).catch(() => {
      ringsRefused += 1;
    });
  }, ringMs);
  return {
    armed,
    get rings() {
      return rings;
    },
    get ringsRefused() {
      return ringsRefused;
    },
    errors,
    async stop() {
      clearInterval(faultTimer);
      clearInterval(ringTimer);
      await Promise.all(
        sim.phones.map((phone) =>
          control(phone, sim.controlToken, 'POST', 'faults', { clear: true }).catch(note),
        ),
      );
    },
  };
}
