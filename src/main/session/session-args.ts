import type { ParsedArgs, RequestChannel } from '../../shared/contract';

/** What a session verb takes: the channel's arguments without the phone, which the session is. */
export type SessionArgs<C extends RequestChannel> = Omit<ParsedArgs<C>, 'phoneId'>;
