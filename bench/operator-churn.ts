/**
 * The people at the phones for measurement 10: every second, `perSecond` different phones of a
 * pool each take their next step — a call rings in (the simulator's control API), is answered at
 * the phone (its REST `answerCall`, through a request queue as the phone allows one request at a
 * time), is hung up by the caller — spread evenly over the second. A phone whose last step has
 * not finished skips its turn (counted as late).
 */
import { RequestQueue } from '../src/main/vvx/request-queue';
import { VvxClient } from '../src/main/vvx/vvx-client';
import { phoneControl, type PhoneControl, type Simulator } from '../src/simulator';
import { sleep } from './figures';

interface ChurnPhone {
  control: PhoneControl;
  client: VvxClient;
  queue: RequestQueue;
  /** The call in progress: ringing until answered, then connected until hung up. */
  call: { handle: string; answered: boolean } | null;
  busy: boolean;
}

/** What the churn did: steps taken, skipped because the phone was still busy, and failed. */
export interface ChurnCount {
  steps: number;
  late: number;
  failed: number;
  /** Why the first failed step failed, in the phone's or the simulator's words. */
  firstFailure?: string;
  seconds: number;
}

/** A running churn; `stop` waits for the steps in flight and hangs up every call it left. */
export interface Churn {
  stop(): Promise<ChurnCount>;
}

/** Starts changing `perSecond` phones' states a second, taken in turn from `positions`. */
export function startChurn(simulator: Simulator, positions: number[], perSecond: number): Churn {
  const phones: ChurnPhone[] = positions.map((position) => {
    const phone = simulator.phones[position];
    if (phone === undefined) throw new Error(`the simulator has no phone ${position + 1}`);
    return {
      control: phoneControl(phone, simulator.controlToken),
      client: new VvxClient({
        url: phone.url,
        username: phone.username,
        password: phone.adminPassword,
        pinnedFingerprint: phone.fingerprint,
      }),
      queue: new RequestQueue(),
      call: null,
      busy: false,
    };
  });
  const count: ChurnCount = { steps: 0, late: 0, failed: 0, seconds: 0 };
  const inFlight = new Set<Promise<void>>();
  let running = true;
  let turn = 0;
  let calls = 0;

  async function step(phone: ChurnPhone): Promise<void> {
    phone.busy = true;
    try {
      const { call } = phone;
      if (call === null) {
        calls += 1;
        const handle = await phone.control.ring(
          `5559${String(calls).padStart(6, '0')}`,
          `Churn ${calls}`,
        );
        phone.call = { handle, answered: false };
      } else if (!call.answered) {
        await phone.queue.enqueue({
          priority: 'action',
          effect: 'write',
          run: () => phone.client.answerCall(call.handle),
        });
        call.answered = true;
      } else {
        phone.call = null;
        await phone.control.remote(call.handle, 'hangup');
      }
      count.steps += 1;
    } catch (error) {
      count.failed += 1;
      count.firstFailure ??= error instanceof Error ? error.message : String(error);
      // Start the phone over: whatever call it had is hung up below or by the next ring.
      const handle = phone.call?.handle;
      phone.call = null;
      if (handle !== undefined) await phone.control.remote(handle, 'hangup').catch(() => undefined);
    } finally {
      phone.busy = false;
    }
  }

  const ticking = (async () => {
    const gap = 1000 / perSecond;
    while (running) {
      const second = performance.now();
      for (let i = 0; i < perSecond && running; i += 1) {
        const phone = phones[turn % phones.length];
        turn += 1;
        if (phone === undefined) continue;
        if (phone.busy) {
          count.late += 1;
        } else {
          const work = step(phone);
          inFlight.add(work);
          void work.finally(() => inFlight.delete(work));
        }
        await sleep(Math.max(0, second + (i + 1) * gap - performance.now()));
      }
      count.seconds += 1;
    }
  })();

  return {
    async stop() {
      running = false;
      await ticking;
      await Promise.all(inFlight);
      await Promise.all(
        phones.map(async (phone) => {
          if (phone.call !== null) {
            await phone.control.remote(phone.call.handle, 'hangup').catch(() => undefined);
          }
          phone.queue.close();
          await phone.client.close();
        }),
      );
      return count;
    },
  };
}
