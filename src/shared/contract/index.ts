/**
 * The one contract between the core and every UI (Electron preload, browser host, CLI, tests),
 * split by namespace: each file declares its channels once, with the schema the core parses the
 * argument with and the type it answers. The dispatcher, the handlers, the preload's API and
 * the browser client are all typed from here, so a channel added here is checked everywhere.
 *
 * This module and the namespace files bring zod along: UIs import them for types only and
 * build their API with `createDeskpilotApi` (api.ts), which needs no schema at run time.
 */
import type { z } from 'zod';

import { calls } from './calls';
import { config } from './config';
import { contacts } from './contacts';
import type { Verb } from './define';
import { device } from './device';
import { fleet } from './fleet';
import { links } from './links';
import { phones } from './phones';
import { push } from './push';
import { screen } from './screen';
import { settings } from './settings';

/** Every request channel, by namespace and verb. */
export const CONTRACT = {
  phones,
  calls,
  screen,
  device,
  config,
  push,
  contacts,
  settings,
  links,
  fleet,
};

type Contract = typeof CONTRACT;
export type Namespace = keyof Contract;
/** The verbs of one namespace, e.g. 'dial' | 'answer' | … for 'calls'. */
export type VerbOf<N extends Namespace> = keyof Contract[N] & string;
/** A channel's name, e.g. 'calls.dial'. */
export type RequestChannel = { [N in Namespace]: `${N}.${VerbOf<N>}` }[Namespace];

type ChannelOf<C extends RequestChannel> = C extends `${infer N extends Namespace}.${infer V}`
  ? V extends VerbOf<N>
    ? Contract[N][V]
    : never
  : never;
type SchemaOf<C extends RequestChannel> =
  ChannelOf<C> extends Verb<infer Args, unknown> ? Args : never;

/** What a caller passes (defaults not yet applied). */
export type RequestArgs<C extends RequestChannel> = z.input<SchemaOf<C>>;
/** What a handler receives after parsing. */
export type ParsedArgs<C extends RequestChannel> = z.output<SchemaOf<C>>;
type ResultsOf<Channels extends RequestChannel> = {
  [C in Channels]: ChannelOf<C> extends Verb<z.ZodType, infer Result> ? Result : never;
};
/**
 * What each channel answers. An interface rather than the mapped type itself, so that
 * `RequestResults[C]` for a generic C stays a lookup until C is known (callers' literal answers
 * then keep their literal types).
 */
export interface RequestResults extends ResultsOf<RequestChannel> {}

/**
 * What the core implements: one async handler per channel, receiving parsed arguments. The
 * dispatcher (src/main/ipc) parses, calls the handler and maps thrown errors to a ContractError.
 */
export type ContractHandlers = {
  [C in RequestChannel]: (args: ParsedArgs<C>) => Promise<RequestResults[C]>;
};

/** Every request channel's name. */
export const REQUEST_CHANNELS: readonly RequestChannel[] = Object.entries(CONTRACT).flatMap(
  ([namespace, verbs]) => Object.keys(verbs).map((name) => `${namespace}.${name}`),
) as RequestChannel[];

/** The argument schema of `channel`. */
export function argumentSchema(channel: RequestChannel): z.ZodType {
  const [namespace, name] = channel.split('.') as [Namespace, string];
  const verbs: Record<string, Verb<z.ZodType, unknown>> = CONTRACT[namespace];
  const declared = verbs[name];
  if (declared === undefined) throw new Error(`The contract has no channel ${channel}`);
  return declared.args;
}
