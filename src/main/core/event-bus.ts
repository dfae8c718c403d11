import type { EventChannel, EventPayloads } from '../../shared/contract/events';

type Listener<E extends EventChannel> = (payload: EventPayloads[E]) => void;

/**
 * The core's typed event stream (phone events, dial requests, contacts and settings changes).
 * A listener that throws is reported on `onListenerError` and never stops the others: one broken
 * window or socket must not cut the rest off from call events.
 */
export class EventBus {
  private readonly listeners = new Map<EventChannel, Set<Listener<EventChannel>>>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  /** Calls `listener` for each `event` until the returned function is called. */
  subscribe<E extends EventChannel>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(event, set);
    }
    // Stored under its own channel only, so it is only ever called with that channel's payload.
    const stored = listener as Listener<EventChannel>;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  /** Delivers `payload` to every listener of `event`. */
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
