/**
 * `links.*`: click-to-dial from outside the window. A tel:/sip: link, `--dial` or the shortcut
 * asks to dial; when that must be confirmed, the core holds the parsed request by id and the
 * window only asks the user and confirms (or dismisses) that id.
 */
import { z } from 'zod';

import type { ParsedLink } from '../dial-target';
import { phoneId } from '../value-rules';
import { verb } from './define';

/** Where a dial request came from, for the confirmation prompt. */
const DIAL_REQUEST_SOURCES = ['link', 'command-line', 'shortcut'] as const;
export type DialRequestSource = (typeof DIAL_REQUEST_SOURCES)[number];

/** A dial from outside the window that waits for the user's confirmation. */
export interface DialRequest {
  /** What the window confirms or dismisses. */
  id: string;
  source: DialRequestSource;
  link: ParsedLink;
}

const requestId = z.string().min(1).max(64);

export const links = {
  parse: verb(z.strictObject({ link: z.string().max(2048) })).returns<ParsedLink>(),
  /**
   * Dials `link` on the default phone at once, or — when settings say to ask, and always for an
   * emergency or very short number — holds it and emits 'dial-request': then `'confirm'`.
   */
  request: verb(
    z.strictObject({ source: z.enum(DIAL_REQUEST_SOURCES), link: z.string().max(2048) }),
  ).returns<{ handle: string | null } | 'confirm'>(),
  /**
   * Dials a held request: on the default phone, else `phoneId` (the phone the window shows),
   * else the first phone.
   */
  confirmDial: verb(z.strictObject({ id: requestId, phoneId: phoneId.optional() })).returns<{
    handle: string | null;
  }>(),
  /** Forgets a held request the user declined. */
  dismissDial: verb(z.strictObject({ id: requestId })).returns<null>(),
};
