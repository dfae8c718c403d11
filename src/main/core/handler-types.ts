import type { ContractHandlers, RequestChannel } from '../../shared/contract';

/** The handlers of the channels whose names start with `prefix` (e.g. 'calls.'). */
export type HandlersOf<Prefix extends string> = Pick<
  ContractHandlers,
  Extract<RequestChannel, `${Prefix}${string}`>
>;
