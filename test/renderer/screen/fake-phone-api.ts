/**
 * A contract API over an in-test transport for component tests: answers the screen channels
 * from a scripted capture and records every call. (End-to-end tests use the real core and
 * simulator; these exercise the view's own logic quickly.)
 */
import {
  createDeskpilotApi,
  type ContractTransport,
  type DeskpilotApi,
  type RequestOutcome,
} from '../../../src/shared/contract/api';
import type { EventChannel, EventPayloads } from '../../../src/shared/contract/events';
import type { RequestChannel } from '../../../src/shared/contract';
import type { ScreenCapture } from '../../../src/shared/contract/screen';

export interface RecordedCall {
  channel: RequestChannel;
  args: unknown;
}

export interface FakePhone {
  api: DeskpilotApi;
  calls: RecordedCall[];
  capture: ScreenCapture;
  /** Answers for other channels, by channel name. */
  answers: Partial<Record<RequestChannel, (args: unknown) => RequestOutcome<RequestChannel>>>;
  callsTo(channel: RequestChannel): unknown[];
  /** Pushes an event to every subscriber, as the core would. */
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void;
}

/** A fake phone whose screen is `capture` (mutable between reads). */
export function fakePhone(capture: Partial<ScreenCapture> = {}): FakePhone {
  const calls: RecordedCall[] = [];
  const answers: FakePhone['answers'] = {};
  const listeners = new Set<{ event: EventChannel; listener: (payload: unknown) => void }>();
  const screen = {
    current: {
      xml: '<Screen/>',
      model: 'VVX601',
      width: 480,
      height: 252,
      touch: true,
      keys: false,
      unavailableReason: null,
      capturedAt: 0,
      ...capture,
    },
  };
  const transport: ContractTransport = {
    async invoke(channel, args) {
      calls.push({ channel, args });
      const answer = answers[channel];
      const outcome: RequestOutcome<RequestChannel> = answer
        ? answer(args)
        : channel === 'screen.get'
          ? { ok: true, value: { ...screen.current } }
          : { ok: true, value: null };
      // The outcome's value type depends on the channel; the script supplies matching values.
      return outcome as RequestOutcome<typeof channel>;
    },
    subscribe(event, listener) {
      const entry = { event, listener: listener as (payload: unknown) => void };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
  return {
    api: createDeskpilotApi(transport),
    calls,
    answers,
    get capture() {
      return screen.current;
    },
    set capture(next) {
      screen.current = next;
    },
    emit(event, payload) {
      for (const entry of listeners) if (entry.event === event) entry.listener(payload);
    },
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((c) => c.args),
  };
}
