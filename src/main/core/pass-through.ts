/**
 * The handlers of every phone verb that the session answers as it is: `calls.hold` calls
 * `session.calls.hold(args)` for the phone named in the arguments, `device.restart` calls
 * `session.device.restart(args)`, and so on, made from the contract's table rather than written
 * out. A verb added to `calls`, `screen`, `device` or `config` needs its session method and
 * nothing here; TypeScript refuses a session that lacks one.
 */
import {
  CONTRACT,
  type ContractHandlers,
  type RequestChannel,
  type RequestResults,
  type VerbOf,
} from '../../shared/contract';
import type { SessionArgs } from '../session/session-args';

/** The namespaces whose verbs are methods of the session part of the same name. */
const SESSION_NAMESPACES = ['calls', 'screen', 'device', 'config'] as const;
type SessionNamespace = (typeof SESSION_NAMESPACES)[number];

/** Channels of those namespaces the core answers itself (see call-handlers.ts). */
const CORE_CHANNELS = ['calls.dial'] as const satisfies readonly RequestChannel[];
type CoreChannel = (typeof CORE_CHANNELS)[number];

type Channel<N extends SessionNamespace, V extends string> = `${N}.${V}` & RequestChannel;
type PassedVerb<N extends SessionNamespace> = {
  [V in VerbOf<N>]: Channel<N, V> extends CoreChannel ? never : V;
}[VerbOf<N>];
/** What a verb answers: nothing for the contract's `null`, else the channel's result. */
type Answer<C extends RequestChannel> = RequestResults[C] extends null
  ? Promise<void>
  : Promise<RequestResults[C]>;

/** What a session part must offer for its namespace: one method per verb. */
export type SessionPart<N extends SessionNamespace> = {
  [V in PassedVerb<N>]: (args: SessionArgs<Channel<N, V>>) => Answer<Channel<N, V>>;
};
export type SessionParts = { [N in SessionNamespace]: SessionPart<N> };

type PassedChannel = Exclude<
  { [N in SessionNamespace]: Channel<N, VerbOf<N>> }[SessionNamespace],
  CoreChannel
>;

type LooseHandler = (args: { phoneId: string }) => Promise<unknown>;
type LoosePart = Record<string, (args: unknown) => Promise<unknown>>;

/** The pass-through handlers over the session of each phone (started on first use). */
export function createPassThroughHandlers(
  session: (phoneId: string) => SessionParts,
): Pick<ContractHandlers, PassedChannel> {
  const core: ReadonlySet<string> = new Set(CORE_CHANNELS);
  const handlers: Record<string, LooseHandler> = {};
  for (const namespace of SESSION_NAMESPACES) {
    for (const verb of Object.keys(CONTRACT[namespace])) {
      const channel = `${namespace}.${verb}`;
      if (core.has(channel)) continue;
      handlers[channel] = async ({ phoneId, ...args }) => {
        // SessionParts guarantees the method; TypeScript cannot follow the names as strings.
        const part = session(phoneId)[namespace] as unknown as LoosePart;
        return (await part[verb]?.(args)) ?? null;
      };
    }
  }
  // One handler per channel of PassedChannel, each answering the channel's own result.
  return handlers as unknown as Pick<ContractHandlers, PassedChannel>;
}
