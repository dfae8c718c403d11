import { control } from '../../../bench/sim-control';
import type { SimulatedPhoneInfo } from '../../../src/simulator';

/** A call as the simulator's state dump shows it (the phone's own v2 field names). */
export interface SimCall {
  CallHandle: string;
  CallState: string;
  RemotePartyNumber: string;
  Dtmf: string;
  [key: string]: unknown;
}

export interface SimState {
  restApiEnabled: boolean;
  muted: boolean;
  calls: SimCall[];
  [key: string]: unknown;
}

/** The simulator's control API for one phone, as the tests steer it. */
export interface SimControl {
  /** Rings the phone from `from`; resolves with the new call's handle. */
  ring(from: string, name?: string): Promise<string>;
  /** The far end answers or hangs up a call. */
  remote(handle: string, action: 'answer' | 'hangup'): Promise<void>;
  /** Flips phone settings directly (REST API on/off, passwords, line registration). */
  config(body: Record<string, unknown>): Promise<void>;
  /** Arms simulator faults (e.g. `{ fail5000: { count: 1, paths: [...] } }`). */
  faults(body: Record<string, unknown>): Promise<void>;
  state(): Promise<SimState>;
  stats(): Promise<{ dials: { destination: string; line: number }[]; [key: string]: unknown }>;
  reset(): Promise<void>;
}

/**
 * Control helpers for a simulated phone, authenticated with the simulator's control token, over
 * the one pinned control client (bench/sim-control.ts), so HTTP and HTTPS simulators both work.
 */
export function simControl(phone: SimulatedPhoneInfo, controlToken: string): SimControl {
  const request = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> =>
    (await control(phone, controlToken, method, path, body)) as T;

  return {
    async ring(from, name) {
      const answer = await request<{ handle: string | null }>('POST', 'ring', {
        from,
        ...(name ? { name } : {}),
      });
      if (answer.handle === null)
        throw new Error('the simulated phone did not ring (do not disturb?)');
      return answer.handle;
    },
    async remote(handle, action) {
      await request('POST', 'remote', { handle, action });
    },
    async config(body) {
      await request('POST', 'config', body);
    },
    async faults(body) {
      await request('POST', 'faults', body);
    },
    state: () => request<SimState>('GET', 'state'),
    stats: () => request('GET', 'stats'),
    async reset() {
      await request('POST', 'reset', {});
    },
  };
}
