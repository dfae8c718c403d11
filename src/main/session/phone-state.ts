/**
 * The one state kept per phone (connection health, lines, calls) and the typed events that
 * announce every change to it. Listeners never see a password and cannot break the engine.
 */
import type { Call, Line, PhoneEvent, PhoneStatus } from '../../shared/domain';
import type { VvxCall } from '../vvx/vvx-schemas';
import { CallTracker } from './call-tracker';

/** Events a session emits: every PhoneEvent kind except the manager's 'phones-changed'. */
export type SessionEvent = Exclude<PhoneEvent, { type: 'phones-changed' }>;
export type SessionListener = (event: SessionEvent) => void;

/** Health, lines and calls of one phone, with change events. */
export class PhoneState {
  private current: PhoneStatus;
  private lineList: Line[] = [];
  private readonly calls = new CallTracker();
  private readonly listeners = new Set<SessionListener>();

  constructor(readonly phoneId: string) {
    this.current = {
      phoneId,
      health: 'connecting',
      attention: null,
      message: 'Connecting to the phone…',
      presentedFingerprint: null,
      model: null,
      firmware: null,
      macAddress: null,
      lastSeenAt: null,
    };
  }

  get status(): PhoneStatus {
    return this.current;
  }

  get lines(): Line[] {
    return this.lineList;
  }

  get callList(): Call[] {
    return this.calls.list();
  }

  /** The current call with this handle, in any spelling. */
  findCall(handle: string): Call | undefined {
    return this.calls.find(handle);
  }

  /** Subscribes; returns the unsubscribe function. */
  on(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Merges a status change; emits 'phone-status' only when something a user sees changed. */
  setStatus(patch: Partial<Omit<PhoneStatus, 'phoneId'>>): void {
    const next = { ...this.current, ...patch };
    const visible = (status: PhoneStatus) => JSON.stringify({ ...status, lastSeenAt: null });
    const changed = visible(next) !== visible(this.current);
    this.current = next;
    if (changed) this.emit({ type: 'phone-status', phoneId: this.phoneId, status: next });
  }

  /** Replaces the lines; emits 'lines-changed' when they differ. */
  setLines(lines: Line[]): void {
    if (JSON.stringify(lines) === JSON.stringify(this.lineList)) return;
    this.lineList = lines;
    this.emit({ type: 'lines-changed', phoneId: this.phoneId, lines });
  }

  /** Applies a fresh callStatus and emits call-added/changed/removed and incoming-call. */
  applyCalls(reported: VvxCall[], observedAt: number): void {
    for (const event of this.calls.update(this.phoneId, reported, observedAt)) this.emit(event);
  }

  private emit(event: SessionEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A faulty listener (a closed window, a broken pipe in `watch`) must not stop the engine.
      }
    }
  }
}
