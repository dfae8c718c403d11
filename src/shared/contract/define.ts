/** How a request channel is declared: its argument schema and, as a type, what it answers. */
import type { z } from 'zod';

/** One request channel of the contract. */
export interface Verb<Args extends z.ZodType, Result> {
  /** Every argument is parsed with this in the core before use: the caller is never trusted. */
  readonly args: Args;
  /** Never set at run time: it carries the channel's result type. */
  readonly result?: Result;
}

/** Declares a channel in one place: `dial: verb(dialArgs).returns<{ handle: string | null }>()`. */
export function verb<Args extends z.ZodType>(
  args: Args,
): { returns<Result>(): Verb<Args, Result> } {
  return { returns: () => ({ args }) };
}

/** A phone verb that answers nothing but "done". */
export function action<Args extends z.ZodType>(args: Args): Verb<Args, null> {
  return { args };
}
