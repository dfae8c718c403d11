import http, { type ClientRequest } from 'node:http';
import https from 'node:https';

import { takePushShot } from '../phone/faults';
import type { SimulatedPhone } from '../phone/phone';
import { bump } from '../phone/stats';

/** How long a post may take before the phone gives up on it (events are best-effort). */
const POST_TIMEOUT_MS = 2000;
/** How long a held-back event waits for a successor before it is sent anyway. */
const REORDER_HOLD_MS = 1000;

interface Outgoing {
  url: string;
  xml: string;
  element: string;
}

/**
 * Posts one phone's events, one at a time and in order (best-effort: a failed post is counted,
 * never retried), through the push faults: drop, delay, duplicate, reorder, wrong source.
 */
export class PushSender {
  private chain: Promise<void> = Promise.resolve();
  private held: Outgoing | null = null;
  private heldTimer: NodeJS.Timeout | null = null;
  private readonly active = new Set<ClientRequest>();
  private readonly waits = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly phone: SimulatedPhone) {}

  /** Queues an event for `url`, as the faults in force say. */
  send(url: string, xml: string, element: string): void {
    if (this.closed) return;
    const { faults, stats } = this.phone;
    bump(stats.pushes.events, element);
    if (takePushShot(faults.pushDrop)) {
      stats.pushes.dropped += 1;
      stats.faultsInjected += 1;
      return;
    }
    const outgoing = { url, xml, element };
    if (takePushShot(faults.pushReorder)) {
      stats.faultsInjected += 1;
      this.releaseHeld();
      this.held = outgoing;
      this.heldTimer = setTimeout(() => this.releaseHeld(), REORDER_HOLD_MS);
      return;
    }
    this.enqueue(outgoing);
    if (takePushShot(faults.pushDuplicate)) {
      stats.faultsInjected += 1;
      this.enqueue(outgoing);
    }
    this.releaseHeld();
  }

  /** Stops sending: queued events are forgotten, posts in flight are cut. */
  close(): void {
    this.closed = true;
    if (this.heldTimer !== null) clearTimeout(this.heldTimer);
    for (const timer of this.waits) clearTimeout(timer);
    for (const request of this.active) request.destroy();
  }

  private releaseHeld(): void {
    if (this.heldTimer !== null) clearTimeout(this.heldTimer);
    this.heldTimer = null;
    const held = this.held;
    this.held = null;
    if (held !== null) this.enqueue(held);
  }

  private enqueue(outgoing: Outgoing): void {
    const delayMs = this.phone.faults.pushDelayMs;
    this.chain = this.chain
      .then(() => this.wait(delayMs))
      .then(() => this.post(outgoing))
      .catch(() => undefined);
  }

  private wait(ms: number): Promise<void> {
    if (ms <= 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      this.waits.add(timer);
    });
  }

  private post({ url, xml }: Outgoing): Promise<void> {
    if (this.closed) return Promise.resolve();
    const { stats, faults } = this.phone;
    const target = new URL(url);
    const body = Buffer.from(xml, 'utf8');
    const client = target.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      stats.pushes.sent += 1;
      const request = client.request(target, {
        method: 'POST',
        headers: { 'content-type': 'text/xml', 'content-length': String(body.length) },
        ...(faults.pushFrom === null ? {} : { localAddress: faults.pushFrom }),
        // A receiver's certificate is not checked: no CA list is simulated.
        ...(target.protocol === 'https:' ? { rejectUnauthorized: false } : {}),
        agent: false,
      });
      this.active.add(request);
      const done = () => {
        this.active.delete(request);
        resolve();
      };
      request.setTimeout(POST_TIMEOUT_MS, () => request.destroy());
      request.on('response', (response) => {
        bump(stats.pushes.statuses, String(response.statusCode ?? 0));
        response.resume();
        response.on('end', done);
        response.on('error', done);
      });
      request.on('error', () => {
        stats.pushes.failed += 1;
        done();
      });
      request.end(body);
    });
  }
}
